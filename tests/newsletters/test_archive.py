"""A newsletter's archive of sent editions, its edition pages and its feeds."""

from datetime import timedelta

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsletters.models import NewsletterIssue
from tests.factories import (
    ArticleFactory,
    DraftFactory,
    NewsletterFactory,
    NewsletterIssueFactory,
    SeriesFactory,
    paragraphs,
)

pytestmark = pytest.mark.django_db

Status = NewsletterIssue.Status


def sent(newsletter, subject, *, days_ago=1, status=Status.SENT, articles=()):
    return NewsletterIssueFactory(
        newsletter=newsletter,
        subject=subject,
        status=status,
        sent_at=timezone.now() - timedelta(days=days_ago),
        articles=list(articles),
    )


@pytest.fixture
def editions(daily):
    story = ArticleFactory(
        headline="Farmers plough around mines",
        dek="Grain growers in Ukraine work fields swept for mines.",
        body=paragraphs(4, prefix="Body paragraph"),
    )
    older = sent(daily, "Older edition", days_ago=3, articles=[story])
    newer = sent(daily, "Newer edition", days_ago=1, articles=[story])
    partly = sent(daily, "Partly failed edition", days_ago=2, status=Status.PARTLY_FAILED)
    draft = NewsletterIssueFactory(newsletter=daily, subject="Draft edition", articles=[story])
    scheduled = NewsletterIssueFactory(
        newsletter=daily,
        subject="Scheduled edition",
        status=Status.SCHEDULED,
        scheduled_for=timezone.now() + timedelta(days=1),
    )
    sending = NewsletterIssueFactory(newsletter=daily, subject="Sending now", status=Status.SENDING)
    return {
        "story": story,
        "sent": [newer, partly, older],
        "unsent": [draft, scheduled, sending],
    }


def test_the_archive_lists_sent_editions_newest_first_and_nothing_unsent(client, daily, editions):
    response = client.get(f"/newsletters/{daily.slug}/archive/")
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == editions["sent"]
    html = response.content.decode()
    for issue in editions["unsent"]:
        assert issue.subject not in html
    assert html.index("Newer edition") < html.index("Partly failed") < html.index("Older edition")


def test_an_edition_shows_its_stories_as_headline_dek_and_link_never_the_body(
    client, daily, editions
):
    issue = editions["sent"][0]
    response = client.get(issue.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    story = editions["story"]
    assert story.headline in html
    assert story.dek in html
    assert f'href="{story.get_absolute_url()}"' in html
    assert "Body paragraph" not in html


def test_unpublished_stories_drop_out_of_past_editions(client, daily):
    gone = DraftFactory(headline="Withdrawn story")
    issue = sent(daily, "An edition", articles=[gone, ArticleFactory(headline="Still here")])
    html = client.get(issue.get_absolute_url()).content.decode()
    assert "Withdrawn story" not in html
    assert "Still here" in html


def test_drafts_scheduled_and_sending_editions_are_not_found(client, daily, editions):
    for issue in editions["unsent"]:
        assert client.get(f"/newsletters/{daily.slug}/archive/{issue.pk}/").status_code == 404


def test_an_edition_is_found_only_under_its_own_newsletter(client, daily, editions):
    other = NewsletterFactory(slug="eyes-on-us")
    issue = editions["sent"][0]
    assert client.get(f"/newsletters/{other.slug}/archive/{issue.pk}/").status_code == 404


def test_an_inactive_or_unknown_newsletter_has_no_archive_or_feed(client, daily, editions):
    daily.is_active = False
    daily.save()
    for path in ("archive/", f"archive/{editions['sent'][0].pk}/", "feed/", "feed/atom/"):
        assert client.get(f"/newsletters/{daily.slug}/{path}").status_code == 404
    assert client.get("/newsletters/no-such-newsletter/archive/").status_code == 404


def test_the_archive_is_paginated(client, daily):
    for n in range(14):
        sent(daily, f"Edition {n}", days_ago=n + 1)
    first = client.get(f"/newsletters/{daily.slug}/archive/")
    assert len(first.context["page_obj"]) == 12
    assert 'rel="next" href="?page=2"' in first.content.decode()
    second = client.get(f"/newsletters/{daily.slug}/archive/?page=2")
    assert [issue.subject for issue in second.context["page_obj"]] == ["Edition 12", "Edition 13"]


def test_an_archive_with_no_sent_edition_says_so(client, daily):
    NewsletterIssueFactory(newsletter=daily, subject="Only a draft")
    html = client.get(f"/newsletters/{daily.slug}/archive/").content.decode()
    assert "No edition of Worldcrunch Today has been sent yet" in html
    assert "Only a draft" not in html


@pytest.mark.parametrize("path", ["feed/", "feed/atom/"])
def test_the_feeds_carry_sent_editions_only_with_their_stories(client, daily, editions, path):
    response = client.get(f"/newsletters/{daily.slug}/{path}")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Worldcrunch Today: past editions | Worldcrunch"
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Newer edition", "Partly failed edition", "Older edition"]
    newest = parsed.entries[0]
    assert newest.link.endswith(editions["sent"][0].get_absolute_url())
    assert "Farmers plough around mines" in newest.summary
    assert editions["story"].get_absolute_url() in newest.summary
    assert "Body paragraph" not in response.content.decode()


def test_the_newsletters_page_links_each_archive_and_the_dailys_editions_on_the_site(client, daily):
    daily.series = SeriesFactory(name="Worldcrunch Today", slug="worldcrunch-today")
    daily.save()
    weekly = NewsletterFactory(name="Eyes on U.S.", slug="eyes-on-us", cadence="weekly")
    html = client.get("/newsletters/").content.decode()
    assert f'href="{daily.get_archive_url()}"' in html
    assert f'href="{weekly.get_archive_url()}"' in html
    assert f'href="{daily.series.get_absolute_url()}"' in html
    assert "Read Worldcrunch Today on the site" in html


def test_the_archive_links_its_feeds(client, daily, editions):
    html = client.get(f"/newsletters/{daily.slug}/archive/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert f"/newsletters/{daily.slug}/feed/" in html
    assert f"/newsletters/{daily.slug}/feed/atom/" in html


def test_a_newsletter_cannot_take_a_slug_its_archive_address_would_collide_with():
    newsletter = NewsletterFactory.build(slug="join")

    with pytest.raises(ValidationError) as refused:
        newsletter.full_clean()

    assert "taken by the newsletter pages" in str(refused.value)
