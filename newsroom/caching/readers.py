"""Per-reader values: what a signed-in reader's pages need of their own rows (their
subscription, their meter, their gift links), read once and kept in the shared cache.

    STATE = ReaderValue("paywall-state", load=lambda user_id: ..., seconds=300)
    caching.register_reader_value(STATE, invalidated_by={Subscription: "user_id", ...})
    STATE.get(user_id)          # once per request; the shared cache; load() on a miss
    prefetch_reader_values(user_id)   # all of one reader's values in one round trip

Keyed by the reader, not by the content generation: a change to one of the registered
models forgets the value of the reader the row belongs to (the attribute named in
invalidated_by), now and again when the transaction commits, so a process cannot keep
the old rows. A writer that bypasses model signals (QuerySet.update, bulk_create) calls
forget(user_id) itself. Switched off with CACHE_LAYERS_OFF=data.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.core.cache import cache

from . import registry
from .memo import current_memo, forget_in_request, request_memo
from .switches import layer_on

T = TypeVar("T")
_MISSING = object()


@dataclass(frozen=True, eq=False)
class ReaderValue(Generic[T]):
    """load(user_id), cached per reader for at most `seconds`, forgotten on their changes."""

    name: str
    load: Callable[[int], T]
    seconds: int

    def key(self, user_id: int) -> str:
        return f"reader:{self.name}:{user_id}"

    def get(self, user_id: int) -> T:
        if not layer_on("data"):
            return self.load(user_id)
        return request_memo(self.key(user_id), lambda: self._read(user_id))

    def _read(self, user_id: int) -> T:
        key = self.key(user_id)
        found = cache.get(key, _MISSING)
        if found is not _MISSING:
            kept: T = found
            return kept
        value = self.load(user_id)
        cache.set(key, value, self.seconds)
        return value

    def forget(self, user_id: int) -> None:
        """Read afresh: in this request and everywhere."""
        key = self.key(user_id)
        cache.delete(key)
        forget_in_request(key)


def prefetch_reader_values(user_id: int) -> None:
    """Every registered value of this reader, in one round trip to the shared cache, into
    the request memo (a miss is left to the value's own read)."""
    memo = current_memo()
    if memo is None or not layer_on("data"):
        return
    keys = [value.key(user_id) for value in registry.reader_values()]
    for key, found in cache.get_many([key for key in keys if key not in memo]).items():
        memo.setdefault(key, found)
