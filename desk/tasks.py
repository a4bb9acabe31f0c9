"""Background work of the translation desk, run by `manage.py run_worker` (`make worker`).

Each task calls one service; `desk.services.schedule` queues them."""

from django.utils import timezone
from django_tasks import task

from desk.services import feeds


@task()
def poll_source_feeds() -> int:
    """Poll every feed that is due; the number of new candidates."""
    return sum(result.created for result in feeds.poll_due_feeds(now=timezone.now()))
