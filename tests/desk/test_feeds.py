"""Polling source feeds: new items become candidates, each original once; a feed that is
unreachable, malformed or huge is logged and retried later, imports nothing, and leaves the
other feeds alone. Feeds are served by a local HTTP server (pytest-httpserver)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from werkzeug import Response

from desk.models import SourceFeed, SourceStory
from desk.services import feeds, schedule
from tests.conftest import run_queued
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

ITEM = """<item>
  <title>{title}</title>
  <link>https://www.lemonde.example/{slug}.html?xtor=RSS-1</link>
  <pubDate>Tue, 01 Dec 2026 07:45:00 +0100</pubDate>
  <author>redaction@lemonde.example (Jeanne Martin)</author>
  <description><![CDATA[<p>{text}</p><p>Deuxième paragraphe.</p><script>x()</script>]]>
  </description>
</item>"""


def rss(*items, language="fr"):
    body = "".join(ITEM.format(**item) for item in items)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Le Monde</title><link>https://www.lemonde.example/</link>"
        f"<language>{language}</language><description>À la une</description>{body}"
        "</channel></rss>"
    )


VOTE = {"title": "L'Assemblée vote", "slug": "vote", "text": "Premier paragraphe."}
GREVE = {"title": "La grève continue", "slug": "greve", "text": "Les trains restent."}


@pytest.fixture
def feed(httpserver):
    return SourceFeed.objects.create(
        source=SourceFactory(name="Le Monde"), url=httpserver.url_for("/une.xml")
    )


def poll(feed):
    feed.refresh_from_db()
    return feeds.poll_feed(feed=feed, now=timezone.now())


def test_new_items_become_candidates_with_their_date_author_and_clean_text(httpserver, feed):
    httpserver.expect_request("/une.xml").respond_with_data(
        rss(VOTE, GREVE), content_type="application/rss+xml"
    )
    result = poll(feed)
    assert (result.created, result.error) == (2, "")
    story = SourceStory.objects.get(headline="L'Assemblée vote")
    assert story.original_url == "https://www.lemonde.example/vote.html"  # no tracking
    assert story.state == SourceStory.State.CANDIDATE
    assert story.via == SourceStory.Via.FEED
    assert story.feed == feed and story.source == feed.source
    assert story.language == "fr"
    assert "Jeanne Martin" in story.original_author
    assert story.original_published_at.isoformat() == "2026-12-01T06:45:00+00:00"
    assert story.text == "<p>Premier paragraphe.</p><p>Deuxième paragraphe.</p>"


def test_polling_again_asks_only_for_changes_and_adds_nothing_twice(httpserver, feed):
    httpserver.expect_ordered_request("/une.xml").respond_with_data(
        rss(VOTE), headers={"ETag": '"v1"', "Last-Modified": "Tue, 01 Dec 2026 07:00:00 GMT"}
    )
    httpserver.expect_ordered_request(
        "/une.xml", headers={"If-None-Match": '"v1"'}
    ).respond_with_response(Response(status=304))
    httpserver.expect_ordered_request("/une.xml").respond_with_data(rss(VOTE, GREVE))
    assert poll(feed).created == 1
    assert poll(feed).not_modified
    assert poll(feed).created == 1  # the second item only
    assert SourceStory.objects.count() == 2
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0


def test_the_same_original_in_two_feeds_is_one_candidate(httpserver, feed):
    other = SourceFeed.objects.create(source=feed.source, url=httpserver.url_for("/politique.xml"))
    httpserver.expect_request("/une.xml").respond_with_data(rss(VOTE))
    httpserver.expect_request("/politique.xml").respond_with_data(rss(VOTE, GREVE))
    results = feeds.poll_due_feeds(now=timezone.now())
    assert sum(result.created for result in results) == 2
    assert {result.feed for result in results} == {feed, other}
    assert SourceStory.objects.filter(headline="L'Assemblée vote").count() == 1


def test_a_malformed_feed_imports_nothing_and_the_other_feeds_carry_on(httpserver, feed):
    broken = SourceFeed.objects.create(source=feed.source, url=httpserver.url_for("/broken.xml"))
    half = rss(VOTE, GREVE)
    httpserver.expect_request("/broken.xml").respond_with_data(
        half[: half.index("<item>", 200) + 40]
    )
    httpserver.expect_request("/une.xml").respond_with_data(rss(GREVE))
    results = {result.feed.pk: result for result in feeds.poll_due_feeds(now=timezone.now())}
    assert "not well-formed" in results[broken.pk].error
    assert results[feed.pk].created == 1
    assert list(SourceStory.objects.values_list("headline", flat=True)) == ["La grève continue"]
    broken.refresh_from_db()
    assert broken.consecutive_failures == 1
    assert "not well-formed" in broken.last_error


def test_an_unreachable_feed_is_retried_later_and_later(feed, httpserver):
    httpserver.expect_request("/une.xml").respond_with_data("Gone", status=503)
    now = timezone.now()
    feeds.poll_feed(feed=feed, now=now)
    feed.refresh_from_db()
    first_wait = feed.next_poll_at - now
    assert "HTTP 503" in feed.last_error
    assert feeds.due_feeds(now + first_wait - timedelta(seconds=1)) == []
    feeds.poll_feed(feed=feed, now=now)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 2
    assert feed.next_poll_at - now == 2 * first_wait


def test_a_server_that_does_not_answer_is_a_failure_not_a_crash(feed, settings):
    feed.url = "http://127.0.0.1:9/une.xml"  # the discard port: connection refused
    feed.save()
    result = poll(feed)
    assert "could not be reached" in result.error
    assert SourceFeed.objects.get().consecutive_failures == 1


def test_a_feed_larger_than_the_cap_is_refused_whole(httpserver, feed, settings):
    settings.DESK_FEED_MAX_BYTES = 2_000
    httpserver.expect_request("/une.xml").respond_with_data(rss(*[VOTE] * 30))
    result = poll(feed)
    assert "larger than" in result.error
    assert not SourceStory.objects.exists()


def test_a_web_page_is_not_a_feed(httpserver, feed):
    httpserver.expect_request("/une.xml").respond_with_data(
        "<!doctype html><html><body><p>Bienvenue</p></body></html>", content_type="text/html"
    )
    assert poll(feed).error
    assert not SourceStory.objects.exists()


def test_an_edited_original_after_publication_makes_the_story_outdated(httpserver, feed):
    httpserver.expect_ordered_request("/une.xml").respond_with_data(rss(VOTE))
    httpserver.expect_ordered_request("/une.xml").respond_with_data(
        rss(VOTE | {"text": "Premier paragraphe, corrigé."})
    )
    poll(feed)
    story = SourceStory.objects.get()
    SourceStory.objects.filter(pk=story.pk).update(state=SourceStory.State.PUBLISHED)
    assert poll(feed).changed == 1
    story.refresh_from_db()
    assert story.state == SourceStory.State.OUTDATED
    assert story.revisions.get().text.startswith("<p>Premier paragraphe.</p>")


def test_inactive_feeds_are_not_polled(feed):
    feed.active = False
    feed.save()
    assert feeds.poll_due_feeds(now=timezone.now()) == []


def test_the_worker_queues_the_poll_and_the_task_polls_due_feeds(httpserver, feed, queued_tasks):
    httpserver.expect_request("/une.xml").respond_with_data(rss(VOTE))
    schedule.queue_feed_poll()
    assert [result.task.name for result in queued_tasks] == ["poll_source_feeds"]
    run_queued(queued_tasks)
    assert SourceStory.objects.count() == 1


def test_the_worker_queues_nothing_when_no_feed_is_due(feed, queued_tasks):
    SourceFeed.objects.update(next_poll_at=timezone.now() + timedelta(minutes=5))
    assert schedule.queue_feed_poll() is False
    assert queued_tasks == []


def test_the_command_polls_and_reports(httpserver, feed, capsys):
    httpserver.expect_request("/une.xml").respond_with_data(rss(VOTE, GREVE))
    call_command("poll_source_feeds")
    assert f"{feed.url}: 2 new, 0 changed" in capsys.readouterr().out
