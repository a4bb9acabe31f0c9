"""After a change, readers arriving at once cause one build of each entry, not one each."""

import threading
import time

import pytest
from django.core.cache import cache
from django.template import engines
from django.template.response import SimpleTemplateResponse
from django.test import RequestFactory

from newsroom.caching import GENERATION_KEY, cached, current_generation
from newsroom.caching import data as cached_data
from newsroom.caching import pages as shared_pages

READERS = 8
# Threads open connections of their own (the next scheduled publication is a query).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def at_once(function, count=READERS):
    """function() in count threads released together; their results."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        barrier.wait()
        results[index] = function()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    return results


def test_readers_missing_one_entry_at_once_cause_one_build():
    builds = []

    def build():
        builds.append(1)
        time.sleep(0.2)  # a home page's queries
        return {"stories": len(builds)}

    generation = current_generation()
    results = at_once(lambda: cached("home", build, generation=generation))

    assert len(builds) == 1
    assert results == [{"stories": 1}] * READERS


def test_a_failed_build_leaves_the_others_to_build_rather_than_wait():
    calls = []

    def build():
        calls.append(1)
        if len(calls) == 1:
            time.sleep(0.1)
            raise RuntimeError("database went away")
        return "built"

    generation = current_generation()
    started = time.monotonic()

    def read():
        try:
            return cached("flaky", build, generation=generation)
        except RuntimeError:
            return "error"

    results = at_once(read)

    assert results.count("error") == 1
    assert results.count("built") == READERS - 1
    assert time.monotonic() - started < cached_data.BUILD_WAIT_SECONDS


def test_processes_missing_the_generation_at_once_agree_on_one():
    cache.delete(GENERATION_KEY)

    numbers = at_once(current_generation)

    assert len(set(numbers)) == 1
    assert current_generation() == numbers[0]


def test_threads_missing_one_shared_page_render_it_once():
    template = engines["django"].from_string("<p>The story</p>")
    renders = []

    def render(extra):
        renders.append(1)
        time.sleep(0.1)
        return SimpleTemplateResponse(template, extra)

    key = ("generation", "/article/no-stampede/", (False, ("metered",)))

    def serve():
        request = RequestFactory().get("/article/no-stampede/")
        return shared_pages.respond(request, key, render).content

    pages = at_once(serve)

    assert len(renders) == 1
    assert pages == [b"<p>The story</p>"] * READERS
