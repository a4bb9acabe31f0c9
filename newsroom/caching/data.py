"""The data cache: values built once and shared by every reader.

cached(name, build) keeps build()'s value under the current generation, in the shared
cache and in a small memory of this process (ProcessMemory): an entry never changes, it
only stops being asked for when the generation moves on. So values taken from it are
shared by the requests of a process and must be treated as read-only.

No stampede when the generation moves on: the first process (or thread) to miss an entry
builds it, holding a lock in the shared cache, and the others wait for its value (a few
milliseconds) instead of building it too. They never serve the previous generation's
value: fragments and shared pages rendered from it would be kept under the new one.

A SharedValue is one value that is not keyed by the generation (the paywall's policy,
its plans): kept in the shared cache for a while, forgotten when a registered model
changes (registry.register_shared_value), and read once per request.

Switched off with CACHE_LAYERS_OFF=data: every read builds afresh.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.cache import cache

from .generation import current_generation, forget_recent_read
from .memo import forget_in_request, request_memo
from .switches import layer_on

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

# Bump when the shape or home of cached objects changes, so a deploy never reads old
# pickles (2: ArticlePage moved from articles.caching to articles.cached).
FORMAT = 2
MISSING: Any = object()


class ProcessMemory:
    """A small LRU in this process, in front of the shared cache.

    Safe without any invalidation because every key carries its generation: an entry
    never changes, it only stops being asked for. Objects in it are shared by the
    requests of this process and must be treated as read-only.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[object, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: object) -> Any:
        with self.lock:
            value = self.entries.get(key, MISSING)
            if value is not MISSING:
                self.entries.move_to_end(key)
            return value

    def put(self, key: object, value: Any) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_memory = ProcessMemory(size=512)


def cached(
    name: str,
    build: Callable[[], T],
    *,
    generation: int | None = None,
    keep_none: bool = True,
    timeout: int | None = None,
    in_process: bool = True,
) -> T:
    """The value of build() under name in the current generation, built on a miss.

    Looked up in this process first, then in the shared cache. keep_none=False leaves a
    None result uncached (e.g. unknown addresses asked by bots). timeout (seconds) defaults
    to CONTENT_CACHE_SECONDS; in_process=False keeps the entry out of the per-process
    memory (for entries keyed by what readers type, which must not crowd out pages).
    """
    if not layer_on("data"):
        return build()
    number = current_generation() if generation is None else generation
    key = f"content:{FORMAT}:{number}:{name}"
    value: T
    if in_process:
        value = _memory.get(key)
        if value is not MISSING:
            return value
    value = cache.get(key, MISSING)
    if value is MISSING:
        value, built_here = _build_once(key, build)
        if value is None and not keep_none:
            return value
        if built_here:
            cache.set(key, value, settings.CONTENT_CACHE_SECONDS if timeout is None else timeout)
    if in_process:
        _memory.put(key, value)
    return value


def cached_many(
    items: Iterable[K],
    name: Callable[[K], str],
    build: Callable[[list[K]], dict[K, T]],
    *,
    memory: ProcessMemory,
    generation: int | None = None,
    timeout: int | None = None,
) -> dict[K, T]:
    """The values of many entries of the current generation: from `memory` (a process
    memory of the caller's, so they never crowd out the pages of the shared one), then in
    one round trip to the shared cache; build(missing items) makes all the missing ones at
    once (one query, not one per item), stored for the next asker.

    For many small entries a page asks for together (one search result card each). A miss
    takes no build lock: its build is one cheap query a concurrent asker may as well run.
    """
    items = list(items)
    if not layer_on("data"):
        return build(items)
    number = current_generation() if generation is None else generation
    keys = {item: f"content:{FORMAT}:{number}:{name(item)}" for item in items}
    values = {}
    for item, key in keys.items():
        value = memory.get(key)
        if value is not MISSING:
            values[item] = value
    if len(values) == len(keys):
        return values
    found = cache.get_many([key for item, key in keys.items() if item not in values])
    shared = {item: found[key] for item, key in keys.items() if key in found}
    missing = [item for item in items if item not in values and item not in shared]
    built = build(missing) if missing else {}
    if built:
        cache.set_many(
            {keys[item]: value for item, value in built.items()},
            settings.CONTENT_CACHE_SECONDS if timeout is None else timeout,
        )
    for item, value in (shared | built).items():
        memory.put(keys[item], value)
    return values | shared | built


# No stampede after a change: one process (or thread) builds a missing entry, holding a
# lock in the shared cache; the others wait for its value rather than build it again.
BUILD_LOCK_SECONDS = 30
BUILD_WAIT_SECONDS = 5.0
BUILD_POLL_SECONDS = 0.005


def _build_once(key: str, build: Callable[[], T]) -> tuple[T, bool]:
    """(value, built here): build() if nobody else is building key, else the other
    builder's value once it is stored (build() here if it gives up or takes too long)."""
    lock = f"{key}:building"
    if cache.add(lock, 1, BUILD_LOCK_SECONDS):
        try:
            return build(), True
        finally:
            cache.delete(lock)
    deadline = time.monotonic() + BUILD_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(BUILD_POLL_SECONDS)
        found = cache.get(key, MISSING)
        if found is not MISSING:
            value: T = found
            return value, False
        if cache.get(lock) is None:  # the builder failed, or its value was not kept
            break
    return build(), True


@dataclass(frozen=True, eq=False)
class SharedValue(Generic[T]):
    """One value in the shared cache under key for at most `seconds`, read once per request.

    read_with_generation fetches it in the generation's round trip: for values nearly
    every page asks for. Register it with registry.register_shared_value so that a change
    to its models forgets it.
    """

    key: str
    load: Callable[[], T]
    seconds: int
    read_with_generation: bool = False

    def get(self) -> T:
        if not layer_on("data"):
            return self.load()
        return request_memo(self.key, self._read)

    def _read(self) -> T:
        value: T | None = cache.get(self.key)
        if value is None:
            value = self.load()
            cache.set(self.key, value, self.seconds)
        return value

    def forget(self) -> None:
        """Read afresh: in this request, in the next requests of this process, everywhere."""
        cache.delete(self.key)
        forget_in_request(self.key)
        forget_recent_read()
