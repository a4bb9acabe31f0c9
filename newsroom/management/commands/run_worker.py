"""The background worker: django-tasks-db's db_worker, made to carry on by itself.

When it starts, and every half send lease after, it queues again the newsletter sends
whose worker died (`resume_interrupted_sends`); when it starts, and every
DESK_FEED_POLL_MINUTES after, it queues a poll of the translation desk's source feeds
(`desk.services.schedule.queue_feed_poll`). Every minute it does the paywall's
time-driven work: the test provider's renewals at a period's end (`renew_due`, as Stripe
would renew) and the trial-ending and access-ending reminders (`send_due_reminders`), so
`make run` needs no cron. A database error (the server restarting, a
network cut) is logged once and waited out with backoff, reconnecting, instead of ending
the process. SIGTERM or SIGINT stop it after the task in hand, as with db_worker.
"""

import logging
import os
import random
import time

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections
from django.db import connections as db_connections
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from desk.services import schedule as desk_schedule
from newsletters.services.sending import resume_interrupted_sends
from paywall.services.reminders import send_due_reminders
from paywall.services.renewals import renew_due

logger = logging.getLogger("newsroom.worker")

CONNECTION_ERRORS = (OperationalError, InterfaceError)
BACKOFF_FIRST, BACKOFF_MAX = 0.5, 30.0  # seconds between reconnection attempts
PAYWALL_EVERY = 60.0  # seconds between runs of the paywall's renewals and reminders


class ResilientWorker(Worker):
    def __init__(self, *, resume_every: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self.resume_every = resume_every
        self._resume_at = 0.0
        self._poll_feeds_at = 0.0
        self._paywall_at = 0.0
        self._unrecorded: tuple[DBTaskResult, BaseException] | None = None

    def run(self) -> None:
        logger.info("Starting worker %s (queues: %s)", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # several workers started together don't poll in step
        outage_since: float | None = None
        backoff = BACKOFF_FIRST
        while self.running:
            try:
                close_old_connections()
                self._catch_up()
                finished = self._run_next()
            except CONNECTION_ERRORS as exc:
                if outage_since is None:
                    outage_since = time.monotonic()
                    first_line = (str(exc).strip().splitlines() or [""])[0]
                    logger.warning(
                        "Database unavailable (%s: %s); retrying with backoff",
                        type(exc).__name__,
                        first_line,
                    )
                _drop_connections()
                time.sleep(backoff)
                backoff = min(backoff * 2, BACKOFF_MAX)
                continue
            if outage_since is not None:
                logger.warning("Database back after %.0f s", time.monotonic() - outage_since)
                outage_since, backoff = None, BACKOFF_FIRST
            if finished:
                return

    def _catch_up(self) -> None:
        """What a worker does besides tasks: record the result the database missed, resume
        interrupted sends when it starts and every `resume_every` seconds, queue the desk's
        feed poll on its schedule, and run the paywall's renewals and reminders every
        PAYWALL_EVERY seconds."""
        if self._unrecorded is not None:
            task_result, exc = self._unrecorded
            task_result.set_failed(exc)
            self._unrecorded = None
        if time.monotonic() >= self._resume_at:
            resume_interrupted_sends()
            self._resume_at = time.monotonic() + self.resume_every
        if time.monotonic() >= self._poll_feeds_at:
            desk_schedule.queue_feed_poll()
            self._poll_feeds_at = time.monotonic() + desk_schedule.poll_every_seconds()
        if time.monotonic() >= self._paywall_at:
            now = timezone.now()
            renew_due(now=now)
            send_due_reminders(now=now)
            self._paywall_at = time.monotonic() + PAYWALL_EVERY

    def _run_next(self) -> bool:
        """Claim and run one task, or wait for one. True when the worker is done (--batch
        with an empty queue, or --max-tasks reached)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        retrieved = True
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
            except OperationalError as exc:
                if not is_locked_database_exception(exc):
                    raise
                task_result, retrieved = None, False  # SQLite busy: try again
        if task_result is not None:
            try:
                self.run_task(task_result)
            except CONNECTION_ERRORS as exc:
                self._unrecorded = (task_result, exc)  # recorded as failed once it is back
                raise
        if self.batch and retrieved and task_result is None:
            logger.info("No more tasks to run for worker %s: exiting.", self.worker_id)
            return True
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            logger.info("Ran %d tasks on worker %s: exiting.", self._run_tasks, self.worker_id)
            return True
        close_old_connections()
        if self.running and task_result is None:
            time.sleep(self.interval)
        return False


def _drop_connections() -> None:
    for connection in db_connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            pass  # already broken: the next query opens a new one


class Command(DbWorkerCommand):
    help = (
        "Run the background worker (django-tasks-db): resumes interrupted newsletter sends "
        "and waits out database outages."
    )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        if exclude_queues and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            resume_every=settings.NEWSLETTER_SEND_LEASE_SECONDS / 2,
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child that runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
