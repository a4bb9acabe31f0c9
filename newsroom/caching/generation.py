"""The content generation: one number in the shared cache that keys every content entry.

Any change to a registered content model deletes it (newsroom.caching.invalidation), so
every process sharing the cache stops asking for the old entries at once: nothing is
deleted key by key. A lost generation is replaced by a random number, which never
brings old entries back. It also remembers the next scheduled change (an article going
live at its time) and starts a new generation then, since nobody saves anything.

Read once per request (the request memo), and at most once per CACHE_TRUST_SECONDS per
process: a read made by another request of this process under a second ago is reused,
with the shared values read in the same round trip (registry.keys_read_with_generation).
A change shows at once in the process that made it and within the trust window in every
other. docs/caching.md has the measurement that keeps the window.
"""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from . import registry
from .memo import current_memo, forget_in_request

# The version follows the pickled Generation class: v2 since it moved from articles.caching,
# so a deploy never unpickles an entry whose class no longer exists.
GENERATION_KEY = "content:generation:v2"


@dataclass(frozen=True)
class Generation:
    number: int
    # Epoch seconds when the next scheduled change happens, or None.
    next_change: float | None = None


def _new_generation() -> Generation:
    due = registry.next_scheduled_change()
    # Random numbers never repeat, even after the cache lost the previous generation.
    return Generation(
        number=secrets.randbits(62), next_change=due.timestamp() if due is not None else None
    )


# (when it was read, {key: value}) of this process's last read of the generation.
_recent_read: tuple[float, dict[str, object]] | None = None


def current_generation() -> int:
    """The number that keys every content entry (read once per request at most)."""
    memo = current_memo()
    if memo is not None and GENERATION_KEY in memo:
        return memo[GENERATION_KEY]  # type: ignore[return-value]
    generation = _read_generation(memo)
    if generation is None:
        # Processes missing it at once all agree on the first one stored: otherwise each
        # would key its entries by its own number, and rebuild them again a second later.
        new = _new_generation()
        if not cache.add(GENERATION_KEY, new, None):
            new = cache.get(GENERATION_KEY) or new
            cache.add(GENERATION_KEY, new, None)  # lost again in between: store ours
        generation = new
        forget_recent_read()
    elif generation.next_change is not None and time.time() >= generation.next_change:
        generation = _new_generation()
        cache.set(GENERATION_KEY, generation, None)
        forget_recent_read()
    if memo is not None:
        memo[GENERATION_KEY] = generation.number
    return generation.number


def _read_generation(memo: dict[str, object] | None) -> Generation | None:
    """The stored generation; in a request, the shared values read with it go into the
    request memo, and a read this process made under CACHE_TRUST_SECONDS ago is reused."""
    if memo is None:
        stored: Generation | None = cache.get(GENERATION_KEY)
        return stored
    found = _trusted_read()
    for key in registry.keys_read_with_generation():
        if key in found:  # a miss is left to the value's own read
            memo.setdefault(key, found[key])
    return found.get(GENERATION_KEY)  # type: ignore[return-value]


def _trusted_read() -> dict[str, object]:
    global _recent_read
    recent = _recent_read
    if recent is not None and time.monotonic() - recent[0] < settings.CACHE_TRUST_SECONDS:
        return recent[1]
    found = cache.get_many([GENERATION_KEY, *registry.keys_read_with_generation()])
    _recent_read = (time.monotonic(), found)
    return found


def forget_recent_read() -> None:
    """The next read in this process asks the shared cache (something changed here)."""
    global _recent_read
    _recent_read = None


def start_new_generation() -> None:
    """Forget every cached content entry: called whenever content changes."""
    cache.delete(GENERATION_KEY)
    forget_recent_read()
    forget_in_request(GENERATION_KEY)
