"""A send survives its worker: each message is recorded as the server accepts it, one
worker at a time holds an issue, and an interrupted send is resumed without an editor."""

import signal
import threading
from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletters.models import Delivery, NewsletterIssue
from newsletters.services.sending import resume_interrupted_sends, send_issue, start_sending
from tests.factories import ArticleFactory, NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def issue(daily):
    return NewsletterIssueFactory(newsletter=daily, articles=[ArticleFactory()])


def recipients():
    return Counter(address for message in mail.outbox for address in message.to)


def states(issue) -> dict[str, int]:
    counts = Delivery.objects.filter(issue=issue).counts()
    return {status: n for status, n in counts.items() if n}


class HookedBackend(EmailBackend):
    """The locmem backend, calling `hook(n)` before it accepts the n-th message."""

    hook = staticmethod(lambda n: None)
    calls = 0

    def send_messages(self, messages):
        HookedBackend.calls += 1
        HookedBackend.hook(HookedBackend.calls)
        return super().send_messages(messages)


@pytest.fixture
def hooked():
    HookedBackend.calls = 0
    with override_settings(EMAIL_BACKEND="tests.newsletters.test_interrupted_sends.HookedBackend"):
        yield HookedBackend
    HookedBackend.hook = staticmethod(lambda n: None)


def over_smtp(smtp, *, connections: int):
    """Django's SMTP backend, to the test's SMTP server, over `connections` at once."""
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp.port,
        NEWSLETTER_SMTP_CONNECTIONS=connections,
    )


def interrupted_issue(issue, *, sent=1, in_doubt=1, waiting=3, lease_expired_ago=5):
    """An issue as a killed worker leaves it: its lease ran out some seconds ago."""
    subscribers = [SubscriberFactory(newsletters=[issue.newsletter]) for _ in range(sent)]
    doubtful = [SubscriberFactory(newsletters=[issue.newsletter]) for _ in range(in_doubt)]
    waiting_ones = [SubscriberFactory(newsletters=[issue.newsletter]) for _ in range(waiting)]
    for subscriber in subscribers:
        Delivery.objects.create(issue=issue, subscriber=subscriber, status="sent", attempts=1)
    for subscriber in doubtful:
        Delivery.objects.create(issue=issue, subscriber=subscriber, status="sending", attempts=1)
    for subscriber in waiting_ones:
        Delivery.objects.create(issue=issue, subscriber=subscriber)
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status="sending",
        send_started_at=timezone.now() - timedelta(minutes=5),
        send_lease_owner="dead-host:1234:abcd",
        send_lease_expires_at=timezone.now() - timedelta(seconds=lease_expired_ago),
    )
    return subscribers, doubtful, waiting_ones


def test_each_message_is_recorded_as_the_server_accepts_it_so_a_kill_leaves_one_in_doubt(
    issue, daily, hooked
):
    for _ in range(25):
        SubscriberFactory(newsletters=[daily])
    seen = {}
    # What the admin would show if the worker were killed while the 7th message is with
    # the mail server.
    hooked.hook = staticmethod(lambda n: seen.setdefault(n, states(issue)) if n == 7 else None)

    send_issue(issue_id=issue.pk, batch_size=10)

    assert seen[7] == {"sent": 6, "sending": 1, "pending": 18}
    assert states(issue) == {"sent": 25}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_over_several_smtp_connections_a_kill_leaves_at_most_one_in_doubt_per_connection(daily):
    from django.db import connection

    from tests.processes import SmtpServer

    issue = NewsletterIssueFactory(newsletter=daily, articles=[ArticleFactory()])
    addresses = [f"reader{n:02}@example.org" for n in range(40)]
    for address in addresses:
        SubscriberFactory(email=address, newsletters=[daily])
    seen = []

    def look_from_the_admin():
        try:
            seen.append(states(issue))
        finally:
            connection.close()  # this thread's own

    def look(n):  # what the admin would show if the worker were killed now
        if n % 8 == 0:  # the server runs in an event loop: the query in a thread of its own
            admin = threading.Thread(target=look_from_the_admin)
            admin.start()
            admin.join()

    with SmtpServer(delay=0.01, on_message=look) as smtp, over_smtp(smtp, connections=3):
        report = send_issue(issue_id=issue.pk)

    assert len(seen) == 5
    assert all(counts.get("sending", 0) <= 3 for counts in seen), seen
    assert len(smtp.peers) == 3  # three connections carried messages
    assert report.sent == 40
    assert smtp.recipients == Counter(dict.fromkeys(addresses, 1))
    assert states(issue) == {"sent": 40}


class Stopping(BaseException):
    """Raised by the test's signal handler, as the worker's SIGTERM handler raises
    SystemExit."""


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_send_stopped_mid_way_over_several_connections_records_every_message_taken(daily):
    from tests.processes import SmtpServer

    issue = NewsletterIssueFactory(newsletter=daily, articles=[ArticleFactory()])
    for n in range(40):
        SubscriberFactory(email=f"reader{n:02}@example.org", newsletters=[daily])
    main_thread = threading.get_ident()

    def stop_the_worker(n):
        if n == 10:
            signal.pthread_kill(main_thread, signal.SIGUSR1)

    def stopping(signum, frame):
        raise Stopping

    previous = signal.signal(signal.SIGUSR1, stopping)
    try:
        with SmtpServer(delay=0.01, on_message=stop_the_worker) as smtp:
            with over_smtp(smtp, connections=3), pytest.raises(Stopping):
                send_issue(issue_id=issue.pk)
    finally:
        signal.signal(signal.SIGUSR1, previous)

    counts = states(issue)
    assert "sending" not in counts  # each connection finished the message in hand
    assert counts["sent"] == len(smtp.messages) >= 10
    assert counts["pending"] == 40 - counts["sent"] > 0
    assert all(n == 1 for n in smtp.recipients.values())
    issue.refresh_from_db()
    assert (issue.status, issue.send_lease_owner) == ("sending", "")  # the next worker resumes


def test_a_second_worker_sends_nothing_while_the_first_holds_the_issue(issue, daily, hooked):
    for n in range(5):
        SubscriberFactory(email=f"r{n}@example.org", newsletters=[daily])
    second = {}

    def another_worker_starts(n):
        if n == 2:
            before = len(mail.outbox)
            second["report"] = send_issue(issue_id=issue.pk)
            second["sent"] = len(mail.outbox) - before

    hooked.hook = staticmethod(another_worker_starts)

    first = send_issue(issue_id=issue.pk)

    assert second["sent"] == 0
    assert second["report"].held_by
    assert first.sent == 5
    assert recipients() == Counter({f"r{n}@example.org": 1 for n in range(5)})
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SENT


@override_settings(NEWSLETTER_SEND_LEASE_SECONDS=0)  # renewed before every message
def test_a_worker_whose_issue_was_taken_over_stops_before_its_next_message(issue, daily, hooked):
    for _ in range(6):
        SubscriberFactory(newsletters=[daily])

    def taken_over(n):
        if n == 3:
            NewsletterIssue.objects.filter(pk=issue.pk).update(
                send_lease_owner="other-worker",
                send_lease_expires_at=timezone.now() + timedelta(minutes=1),
            )

    hooked.hook = staticmethod(taken_over)

    report = send_issue(issue_id=issue.pk)

    assert len(mail.outbox) == 3
    assert report.held_by == "other-worker"
    assert states(issue) == {"sent": 3, "pending": 3}
    issue.refresh_from_db()
    assert (issue.status, issue.send_lease_owner) == ("sending", "other-worker")


def test_a_send_whose_worker_died_is_resumed_without_anyone_pressing_resume(issue):
    sent, doubtful, waiting = interrupted_issue(issue)

    assert resume_interrupted_sends() == [issue.pk]

    assert recipients() == Counter({s.email: 1 for s in waiting})
    assert states(issue) == {"sent": 4, "sending": 1}
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.PARTLY_FAILED  # one in doubt, reported
    assert (issue.send_lease_owner, issue.send_lease_expires_at) == ("", None)


def test_a_send_whose_worker_is_alive_is_left_to_it(issue):
    interrupted_issue(issue, lease_expired_ago=-30)  # the lease runs for 30 more seconds

    assert resume_interrupted_sends() == []

    assert mail.outbox == []
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SENDING


@override_settings(TASKS=DATABASE_TASKS)
def test_a_send_waiting_in_the_queue_is_not_queued_again_but_a_lost_one_is(issue, daily):
    SubscriberFactory(newsletters=[daily])
    assert start_sending(issue=issue) is True

    assert resume_interrupted_sends() == []
    assert DBTaskResult.objects.count() == 1

    # The worker that took the task died before it started sending: the task stays
    # "running" forever and no lease was ever taken.
    DBTaskResult.objects.update(status="RUNNING")
    assert resume_interrupted_sends() == [issue.pk]
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert resume_interrupted_sends() == []  # another worker checking now leaves it too


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_starting_worker_resumes_interrupted_sends_by_itself(daily):
    issue = NewsletterIssueFactory(newsletter=daily, articles=[ArticleFactory()])
    sent, doubtful, waiting = interrupted_issue(issue)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)

    assert recipients() == Counter({s.email: 1 for s in waiting})
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.PARTLY_FAILED
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_of_workers_taking_one_issue_at_the_same_moment_exactly_one_gets_it(issue):
    import threading

    from django.db import connection

    from newsletters.services.sending import SendLease

    NewsletterIssue.objects.filter(pk=issue.pk).update(status="sending")
    start, results = threading.Barrier(8), []

    def worker():
        try:
            lease = SendLease(issue.pk, seconds=60)
            start.wait(10)
            results.append(lease.acquire(started_at=timezone.now()))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)

    assert sorted(results) == [False] * 7 + [True]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_is_replaced_without_an_editor_and_nobody_gets_two(
    daily, tmp_path
):
    from tests.processes import SmtpServer, Worker, database_url, wait_for

    issue = NewsletterIssueFactory(newsletter=daily, articles=[ArticleFactory()])
    addresses = [f"reader{n:03}@example.org" for n in range(300)]
    for address in addresses:
        SubscriberFactory(email=address, newsletters=[daily])
    fast_lease = {
        "NEWSLETTER_SEND_LEASE_SECONDS": "3",
        "NEWSLETTER_BATCH_SIZE": "50",
        "NEWSLETTER_SMTP_CONNECTIONS": "3",
    }

    with SmtpServer(delay=0.01) as smtp:

        def worker(name: str) -> Worker:
            return Worker(
                tmp_path / f"{name}.log",
                database_url=database_url(),
                smtp_port=smtp.port,
                **fast_lease,
            ).start()

        workers = [worker("first"), worker("second")]
        try:
            with override_settings(TASKS=DATABASE_TASKS):
                assert start_sending(issue=issue)
            wait_for(lambda: smtp.received >= 100, timeout=30, what="a third of the send")
            owner = NewsletterIssue.objects.get(pk=issue.pk).send_lease_owner
            sender = next(w for w in workers if f":{w.pid}:" in owner)
            sender.kill()
            workers.append(worker("third"))  # a worker starting after the kill
            wait_for(
                lambda: NewsletterIssue.objects.get(pk=issue.pk).status != "sending",
                timeout=40,
                what="the send to finish",
            )
        finally:
            for w in workers:
                if w.is_running():
                    w.stop()

    in_doubt = list(
        Delivery.objects.filter(issue=issue, status="sending").values_list(
            "subscriber__email", flat=True
        )
    )
    assert len(in_doubt) <= 3  # one per SMTP connection of the killed worker
    assert set(smtp.recipients) | set(in_doubt) == set(addresses)
    assert all(count == 1 for count in smtp.recipients.values())
    assert Delivery.objects.filter(issue=issue, status="sent").count() == 300 - len(in_doubt)
    issue.refresh_from_db()
    assert issue.status == ("partly_failed" if in_doubt else "sent")
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").exists()
