"""Polling the source newspapers' RSS and Atom feeds for new stories (feedparser).

Each feed is fetched with a timeout and a size cap, asking only for what changed since the
last poll (ETag / Last-Modified). All of a feed's items are taken in one transaction, so a
feed that breaks half-way imports nothing; a failure is logged on the feed, which is then
polled again later and later (backoff) while the other feeds carry on.
"""

import calendar
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
from django.conf import settings
from django.db import transaction

from ..models import SourceFeed, SourceStory
from .intake import Original, receive

logger = logging.getLogger("desk.feeds")

USER_AGENT = "NewsroomDesk/1.0 (+feed reader of a translation desk)"
BACKOFF_MAX = timedelta(days=1)


class FeedError(Exception):
    """Why a feed could not be read, as the feed's page shows it."""


@dataclass(frozen=True)
class Fetched:
    content: bytes | None  # None: not modified since the last poll
    etag: str
    modified: str


@dataclass(frozen=True)
class PollResult:
    feed: SourceFeed
    created: int = 0
    changed: int = 0
    error: str = ""
    not_modified: bool = False


def fetch(*, url: str, etag: str = "", modified: str = "") -> Fetched:
    """The feed's bytes (at most DESK_FEED_MAX_BYTES), or None when it has not changed."""
    if not url.lower().startswith(("http://", "https://")):
        raise FeedError("Only http and https feed addresses are polled.")
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers)
    limit = settings.DESK_FEED_MAX_BYTES
    try:
        with urllib.request.urlopen(request, timeout=settings.DESK_FEED_TIMEOUT) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FeedError(f"The feed is larger than {limit // 1_000_000} MB.")
            content = response.read(limit + 1)
            if len(content) > limit:
                raise FeedError(f"The feed is larger than {limit // 1_000_000} MB.")
            return Fetched(
                content=content,
                etag=response.headers.get("ETag", ""),
                modified=response.headers.get("Last-Modified", ""),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(content=None, etag=etag, modified=modified)
        raise FeedError(f"The feed answered HTTP {error.code} ({error.reason}).") from error
    except urllib.error.URLError as error:
        raise FeedError(f"The feed could not be reached ({error.reason}).") from error
    except (TimeoutError, OSError) as error:
        raise FeedError(f"The feed could not be reached ({error}).") from error


def _moment(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def originals_in(content: bytes, *, language: str) -> list[Original]:
    """The items of an RSS or Atom document; FeedError when it is not a readable feed."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not isinstance(parsed.bozo_exception, feedparser.CharacterEncodingOverride):
        raise FeedError(f"The feed is not well-formed XML ({parsed.bozo_exception}).")
    if not parsed.get("version"):
        raise FeedError("This is not an RSS or Atom feed.")
    language = (parsed.feed.get("language") or language or "")[:2].lower()
    originals = []
    for entry in parsed.entries:
        link = entry.get("link", "")
        if not link.lower().startswith(("http://", "https://")):
            continue  # an item without an address cannot be one story
        text = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        originals.append(
            Original(
                url=link,
                headline=entry.get("title", "") or link,
                text=text,
                language=language,
                published_at=_moment(entry.get("published_parsed") or entry.get("updated_parsed")),
                author=entry.get("author", ""),
            )
        )
    return originals


def import_document(*, feed: SourceFeed, content: bytes, now: datetime) -> PollResult:
    """Take every item of one feed document, all or nothing."""
    originals = originals_in(content, language=feed_language(feed))
    created = changed = 0
    with transaction.atomic():
        for original in originals:
            received = receive(
                original=original, source=feed.source, via=SourceStory.Via.FEED, feed=feed, now=now
            )
            created += received.created
            changed += received.changed
    return PollResult(feed=feed, created=created, changed=changed)


def feed_language(feed: SourceFeed) -> str:
    """The source's language code, for feeds that do not declare theirs."""
    return str(feed.source.language or "").lower()


def backoff(failures: int) -> timedelta:
    """How long to wait after this many failures in a row: the interval, doubled each time."""
    interval = timedelta(minutes=int(settings.DESK_FEED_POLL_MINUTES))
    wait: timedelta = interval * 2 ** max(failures - 1, 0)
    return min(wait, BACKOFF_MAX)


def poll_feed(*, feed: SourceFeed, now: datetime) -> PollResult:
    """Fetch and import one feed; a failure is recorded on it, never raised."""
    try:
        fetched = fetch(url=feed.url, etag=feed.etag, modified=feed.modified)
        if fetched.content is None:
            result = PollResult(feed=feed, not_modified=True)
        else:
            result = import_document(feed=feed, content=fetched.content, now=now)
    except FeedError as error:
        feed.consecutive_failures += 1
        feed.last_error = str(error)[:1000]
        feed.last_polled_at = now
        feed.next_poll_at = now + backoff(feed.consecutive_failures)
        feed.save(
            update_fields=["consecutive_failures", "last_error", "last_polled_at", "next_poll_at"]
        )
        logger.warning(
            "Feed %s failed (%d in a row, next try %s): %s",
            feed.url,
            feed.consecutive_failures,
            feed.next_poll_at.isoformat(),
            error,
        )
        return PollResult(feed=feed, error=str(error))
    feed.etag, feed.modified = fetched.etag[:255], fetched.modified[:255]
    feed.consecutive_failures, feed.last_error = 0, ""
    feed.last_polled_at = now
    feed.next_poll_at = now + backoff(0)
    feed.save(
        update_fields=[
            "etag",
            "modified",
            "consecutive_failures",
            "last_error",
            "last_polled_at",
            "next_poll_at",
        ]
    )
    logger.info("Feed %s: %d new, %d changed", feed.url, result.created, result.changed)
    return result


def due_feeds(now: datetime) -> "list[SourceFeed]":
    """Active feeds whose next poll time has come (or that were never polled)."""
    return list(SourceFeed.objects.due(now).select_related("source"))


def poll_due_feeds(*, now: datetime) -> list[PollResult]:
    """Poll every feed that is due; one failing feed never stops the others."""
    return [poll_feed(feed=feed, now=now) for feed in due_feeds(now)]
