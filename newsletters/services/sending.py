"""Sending an issue to the confirmed subscribers of its newsletter.

The issue is rendered once (services/issue_email.py); each recipient's copy differs only
in its signed links and address. One worker at a time sends an issue: it holds
the issue's lease and renews it as it goes; when a worker dies its lease runs out and
another worker resumes the send (resume_interrupted_sends). Over SMTP a worker sends
over NEWSLETTER_SMTP_CONNECTIONS connections at once, each in a thread with its own
database connection (IssueSend's lanes), so that the mail server's replies overlap.
Each delivery is marked "handed to the mail server" just before it is and "sent" as soon
as the server accepts it, so a worker killed mid-send leaves at most one delivery in
doubt per SMTP connection: reported, never re-sent on its own, so nobody gets an issue
twice. Stopped (SIGTERM, Ctrl-C), each connection first finishes the message in hand.
"""

import dataclasses
import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.db import DatabaseError, connections, router
from django.db.backends.utils import CursorWrapper
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .. import tasks
from ..models import Delivery, NewsletterIssue, Subscriber
from .issue_email import (
    UnsendableIssue,
    check_sendable,
    personalise,
    prepare_mime,
    render_issue,
    send_over_smtp,
    smtp_bytes,
)

logger = logging.getLogger(__name__)


@dataclass
class SendReport:
    issue_id: int
    total: int = 0
    sent: int = 0
    failed: int = 0
    in_doubt: int = 0
    remaining: int = 0
    status: str = ""
    held_by: str = ""  # another worker sending this issue, when this run left it to them


def delivery_report(issue: NewsletterIssue) -> SendReport:
    counts = issue.deliveries.counts()
    return SendReport(
        issue_id=issue.pk,
        total=sum(counts.values()),
        sent=counts[Delivery.Status.SENT],
        failed=counts[Delivery.Status.FAILED],
        in_doubt=counts[Delivery.Status.SENDING],
        remaining=counts[Delivery.Status.PENDING],
        status=issue.status,
    )


def create_deliveries(issue: NewsletterIssue, *, chunk: int = 5000) -> int:
    """A Delivery row for every confirmed subscriber who has none yet; returns how many."""
    recipients = Subscriber.objects.receiving(issue.newsletter_id).order_by("pk")
    created, last_pk = 0, 0
    while True:
        ids = list(recipients.filter(pk__gt=last_pk).values_list("pk", flat=True)[:chunk])
        if not ids:
            return created
        last_pk = ids[-1]
        rows = Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber_id=pk) for pk in ids],
            ignore_conflicts=True,
            batch_size=1000,
        )
        created += len(rows)


def start_sending(*, issue: NewsletterIssue, now: datetime | None = None) -> bool:
    """Move a draft or scheduled issue to "sending" and queue the background send.

    Returns False when the issue was already sending or sent, so a double click sends once.
    Raises UnsendableIssue (and takes a scheduled issue back to draft) when its text would
    break the email's headers.
    """
    now = now or timezone.now()
    try:
        check_sendable(issue)
    except UnsendableIssue:
        NewsletterIssue.objects.filter(pk=issue.pk, status=NewsletterIssue.Status.SCHEDULED).update(
            status=NewsletterIssue.Status.DRAFT
        )
        raise
    changed = NewsletterIssue.objects.filter(
        pk=issue.pk,
        status__in=[NewsletterIssue.Status.DRAFT, NewsletterIssue.Status.SCHEDULED],
        newsletter__is_active=True,
    ).update(
        status=NewsletterIssue.Status.SENDING,
        send_started_at=now,
        send_lease_owner="",
        send_lease_expires_at=None,
    )
    if changed:
        tasks.send_issue_task.enqueue(issue.pk)
    return bool(changed)


def start_scheduled(*, issue_id: int) -> bool:
    """Start a scheduled issue when its time has come, unless an editor has taken it back
    to draft meanwhile; False when there was nothing to start."""
    issue = NewsletterIssue.objects.filter(
        pk=issue_id,
        status=NewsletterIssue.Status.SCHEDULED,
        scheduled_for__lte=timezone.now(),  # a rescheduled issue waits for its own task
    ).first()
    return issue is not None and start_sending(issue=issue)


def schedule(*, issue: NewsletterIssue, when: datetime) -> bool:
    """Queue the send for later; the worker starts it at that time. False when the task
    backend cannot run work later, or the issue is no longer a draft. Raises
    UnsendableIssue when its text would break the email's headers."""
    check_sendable(issue)
    if not tasks.send_scheduled_issue_task.get_backend().supports_defer:
        return False
    changed = NewsletterIssue.objects.filter(
        pk=issue.pk, status=NewsletterIssue.Status.DRAFT
    ).update(status=NewsletterIssue.Status.SCHEDULED, scheduled_for=when)
    if changed:
        tasks.send_scheduled_issue_task.using(run_after=when).enqueue(issue.pk)
    return bool(changed)


def retry_failed(*, issue: NewsletterIssue) -> int:
    """Give failed deliveries a fresh set of attempts and queue the send again."""
    count = issue.deliveries.filter(status=Delivery.Status.FAILED).update(
        status=Delivery.Status.PENDING, attempts=0, last_error=""
    )
    if count:
        NewsletterIssue.objects.filter(pk=issue.pk).update(status=NewsletterIssue.Status.SENDING)
        tasks.send_issue_task.enqueue(issue.pk)
    return count


def resume(*, issue: NewsletterIssue) -> None:
    """Queue the send again for an issue left "sending" (workers also do it on their own,
    see resume_interrupted_sends); a send another worker is running is left to it."""
    tasks.send_issue_task.enqueue(issue.pk)


def _send_is_queued(issue_id: int) -> bool:
    """A send task for the issue waits in the database queue for a free worker."""
    backend = tasks.send_issue_task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False  # nothing waits: the task ran when it was enqueued
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        backend_name=backend.alias,
        task_path=tasks.send_issue_task.module_path,
        args_kwargs__args=[issue_id],
    ).exists()


def resume_interrupted_sends(*, now: datetime | None = None) -> list[int]:
    """Queue the send again for every issue whose worker died mid-send; returns their ids.

    Workers run this when they start and every half lease, so an interrupted send goes on
    without an editor. Of several workers checking at once, one queues each issue: it
    takes the lease for the queued task (owner "", so any worker's task may start it).
    """
    now = now or timezone.now()
    lease = timedelta(seconds=settings.NEWSLETTER_SEND_LEASE_SECONDS)
    resumed = []
    for issue_id in NewsletterIssue.objects.interrupted(now).values_list("pk", flat=True):
        if _send_is_queued(issue_id):
            continue
        claimed = (
            NewsletterIssue.objects.filter(pk=issue_id)
            .interrupted(now)
            .update(send_lease_owner="", send_lease_expires_at=now + lease)
        )
        if claimed:
            logger.warning("Resuming the interrupted send of issue %s", issue_id)
            tasks.send_issue_task.enqueue(issue_id)
            resumed.append(issue_id)
    return resumed


class SendLease:
    """This run's hold on an issue: only its holder sends, and renews it as it goes."""

    def __init__(self, issue_id: int, seconds: int) -> None:
        self.issue_id = issue_id
        self.seconds = seconds
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"[-100:]
        self._renew_at = 0.0

    def _expiry(self) -> datetime:
        return timezone.now() + timedelta(seconds=self.seconds)

    def acquire(self, *, started_at: datetime) -> bool:
        """Take the issue unless another live worker holds it (one conditional UPDATE, so of
        two workers trying at once exactly one wins)."""
        taken = (
            NewsletterIssue.objects.filter(pk=self.issue_id)
            .exclude(status=NewsletterIssue.Status.SENT)
            .free_to_send(timezone.now())
            .update(
                status=NewsletterIssue.Status.SENDING,
                send_started_at=started_at,
                send_lease_owner=self.owner,
                send_lease_expires_at=self._expiry(),
            )
        )
        self._renew_at = time.monotonic() + self.seconds / 3
        return bool(taken)

    def renew_if_due(self) -> bool:
        """False when the lease was lost: another worker took the issue over."""
        if time.monotonic() < self._renew_at:
            return True
        self._renew_at = time.monotonic() + self.seconds / 3
        return bool(
            NewsletterIssue.objects.filter(pk=self.issue_id, send_lease_owner=self.owner).update(
                send_lease_expires_at=self._expiry()
            )
        )

    def finish(self, status: str) -> bool:
        return bool(
            NewsletterIssue.objects.filter(pk=self.issue_id, send_lease_owner=self.owner).update(
                status=status,
                sent_at=timezone.now(),
                send_lease_owner="",
                send_lease_expires_at=None,
            )
        )

    def release(self) -> None:
        """Let the next worker resume at once (after an error or an orderly stop)."""
        try:
            NewsletterIssue.objects.filter(pk=self.issue_id, send_lease_owner=self.owner).update(
                send_lease_owner="", send_lease_expires_at=None
            )
        except DatabaseError as exc:  # the database is away: the lease runs out by itself
            logger.warning("Could not release the lease on issue %s: %s", self.issue_id, exc)


def _waiting_batch(issue_id: int, after_pk: int, size: int) -> list[tuple[int, int, str]]:
    return list(
        Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING, pk__gt=after_pk)
        .order_by("pk")
        .values_list("pk", "subscriber_id", "subscriber__email")[:size]
    )


class DeliveryLog:
    """The delivery loop's writes, one statement per message, as plain SQL: the ORM would
    cost more than building the message.

    The statement that hands a delivery over also records the one before it as sent, the
    moment after the server accepted it: each commits on its own, so a worker killed at any
    point leaves one delivery in doubt per log (each lane of a send has its own). On
    PostgreSQL a commit does not wait for the disk (see `session`).
    """

    def __init__(self) -> None:
        self.db = connections[router.db_for_write(Delivery)]
        table = self.db.ops.quote_name(Delivery._meta.db_table)
        self._hand_over = (
            f"UPDATE {table} SET status = %s, attempts = attempts + 1 WHERE id = %s AND status = %s"
        )
        self._hand_over_after_sent = (
            f"UPDATE {table} SET"
            " status = CASE WHEN id = %s THEN %s ELSE %s END,"
            " sent_at = CASE WHEN id = %s THEN %s ELSE sent_at END,"
            " last_error = CASE WHEN id = %s THEN '' ELSE last_error END,"
            " attempts = CASE WHEN id = %s THEN attempts ELSE attempts + 1 END"
            " WHERE id = %s OR (id = %s AND status = %s)"
        )
        self._sent = f"UPDATE {table} SET status = %s, sent_at = %s, last_error = '' WHERE id = %s"
        self._accepted: int | None = None
        self._cursor: CursorWrapper | None = None

    @property
    def cursor(self) -> CursorWrapper:
        """The run's cursor, open inside session()."""
        assert self._cursor is not None, "used outside session()"
        return self._cursor

    @contextmanager
    def session(self) -> Iterator[None]:
        """One cursor for the run. On PostgreSQL a commit counts once the server has it,
        without waiting for its disk: a killed worker loses nothing; a crashed PostgreSQL
        server (not a restart) may lose its last fraction of a second of records, whose
        messages would go out again."""
        self._cursor = self.db.cursor()
        postgres = self.db.vendor == "postgresql"
        try:
            if postgres:
                self.cursor.execute("SET synchronous_commit TO OFF")
            yield
        finally:
            try:
                self.flush()  # also when stopping (SIGTERM): that message was accepted
                if postgres:
                    self.cursor.execute("RESET synchronous_commit")
                self.cursor.close()
            except DatabaseError:  # the connection is gone, and the setting with it
                pass

    def hand_over(self, pk: int) -> bool:
        """Mark one delivery "handed to the mail server" just before it is; False when
        another worker took it first (so nobody sends one delivery twice)."""
        sending, pending = Delivery.Status.SENDING, Delivery.Status.PENDING
        accepted, self._accepted = self._accepted, None
        if accepted is None:
            self.cursor.execute(self._hand_over, [sending, pk, pending])
            return bool(self.cursor.rowcount == 1)
        now = self._now()
        self.cursor.execute(
            self._hand_over_after_sent,
            [accepted, Delivery.Status.SENT, sending, accepted, now, accepted, accepted]
            + [accepted, pk, pending],
        )
        return bool(self.cursor.rowcount == 2)

    def accepted(self, pk: int) -> None:
        """The server took the message: recorded with the next statement, or by flush()."""
        self.flush()
        self._accepted = pk

    def flush(self) -> None:
        accepted, self._accepted = self._accepted, None
        if accepted is not None:
            self.cursor.execute(self._sent, [Delivery.Status.SENT, self._now(), accepted])

    def _now(self) -> Any:
        return self.db.ops.adapt_datetimefield_value(timezone.now())


def _record_failure(pk: int, error: str, max_attempts: int) -> None:
    """A refusal: the delivery waits for the next sweep, or fails after its last attempt."""
    Delivery.objects.filter(pk=pk).update(
        status=Case(
            When(attempts__gte=max_attempts, then=Value(Delivery.Status.FAILED)),
            default=Value(Delivery.Status.PENDING),
        ),
        last_error=error[:500],
    )


def _put_back(pk: int) -> None:
    """The process is stopping (SIGTERM, Ctrl-C) before the server accepted it."""
    Delivery.objects.filter(pk=pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.PENDING, attempts=F("attempts") - 1
    )


def send_issue(
    *,
    issue_id: int,
    batch_size: int | None = None,
    max_attempts: int | None = None,
    on_progress: Callable[[SendReport], None] | None = None,
    connection: BaseEmailBackend | None = None,
) -> SendReport:
    """Send an issue to every confirmed subscriber of its newsletter who has not had it.

    Safe to run again after a crash: it carries on where the last run stopped. Returns at
    once, sending nothing, while another live worker holds the issue's lease.
    """
    issue = NewsletterIssue.objects.select_related("newsletter").get(pk=issue_id)
    if issue.status == NewsletterIssue.Status.SENT:
        return delivery_report(issue)
    try:
        check_sendable(issue)
    except UnsendableIssue:
        _take_back_unsendable(issue)
        raise
    lease = SendLease(issue.pk, settings.NEWSLETTER_SEND_LEASE_SECONDS)
    if not lease.acquire(started_at=issue.send_started_at or timezone.now()):
        issue.refresh_from_db()
        logger.info("Issue %s is being sent by %s", issue.pk, issue.send_lease_owner)
        return dataclasses.replace(delivery_report(issue), held_by=issue.send_lease_owner)
    mail = connection or get_connection()
    run = IssueSend(
        issue=issue,
        lease=lease,
        batch_size=batch_size or settings.NEWSLETTER_BATCH_SIZE,
        max_attempts=max_attempts or settings.NEWSLETTER_MAX_ATTEMPTS,
        on_progress=on_progress or (lambda report: None),
        connection=mail,
        # Lanes of their own only for the SMTP connections this run makes: the waits on a
        # mail server overlap; a backend in the process (locmem, console) has none.
        lanes=settings.NEWSLETTER_SMTP_CONNECTIONS
        if connection is None and isinstance(mail, SMTPBackend)
        else 1,
    )
    try:
        report = run.deliver()
    except BaseException:
        lease.release()
        raise
    run.on_progress(report)
    return report


def _take_back_unsendable(issue: NewsletterIssue) -> None:
    """An issue refused before sending never stays "sending": back to draft, or to partly
    failed when part of it went out before its text was changed."""
    if issue.status != NewsletterIssue.Status.SENDING:
        return
    any_sent = issue.deliveries.filter(status=Delivery.Status.SENT).exists()
    NewsletterIssue.objects.filter(pk=issue.pk, status=NewsletterIssue.Status.SENDING).update(
        status=NewsletterIssue.Status.PARTLY_FAILED if any_sent else NewsletterIssue.Status.DRAFT,
        send_lease_owner="",
        send_lease_expires_at=None,
    )


class LaneQueue:
    """A batch's deliveries, handed out one at a time to the lanes sending it. It hands out
    no more once the lease is lost (each delivery is taken under a renewed lease) or the
    run is stopping."""

    def __init__(self, batch: list[tuple[int, int, str]], lease: SendLease) -> None:
        self._deliveries = iter(batch)
        self._lease = lease
        self._lock = threading.Lock()
        self._stopped = False
        self.lease_lost = False

    def take(self) -> tuple[int, int, str] | None:
        with self._lock:
            if self._stopped:
                return None
            if not self._lease.renew_if_due():
                self.lease_lost = self._stopped = True
                return None
            return next(self._deliveries, None)

    def stop(self) -> None:
        self._stopped = True


@dataclass
class IssueSend:
    """One run of send_issue, holding the issue's lease.

    It sends over `lanes` mail connections at once, each in a thread with its own
    database connection, so that one lane's wait on the mail server (four round trips a
    message) or on its delivery record overlaps the others' work.
    """

    issue: NewsletterIssue
    lease: SendLease
    batch_size: int
    max_attempts: int
    on_progress: Callable[[SendReport], None]
    connection: Any
    lanes: int = 1
    _counting: threading.Lock = dataclasses.field(default_factory=threading.Lock, init=False)

    def deliver(self) -> SendReport:
        create_deliveries(self.issue)
        self.rendered = prepare_mime(render_issue(self.issue))
        self.report = delivery_report(self.issue)
        self.on_progress(self.report)
        if connections[router.db_for_write(Delivery)].in_atomic_block:
            self.lanes = 1  # other connections would not see this transaction's rows
        self._sweeps()
        if self.report.held_by:
            return self.report
        report = delivery_report(self.issue)
        clean = report.failed == 0 and report.in_doubt == 0 and report.remaining == 0
        status = NewsletterIssue.Status.SENT if clean else NewsletterIssue.Status.PARTLY_FAILED
        if self.lease.finish(status):
            report.status = status
        return report

    def _sweeps(self) -> None:
        """One sweep tries every waiting delivery once; failures wait for the next sweep."""
        for _sweep in range(self.max_attempts):
            last_pk = 0
            while batch := _waiting_batch(self.issue.pk, last_pk, self.batch_size):
                last_pk = batch[-1][0]
                if not self._send_batch(batch):
                    return
                self.on_progress(self.report)
            if not self.issue.deliveries.filter(status=Delivery.Status.PENDING).exists():
                return

    def _send_batch(self, batch: list[tuple[int, int, str]]) -> bool:
        """One mail connection per lane for the batch. False when the lease was lost."""
        queue = LaneQueue(batch, self.lease)
        if self.lanes == 1:
            self._lane(queue, self.connection)
        else:
            self._send_in_lanes(queue)
        if queue.lease_lost:
            logger.warning("Issue %s was taken over by another worker", self.issue.pk)
            self.issue.refresh_from_db()
            self.report.held_by = self.issue.send_lease_owner or "another worker"
            return False
        return True

    def _send_in_lanes(self, queue: LaneQueue) -> None:
        """The batch over `lanes` threads; the first lane's error is raised here."""
        failures: list[BaseException] = []

        def lane(connection: Any) -> None:
            try:
                self._lane(queue, connection)
            except BaseException as exc:
                failures.append(exc)
                queue.stop()
            finally:
                connections.close_all()  # this thread's database connection

        mail = [self.connection] + [get_connection() for _ in range(self.lanes - 1)]
        threads = [
            threading.Thread(target=lane, args=(c,), name=f"newsletter-lane-{n}", daemon=True)
            for n, c in enumerate(mail)
        ]
        for thread in threads:
            thread.start()
        try:
            for thread in threads:
                thread.join()
        except BaseException:
            # Stopping (SIGTERM, Ctrl-C): each lane ends with the message in hand, accepted
            # and recorded. A second signal ends the wait: the lanes die with the process,
            # leaving at most one delivery in doubt each.
            queue.stop()
            for thread in threads:
                thread.join()
            raise
        if failures:
            raise failures[0]

    def _lane(self, queue: LaneQueue, connection: Any) -> None:
        """Send what the lane takes from the queue over its own mail connection.

        Each delivery is marked handed over before it is, and sent as soon as the server
        accepts it: a worker killed mid-send leaves one delivery in doubt per lane.
        """
        sender = None  # for Django's SMTP backend, put in the envelope as it would
        if isinstance(connection, SMTPBackend):
            sender = sanitize_address(settings.DEFAULT_FROM_EMAIL, settings.DEFAULT_CHARSET)
        log = DeliveryLog()
        with log.session():
            connection.open()
            try:
                while (delivery := queue.take()) is not None:
                    self._send_one(delivery, log, connection, sender)
            finally:
                connection.close()

    def _send_one(
        self, delivery: tuple[int, int, str], log: DeliveryLog, connection: Any, sender: str | None
    ) -> None:
        pk, subscriber_id, email = delivery
        data, message = None, None
        if sender is not None:
            data = smtp_bytes(self.rendered, subscriber_id=subscriber_id, email=email)
        if data is None:
            message = personalise(
                self.rendered, subscriber_id=subscriber_id, email=email, connection=connection
            )
        if not log.hand_over(pk):
            return
        try:
            if sender is not None and data is not None:
                accepted = send_over_smtp(connection, sender=sender, recipient=email, data=data)
            else:
                accepted = connection.send_messages([message])
        except Exception as exc:  # one bad recipient must not stop the rest
            logger.warning("Delivery %s failed: %s", pk, exc)
            _record_failure(pk, f"{type(exc).__name__}: {exc}", self.max_attempts)
            connection.close()
            connection.open()
            return
        except BaseException:
            _put_back(pk)
            raise
        if accepted:
            log.accepted(pk)
            with self._counting:
                self.report.sent += 1
                self.report.remaining -= 1
        else:
            _record_failure(pk, "The mail server accepted no recipient.", self.max_attempts)


def send_test(*, issue: NewsletterIssue, to: str) -> None:
    """The issue as subscribers will see it, to one editor. Its links point nowhere real.

    Raises UnsendableIssue when its text would break the email's headers."""
    check_sendable(issue)
    message = personalise(render_issue(issue), subscriber_id=0, email=to, subject_prefix="[Test] ")
    message.send()
