"""Signed, expiring preview links, so an editor can show an unpublished article to anyone.

The link carries the article's id signed with SECRET_KEY and the time it was made (the
token pair lives in newsroom.lib.signing); it is valid for ARTICLE_PREVIEW_HOURS (48 by
default). Nothing is stored: changing SECRET_KEY revokes every link.
"""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom.lib.signing import (
    InvalidToken,
    make_preview_token,
    preview_max_age,
    read_preview_token,
)


@dataclass(frozen=True)
class PreviewLink:
    url: str  # path only; the admin shows it absolute
    expires_at: datetime


def make_preview_link(*, article: Article) -> PreviewLink:
    """A fresh link to the article as readers will see it, valid for the configured hours."""
    token = make_preview_token(article_id=article.pk)
    return PreviewLink(
        url=reverse("articles:preview", kwargs={"token": token}),
        expires_at=timezone.now() + preview_max_age(),
    )


def article_for_preview(*, token: str) -> tuple[Article, datetime]:
    """The article a link shows and when the link expires. Raises ExpiredToken when the
    link is too old, InvalidToken when it is not ours or its article no longer exists."""
    claim = read_preview_token(token)
    article = Article.objects.for_page().filter(pk=claim.article_id).first()
    if article is None:
        raise InvalidToken("The article of this preview link no longer exists.")
    return article, claim.expires_at
