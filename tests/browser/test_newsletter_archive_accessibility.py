"""axe-core audits of a newsletter's archive and edition pages, on a desk and on a phone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from newsletters.models import Newsletter
from tests.browser.test_accessibility import assert_accessible
from tests.factories import ArticleFactory, NewsletterIssueFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def edition(site_content):
    daily = Newsletter.objects.get(slug="worldcrunch-today")
    daily.series = site_content.series
    daily.save()
    return NewsletterIssueFactory(
        newsletter=daily,
        status="sent",
        sent_at=timezone.now() - timedelta(days=1),
        articles=[site_content, ArticleFactory(headline="A second story")],
    )


@pytest.mark.parametrize("width", [1366, 390])
def test_archive_and_edition_pages_have_no_serious_violation(page, edition, width):
    page.set_viewport_size({"width": width, "height": 844})
    assert_accessible(page, edition.newsletter.get_archive_url())
    assert_accessible(page, edition.get_absolute_url())
