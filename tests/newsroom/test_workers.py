"""Several db_worker processes share one PostgreSQL queue without running a task twice."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def enqueue(count: int) -> None:
    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            task_path="newsletters.tasks.send_issue_task",
            args_kwargs={"args": [], "kwargs": {}},
            queue_name="default",
            backend_name="default",
            run_after=timezone.now() - timedelta(seconds=1),
        )
        for _ in range(count)
    )


def test_concurrent_workers_claim_different_tasks_without_waiting():
    enqueue(2)
    first_claimed, release = threading.Event(), threading.Event()
    claimed = {}

    def other_worker():
        try:
            with transaction.atomic():
                claimed["other"] = DBTaskResult.objects.ready().get_locked().pk
                first_claimed.set()
                release.wait(10)  # holds its row lock, as a worker mid-claim does
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert first_claimed.wait(10)
        with transaction.atomic():
            mine = DBTaskResult.objects.ready().get_locked()
            assert mine is not None
            claimed["mine"] = mine.pk
            with transaction.atomic():
                # Both rows are locked now: a third worker gets nothing, at once.
                assert DBTaskResult.objects.ready().exclude(pk=mine.pk).get_locked() is None
    finally:
        release.set()
        thread.join(10)
    assert claimed["mine"] != claimed["other"]


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queue_issue_for(*addresses: str):
    from django.test import override_settings

    from newsletters.services.sending import start_sending
    from tests.factories import (
        ArticleFactory,
        NewsletterFactory,
        NewsletterIssueFactory,
        SubscriberFactory,
    )

    newsletter = NewsletterFactory()
    for address in addresses:
        SubscriberFactory(email=address, newsletters=[newsletter])
    issue = NewsletterIssueFactory(newsletter=newsletter, articles=[ArticleFactory()])
    with override_settings(TASKS=DATABASE_TASKS):
        assert start_sending(issue=issue)
    return issue


def test_run_worker_waits_out_a_database_outage_and_runs_what_was_queued_meanwhile(tmp_path):
    from newsletters.models import NewsletterIssue
    from tests.processes import SmtpServer, TcpProxy, Worker, database_url, wait_for

    db = connection.settings_dict
    upstream = (db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    with SmtpServer() as smtp, TcpProxy(upstream) as proxy:
        worker = Worker(
            tmp_path / "worker.log", database_url=database_url(port=proxy.port), smtp_port=smtp.port
        ).start()
        try:
            proxy.stop()  # the database goes away: its connections cut, new ones refused
            wait_for(
                lambda: "Database unavailable" in worker.output(),
                timeout=15,
                what="the worker to notice",
            )
            issue = queue_issue_for("ann@example.org", "bo@example.org")
            time.sleep(2)
            assert worker.is_running()
            assert NewsletterIssue.objects.get(pk=issue.pk).status == "sending"

            proxy.start()
            wait_for(
                lambda: NewsletterIssue.objects.get(pk=issue.pk).status == "sent",
                timeout=30,
                what="the queued send to run",
            )
        finally:
            exit_code = worker.stop()

    assert smtp.recipients == {"ann@example.org": 1, "bo@example.org": 1}
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    log = worker.output()
    assert log.count("Database unavailable") == 1
    assert "Database back after" in log
    assert exit_code == 0


def test_run_worker_stopped_with_sigterm_finishes_the_send_in_hand_first(tmp_path):
    from newsletters.models import NewsletterIssue
    from tests.processes import SmtpServer, Worker, database_url, wait_for

    addresses = [f"r{n}@example.org" for n in range(20)]
    with SmtpServer(delay=0.05) as smtp:
        worker = Worker(
            tmp_path / "worker.log", database_url=database_url(), smtp_port=smtp.port
        ).start()
        try:
            issue = queue_issue_for(*addresses)
            wait_for(lambda: smtp.received >= 3, timeout=20, what="the send to start")
        finally:
            exit_code = worker.stop()

    assert exit_code == 0
    assert smtp.recipients == dict.fromkeys(addresses, 1)
    assert NewsletterIssue.objects.get(pk=issue.pk).status == "sent"
