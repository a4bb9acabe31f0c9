"""The demo newsletters: subscribers and one issue, sent into memory, loaded once."""

from io import StringIO

import pytest

from demo.content.newsletters import load_demo
from newsletters.models import NewsletterIssue, Subscriber
from tests.factories import ArticleFactory, NewsletterFactory, SeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def daily(db):
    """The daily newsletter, the one the masthead's signup box offers."""
    return NewsletterFactory(name="Worldcrunch Today", slug="worldcrunch-today", in_masthead=True)


def test_demo_loader_is_idempotent(daily):
    SeriesFactory(slug="eyes-on-us", name="Eyes on U.S.")
    ArticleFactory()
    load_demo(StringIO())
    load_demo(StringIO())

    assert Subscriber.objects.confirmed().count() == 4
    issue = NewsletterIssue.objects.get()
    assert issue.status == NewsletterIssue.Status.SENT
    assert issue.deliveries.count() == 3


def test_each_newsletter_gets_a_sent_issue_per_story_of_its_series_dated_as_the_story(daily):
    """The archive is not empty under make run: the daily's past issues are its In The News
    editions with the stories they link to, the weekly's its columns."""
    editions = SeriesFactory(slug="worldcrunch-today", name="Worldcrunch Today")
    column = SeriesFactory(slug="eyes-on-us", name="Eyes on U.S.")
    linked = ArticleFactory(slug="glacier-letters", headline="A glacier's letters")
    edition = ArticleFactory(
        series=editions,
        headline="Worldcrunch Today — Glaciers",
        body='<p>Read <a href="/article/glacier-letters/">the letters</a>.</p>',
    )
    week = ArticleFactory(series=column, headline="Eyes On U.S. — Tipping")
    load_demo(StringIO())
    load_demo(StringIO())

    archive = list(NewsletterIssue.objects.for_archive())
    by_subject = {issue.subject: issue for issue in archive}
    daily_issue = by_subject["Worldcrunch Today — Glaciers"]
    assert daily_issue.newsletter == daily
    assert [story.article for story in daily_issue.stories] == [linked]
    assert daily_issue.sent_at == edition.published_at
    weekly_issue = by_subject["Eyes on U.S.: Tipping"]
    assert [story.article for story in weekly_issue.stories] == [week]
    assert len(archive) == 3  # and the daily's welcome issue; nothing twice
