"""The default cache: Django's file-based cache, made safe for many processes on one machine.

gunicorn's workers, the admin, management commands and the task worker each run in a
process of their own. A per-process cache (locmem) gives each one its own content
generation, meter policy, rate limits and funnel counts, so a change made in one never
reaches the others. Files in one folder are shared by all of them, with nothing to
install; hot reads stay in memory because newsroom/caching/ (data, pages, generation)
keep per-process layers above the cache and ask it at most once a second.

What Django's FileBasedCache lacks for that, added here:

- add, incr and decr are atomic across processes (an exclusive lock on one lock file),
  so rate limits and counters lose nothing; incr keeps the entry's expiry, as Redis does
  (Django's resets it to the default timeout, which would shorten a rate-limit window);
- reading an expired entry does not delete the file: another process may have just
  replaced it with a fresh value;
- the folder is listed at most once every CULL_SECONDS per process, not on every set, and
  when it is full the cull drops expired entries first, then the least recently written:
  never live counters at random.
"""

import hashlib
import os
import pickle
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, BinaryIO

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

# How often one process may list the folder to see whether it is over MAX_ENTRIES.
CULL_SECONDS = 10.0
# Per folder, when this process may look at it again (caches are per thread; this is not).
_next_cull: dict[str, float] = {}


class FileCache(FileBasedCache):
    """A cache folder shared by every process of one machine (see the module docstring)."""

    # FileBasedCache's own attributes that this class builds on; django-stubs leaves them out.
    _dir: str
    _createdir: Callable[[], None]
    _key_to_file: Callable[[str, int | None], str]
    _list_cache_files: Callable[[], list[str]]
    _delete: Callable[[str], bool]

    def __init__(self, dir: str, params: dict[str, Any]):
        super().__init__(dir, params)
        # Not named *.djcache: clear() and the cull leave it alone.
        self._lock_path = os.path.join(self._dir, "lock")

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self._createdir()
        with open(self._lock_path, "ab") as lock_file:
            locks.lock(lock_file, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(lock_file)

    def _read(self, fname: str) -> tuple[float | None, Any] | None:
        """(expiry, value) of a live entry, or None."""
        try:
            with open(fname, "rb") as f:
                expiry = pickle.load(f)
                if expiry is not None and expiry < time.time():
                    return None
                return expiry, pickle.loads(zlib.decompress(f.read()))
        except (FileNotFoundError, EOFError):
            return None

    def _write(self, fname: str, expiry: float | None, value: Any) -> None:
        """Replace the entry at once: readers see the old file or the new one, never half."""
        self._createdir()
        fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        try:
            with open(fd, "wb") as f:
                f.write(pickle.dumps(expiry, self.pickle_protocol))
                f.write(zlib.compress(pickle.dumps(value, self.pickle_protocol)))
            os.replace(tmp_path, fname)
        except BaseException:
            with suppress(FileNotFoundError):
                os.remove(tmp_path)
            raise

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        fname = self._key_to_file(key, version)
        with self._locked():
            if self._read(fname) is not None:
                return False
            self._write(fname, self.get_backend_timeout(timeout), value)
        self._cull()
        return True

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        fname = self._key_to_file(key, version)
        with self._locked():
            found = self._read(fname)
            if found is None:
                raise ValueError(f"Key '{key}' not found")
            expiry, value = found
            total: int = value + delta
            self._write(fname, expiry, total)
        return total

    def _is_expired(self, f: BinaryIO) -> bool:
        try:
            expiry = pickle.load(f)
        except EOFError:
            return True
        return expiry is not None and expiry < time.time()

    def _cull(self) -> None:
        now = time.monotonic()
        if now < _next_cull.get(self._dir, 0.0):
            return
        _next_cull[self._dir] = now + CULL_SECONDS
        if len(self._list_cache_files()) < self._max_entries:
            return
        if self._cull_frequency == 0:
            self.clear()
            return
        # Under the lock, so a counter that add() or incr() is writing is never dropped.
        with self._locked():
            live: list[tuple[float, str]] = []
            for fname in self._list_cache_files():
                try:
                    with open(fname, "rb") as f:
                        expired = self._is_expired(f)
                    written = os.stat(fname).st_mtime
                except FileNotFoundError:
                    continue
                if expired:
                    self._delete(fname)
                else:
                    live.append((written, fname))
            if len(live) >= self._max_entries:
                live.sort()
                for _, fname in live[: len(live) // self._cull_frequency]:
                    self._delete(fname)


def database_folder_name(database: dict[str, Any]) -> str:
    """A folder name that differs between databases, so one never reads another's cache."""
    where = "|".join(str(database.get(part, "")) for part in ("ENGINE", "HOST", "PORT", "NAME"))
    return hashlib.sha256(where.encode()).hexdigest()[:16]
