"""The default cache folder, shared by every process of one machine (newsroom/lib/filecache.py)."""

import multiprocessing
import os

import pytest

from newsroom.lib import filecache
from newsroom.lib.filecache import FileCache

# fork: the children reuse this interpreter's configured Django without a second setup.
fork = multiprocessing.get_context("fork")


def make_cache(folder, **options) -> FileCache:
    return FileCache(str(folder), {"OPTIONS": options})


@pytest.fixture(autouse=True)
def _cull_when_asked(monkeypatch):
    monkeypatch.setattr(filecache, "_next_cull", {})


def _count(folder, times: int, start) -> None:
    cache = make_cache(folder)
    start.wait()
    for _ in range(times):
        cache.incr("hits")


def _add(folder, start, results) -> None:
    cache = make_cache(folder)
    start.wait()
    results.put(cache.add("first", os.getpid(), 60))


def test_counts_made_by_several_processes_at_once_are_all_kept(tmp_path):
    make_cache(tmp_path).add("hits", 0, 60)
    start = fork.Barrier(4)
    workers = [fork.Process(target=_count, args=(tmp_path, 150, start)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)

    assert make_cache(tmp_path).get("hits") == 600


def test_only_one_of_several_processes_adding_a_key_at_once_succeeds(tmp_path):
    start, results = fork.Barrier(6), fork.Queue()
    workers = [fork.Process(target=_add, args=(tmp_path, start, results)) for _ in range(6)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(60)

    assert outcomes.count(True) == 1
    assert make_cache(tmp_path).get("first") in {worker.pid for worker in workers}


def test_counting_keeps_the_window_a_counter_was_created_with(tmp_path, time_machine):
    cache = make_cache(tmp_path)
    time_machine.move_to("2026-03-01 09:00Z", tick=False)
    cache.add("signups", 0, 3600)
    assert cache.incr("signups") == 1

    time_machine.move_to("2026-03-01 09:30Z", tick=False)  # past Django's 300 s default
    assert cache.incr("signups") == 2

    time_machine.move_to("2026-03-01 10:00:01Z", tick=False)
    assert cache.get("signups") is None
    with pytest.raises(ValueError):
        cache.incr("signups")


def test_counting_down_keeps_the_count_and_its_window(tmp_path):
    cache = make_cache(tmp_path)
    cache.set("reads", 10, 3600)

    assert cache.decr("reads", 4) == 6
    assert cache.get("reads") == 6


def test_a_full_folder_drops_expired_entries_and_keeps_live_ones(tmp_path, time_machine):
    cache = make_cache(tmp_path, MAX_ENTRIES=10)
    time_machine.move_to("2026-03-01 09:00Z", tick=False)
    for n in range(6):
        cache.set(f"search:{n}", n, 60)
    for n in range(4):
        cache.set(f"counter:{n}", n, 3600)
    filecache._next_cull.clear()

    time_machine.move_to("2026-03-01 09:05Z", tick=False)
    cache.set("generation", 7, None)

    assert [cache.get(f"counter:{n}") for n in range(4)] == [0, 1, 2, 3]
    assert cache.get("generation") == 7
    assert len(list(tmp_path.glob("*.djcache"))) == 5


def test_a_folder_full_of_live_entries_drops_the_least_recently_written(tmp_path):
    cache = make_cache(tmp_path, MAX_ENTRIES=6, CULL_FREQUENCY=3)
    for n in range(6):
        cache.set(f"entry:{n}", n, 3600)
        os.utime(cache._key_to_file(f"entry:{n}"), (1_000_000 + n, 1_000_000 + n))
    filecache._next_cull.clear()

    cache.set("newest", "kept", 3600)

    assert [cache.get(f"entry:{n}") for n in range(6)] == [None, None, 2, 3, 4, 5]
    assert cache.get("newest") == "kept"


def test_writing_many_entries_lists_the_folder_once_per_interval(tmp_path, monkeypatch):
    cache = make_cache(tmp_path)
    listings = []
    real_list = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or real_list())

    for n in range(50):
        cache.set(f"entry:{n}", n, 3600)

    assert len(listings) == 1


def test_clearing_the_cache_keeps_the_lock_file(tmp_path):
    cache = make_cache(tmp_path)
    cache.add("hits", 0, 60)
    cache.clear()

    assert cache.get("hits") is None
    assert cache.add("hits", 0, 60) is True
    assert cache.incr("hits") == 1
