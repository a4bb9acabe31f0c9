"""Several db_worker processes share one PostgreSQL queue without running a task twice."""

import threading
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
