"""Signed, expiring preview links, so an editor can show an unpublished article to anyone.

The link carries the article's id signed with SECRET_KEY and the time it was made; it is
valid for ARTICLE_PREVIEW_HOURS (48 by default). Nothing is stored: changing SECRET_KEY
revokes every link.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

SALT = "articles.preview"


class PreviewLinkError(Exception):
    """The link is forged, damaged, or for an article that no longer exists."""


class PreviewLinkExpired(PreviewLinkError):
    """The link was genuine, but is older than ARTICLE_PREVIEW_HOURS."""


@dataclass(frozen=True)
class PreviewLink:
    url: str  # path only; the admin shows it absolute
    expires_at: datetime


def max_age() -> timedelta:
    return timedelta(hours=settings.ARTICLE_PREVIEW_HOURS)


def make_preview_link(*, article: Article) -> PreviewLink:
    """A fresh link to the article as readers will see it, valid for the configured hours."""
    token = signing.TimestampSigner(salt=SALT).sign_object({"article": article.pk})
    return PreviewLink(
        url=reverse("articles:preview", kwargs={"token": token}),
        expires_at=timezone.now() + max_age(),
    )


def article_for_preview(*, token: str) -> tuple[Article, datetime]:
    """The article a link shows and when the link expires; PreviewLinkError if it may not."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        payload = signer.unsign_object(token, max_age=max_age())
    except signing.SignatureExpired as exc:
        raise PreviewLinkExpired("This preview link has expired.") from exc
    except signing.BadSignature as exc:
        raise PreviewLinkError("This preview link is not valid.") from exc
    signed_at = datetime.fromtimestamp(signing.b62_decode(token.rsplit(signer.sep, 2)[1]), UTC)
    article = Article.objects.for_page().filter(pk=payload.get("article")).first()
    if article is None:
        raise PreviewLinkError("The article of this preview link no longer exists.")
    return article, signed_at + max_age()
