"""Composing an issue: the inbox view, sample links, the rich introduction, today's edition."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from newsletters.models import NewsletterIssue
from newsletters.services import editions
from newsletters.services.issue_email import PREFERENCES_TOKEN, RECIPIENT, UNSUBSCRIBE_TOKEN
from newsletters.services.sending import send_test
from tests.factories import (
    ArticleFactory,
    NewsletterFactory,
    NewsletterIssueFactory,
    SeriesFactory,
    SubscriberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_preview_has_sample_links_and_no_placeholder(editor_client, daily):
    issue = NewsletterIssueFactory(newsletter=daily, articles=[ArticleFactory()])
    response = editor_client.get(
        reverse("admin:newsletters_newsletterissue_preview", args=[issue.pk])
    )
    html = response.text
    for placeholder in (RECIPIENT, PREFERENCES_TOKEN, UNSUBSCRIBE_TOKEN, "placeholder"):
        assert placeholder not in html
    assert "a.subscriber@example.com" in html
    assert "/newsletters/preferences/" in html
    # The change form frames it: only this page relaxes the site's "no framing" rule.
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    text = editor_client.get(
        reverse("admin:newsletters_newsletterissue_preview_text", args=[issue.pk])
    ).text
    assert "placeholder" not in text and "a.subscriber@example.com" in text


def test_change_form_shows_the_issue_as_an_inbox_lists_it(editor_client, daily, settings):
    settings.DEFAULT_FROM_EMAIL = "Worldcrunch <newsletters@example.com>"
    issue = NewsletterIssueFactory(
        newsletter=daily, subject="Monday: the Danube", preheader="Five stories, five countries."
    )
    html = editor_client.get(
        reverse("admin:newsletters_newsletterissue_change", args=[issue.pk])
    ).text
    inbox = html.split("As the inbox shows it", 1)[1]
    assert "<strong>Worldcrunch</strong>" in inbox
    assert "&lt;newsletters@example.com&gt;" in inbox
    assert "Monday: the Danube" in inbox
    assert "Five stories, five countries." in inbox
    assert reverse("admin:newsletters_newsletterissue_preview", args=[issue.pk]) in inbox


def test_intro_is_cleaned_by_the_article_sanitiser_and_read_as_text(daily):
    issue = NewsletterIssueFactory(
        newsletter=daily,
        intro="<p>Hello <strong>all</strong>.<script>alert(1)</script></p>"
        '<p>Read <a href="https://example.com/x" onclick="x()">this</a>.</p>',
    )
    issue.refresh_from_db()
    assert "<script>" not in issue.intro and "onclick" not in issue.intro
    assert "<strong>all</strong>" in issue.intro
    assert issue.intro_text == "Hello all.\n\nRead this (https://example.com/x)."


def test_a_plain_text_intro_becomes_paragraphs(daily):
    issue = NewsletterIssueFactory(newsletter=daily, intro="First line.\n\nSecond <b> line.")
    assert issue.intro.startswith("<p>First line.</p>")
    assert "Second &lt;b&gt; line." in issue.intro


def test_greeting_and_language_reach_the_email(daily):
    daily.greeting = "Bonjour!"
    daily.language = "fr"
    daily.save()
    issue = NewsletterIssueFactory(newsletter=daily, intro="<p>Voici.</p>")
    subscriber = SubscriberFactory(newsletters=[daily])
    send_test(issue=issue, to=subscriber.email)
    message = mail.outbox[-1]
    html = message.alternatives[0][0]
    assert '<html lang="en">' in html
    assert '<p lang="fr" style="margin:0 0 12px 0;font-weight:bold;">Bonjour!</p>' in html
    assert "Bonjour!" in html and "<p>Voici.</p>" in html
    assert message.body.index("Bonjour!") < message.body.index("Voici.")


def test_todays_edition_holds_the_stories_since_the_last_issue_newest_first(daily):
    now = timezone.now()
    NewsletterIssueFactory(newsletter=daily, status="sent", sent_at=now - timedelta(hours=20))
    ArticleFactory(headline="Before the last issue", published_at=now - timedelta(hours=30))
    older = ArticleFactory(headline="Older", published_at=now - timedelta(hours=10))
    newer = ArticleFactory(headline="Newer", published_at=now - timedelta(hours=1))
    ArticleFactory(headline="Scheduled", published_at=now + timedelta(hours=3))
    edition = editions.build_edition(newsletter=daily, created_by=None, now=now)
    assert edition.created
    items = list(edition.issue.items.order_by("position"))
    assert [item.article for item in items] == [newer, older]
    assert [item.position for item in items] == [1, 2]
    assert edition.issue.status == NewsletterIssue.Status.DRAFT
    assert edition.issue.preheader == "Newer"
    again = editions.build_edition(newsletter=daily, created_by=None, now=now)
    assert not again.created and again.issue == edition.issue


def test_a_series_newsletter_takes_only_its_series(daily):
    series = SeriesFactory(name="Eyes on U.S.")
    weekly = NewsletterFactory(slug="eyes-on-us", cadence="weekly", series=series)
    ArticleFactory(headline="Elsewhere")
    ours = ArticleFactory(headline="Ours", series=series)
    edition = editions.build_edition(newsletter=weekly, created_by=None)
    assert [item.article for item in edition.issue.items.all()] == [ours]


def test_the_build_button_makes_the_draft_and_opens_it(editor_client, daily, editor):
    story = ArticleFactory()
    url = reverse("admin:newsletters_newsletterissue_build", args=[daily.pk])
    changelist = editor_client.get(reverse("admin:newsletters_newsletterissue_changelist")).text
    assert url in changelist and "Build today's Worldcrunch Today" in changelist
    response = editor_client.post(url)
    issue = NewsletterIssue.objects.get()
    assert response["Location"] == reverse(
        "admin:newsletters_newsletterissue_change", args=[issue.pk]
    )
    assert issue.created_by == editor
    assert list(issue.articles.all()) == [story]
    assert editor_client.get(url).status_code == 302  # a GET builds nothing
    assert NewsletterIssue.objects.count() == 1


def test_a_writer_cannot_build_an_edition(client, writer, daily):
    client.force_login(writer)
    response = client.post(reverse("admin:newsletters_newsletterissue_build", args=[daily.pk]))
    assert response.status_code == 403
    assert not NewsletterIssue.objects.exists()


def test_building_for_a_newsletter_that_does_not_exist_is_a_404(editor_client):
    url = reverse("admin:newsletters_newsletterissue_build", args=[9999])
    assert editor_client.post(url).status_code == 404


def test_a_change_address_that_is_no_issue_is_not_a_server_error(editor_client):
    response = editor_client.get("/admin/newsletters/newsletterissue/1/change/widgets.css/change/")
    assert response.status_code in (302, 404)


def test_a_sent_issue_shows_its_intro_as_text_not_html_source(editor_client, daily):
    issue = NewsletterIssueFactory(
        newsletter=daily, status="sent", sent_at=timezone.now(), intro="<p>Hello <em>you</em>.</p>"
    )
    html = editor_client.get(
        reverse("admin:newsletters_newsletterissue_change", args=[issue.pk])
    ).text
    assert "<p>Hello <em>you</em>.</p>" in html
    assert "&lt;p&gt;Hello" not in html
