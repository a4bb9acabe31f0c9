import pytest
from django.db import connection

from newsroom.lib.roles import CHIEF_EDITOR, EDITOR, TRANSLATOR, WRITER
from tests.factories import UserFactory


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` need PostgreSQL features; on SQLite they skip, saying why."""
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: run with DATABASE_URL=postgres://… (as .ci/run does)"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (rate limits, meters, fragments)."""
    from django.core.cache import cache

    from newsroom.caching import start_new_generation
    from paywall.services import funnel

    funnel.push_pending()  # so no count of an earlier test is pushed into this one
    cache.clear()
    start_new_generation()  # the database was rolled back: content changed
    yield
    funnel.push_pending()
    cache.clear()


@pytest.fixture
def queued_tasks(settings):
    """Background work is queued, not run: the list of queued tasks, to run with run_queued."""
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"].results


def run_queued(results) -> None:
    """What the worker would do with the queued tasks (and any they queue in turn)."""
    while results:
        result = results.pop(0)
        result.task.call(*result.args, **result.kwargs)


# Staff with each project-wide role (newsroom/lib/roles.py), for the admin's tests.
@pytest.fixture
def writer(db):
    return UserFactory(username="writer", role=WRITER)


@pytest.fixture
def other_writer(db):
    return UserFactory(username="other-writer", role=WRITER)


@pytest.fixture
def translator(db):
    return UserFactory(username="translator", role=TRANSLATOR)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", role=EDITOR)


@pytest.fixture
def chief(db):
    return UserFactory(username="chief", role=CHIEF_EDITOR)
