"""The desk's recurring work: the worker queues a feed poll every DESK_FEED_POLL_MINUTES.

Each feed keeps its own next poll time (later after failures), so a poll queued twice, or
by two workers, polls nothing twice."""

from django.conf import settings
from django.utils import timezone

from desk.models import SourceFeed
from desk.tasks import poll_source_feeds


def poll_every_seconds() -> float:
    seconds: float = settings.DESK_FEED_POLL_MINUTES * 60
    return seconds


def queue_feed_poll() -> bool:
    """Queue one poll when a feed is due (run_worker calls this on its schedule); a desk
    without feeds queues nothing."""
    if not SourceFeed.objects.due(timezone.now()).exists():
        return False
    poll_source_feeds.enqueue()
    return True
