"""The Nu HTML checker finds no error on a newsletter's archive and edition pages, nor on
/newsletters/ with its archive links (the checker itself: test_html_validity.py)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from newsletters.models import Newsletter
from tests.browser.test_html_validity import fetch, nu_errors
from tests.factories import ArticleFactory, NewsletterIssueFactory

pytestmark = pytest.mark.django_db


def test_archive_and_edition_pages_have_no_html_error(site_content, tmp_path):
    daily = Newsletter.objects.get(slug="worldcrunch-today")
    daily.series = site_content.series
    daily.save()
    issue = NewsletterIssueFactory(
        newsletter=daily,
        status="sent",
        sent_at=timezone.now() - timedelta(days=1),
        articles=[site_content, ArticleFactory(headline="A second story")],
    )
    reader = Client()
    pages = {
        "newsletters-archive-links": fetch(reader, "/newsletters/"),
        "archive": fetch(reader, daily.get_archive_url()),
        "edition": fetch(reader, issue.get_absolute_url()),
    }
    assert "A second story" in pages["edition"]
    assert nu_errors(pages, tmp_path) == []
