"""Today's edition in one click: a draft issue holding the latest published stories.

The editor then reorders the stories, writes the introduction and sends as usual; nothing
here sends anything. A newsletter tied to a series takes that series' stories only.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article
from newsletters.models import IssueArticle, Newsletter, NewsletterIssue

MAX_STORIES = 8
# With no story since the last sent issue (or no sent issue yet), the latest few.
FALLBACK_STORIES = 5
FIRST_EDITION_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class Edition:
    issue: NewsletterIssue
    created: bool  # False: today's draft already existed and is returned as it is
    stories: int


def latest_stories(*, newsletter: Newsletter, now: datetime) -> list[Article]:
    """Published since the newsletter's last sent issue (a day for a first one), newest first."""
    stories = Article.objects.published().newest_first()  # type: ignore[no-untyped-call]
    if newsletter.series_id:
        stories = stories.in_series(newsletter.series_id)
    last_sent = newsletter.issues.sent().order_by("-sent_at").values_list("sent_at", flat=True)
    since = last_sent.first() or now - FIRST_EDITION_WINDOW
    fresh = list(stories.published_since(since)[:MAX_STORIES])
    return fresh or list(stories[:FALLBACK_STORIES])


def todays_draft(*, newsletter: Newsletter, now: datetime) -> NewsletterIssue | None:
    today = timezone.localdate(now)
    return (
        newsletter.issues.filter(status=NewsletterIssue.Status.DRAFT, created_at__date=today)
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def build_edition(
    *, newsletter: Newsletter, created_by: User | None, now: datetime | None = None
) -> Edition:
    """Today's draft of this newsletter with its latest stories in position order.

    Refuses nothing: an inactive newsletter may be drafted (it cannot be sent). Building twice
    on one day returns the draft already started instead of a second one.
    """
    now = now or timezone.now()
    existing = todays_draft(newsletter=newsletter, now=now)
    if existing is not None:
        return Edition(issue=existing, created=False, stories=existing.items.count())
    stories = latest_stories(newsletter=newsletter, now=now)
    day = date_format(timezone.localdate(now), "l j F")
    issue = NewsletterIssue.objects.create(
        newsletter=newsletter,
        subject=f"{newsletter.name}, {day}",
        preheader=stories[0].headline[:200] if stories else "",
        created_by=created_by,
    )
    IssueArticle.objects.bulk_create(
        IssueArticle(issue=issue, article=article, position=position)
        for position, article in enumerate(stories, start=1)
    )
    return Edition(issue=issue, created=True, stories=len(stories))
