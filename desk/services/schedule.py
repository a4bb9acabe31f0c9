"""The desk's recurring work: the worker queues a feed poll every DESK_FEED_POLL_MINUTES.

Each feed keeps its own next poll time (later after failures), so a poll queued twice, or
by two workers, polls nothing twice."""

from django.conf import settings

from desk.tasks import poll_source_feeds


def poll_every_seconds() -> float:
    seconds: float = settings.DESK_FEED_POLL_MINUTES * 60
    return seconds


def queue_feed_poll() -> None:
    """Queue one poll of the feeds that are due (run_worker calls this on its schedule)."""
    poll_source_feeds.enqueue()
