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
