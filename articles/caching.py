"""Cached reader-facing content: article data, home blocks, navigation.

Every entry is keyed by a *content generation*. Saving or deleting an article, section,
author, series, source, byline or tag (articles/signals.py) starts a new generation, so
every process sharing the cache stops using the old entries: the default cache is a folder
shared by the processes of one machine (newsroom/lib/filecache.py), Redis is shared by
several machines. The generation also remembers when the next scheduled article goes
live and starts a new one then, since a scheduled article appears without anyone saving it.

What is cached here is the same for every reader: article data, on which the paywall
decides per request. Whole rendered pages, body included when the paywall shows it, are
kept per paywall outcome for anonymous readers by articles/page_cache.py, keyed by this
generation too.

Entries are kept in the shared cache and, since a generation's entries never change, also
in a small per-process memory. The generation itself, with the values read with it (the
paywall's policy and plans), is read from the shared cache at most once per TRUST_SECONDS
in each process, so a warm page usually costs no cache read at all: a change shows at once
in the process that made it, and within TRUST_SECONDS in every other process.
"""

import contextvars
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "content:generation"
# Bump when the shape of cached objects changes, so a deploy never reads old pickles.
FORMAT = 1
MISSING = object()


@dataclass(frozen=True)
class Generation:
    number: int
    # Epoch seconds when the next scheduled article goes live, or None.
    next_publication: float | None = None


def _new_generation() -> Generation:
    from .models import Article

    upcoming = Article.objects.scheduled().order_by("published_at").first()
    due = upcoming.published_at.timestamp() if upcoming else None
    # Random numbers never repeat, even after the cache lost the previous generation.
    return Generation(number=secrets.randbits(62), next_publication=due)


# Within one request the generation is read once (ContentGenerationMiddleware).
_request_generation = contextvars.ContextVar("content_generation", default=None)
_NOT_READ = -1
# Values read from the shared cache once per request (see request_memo).
_request_memo = contextvars.ContextVar("request_memo", default=None)


# Shared-cache keys read in the same round trip as the generation (see read_with_generation).
_companion_keys: list[str] = []

# How long requests in this process trust the last read of the generation (and of the values
# read with it) before asking the shared cache again.
TRUST_SECONDS = 1.0
# (when it was read, {key: value}) or None.
_recent_read: tuple[float, dict] | None = None


def read_with_generation(key: str) -> None:
    """Fetch key together with the generation, one cache round trip for both, when a page
    will ask request_memo(key) anyway (e.g. the paywall's policy on every article)."""
    if key not in _companion_keys:
        _companion_keys.append(key)


def request_memo(key: str, read):
    """read() once per request (outside a request, every time): saves cache round trips
    for values several parts of one page ask for, such as the paywall's policy."""
    memo = _request_memo.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def forget_request_memo(key: str) -> None:
    """Read key afresh: in this request, and in the next requests of this process."""
    memo = _request_memo.get()
    if memo is not None:
        memo.pop(key, None)
    _forget_recent_read()


def current_generation() -> int:
    """The number that keys every content entry (read once per request at most)."""
    memo = _request_generation.get()
    if memo is not None and memo != _NOT_READ:
        return memo
    generation = _read_generation()
    if generation is None or (
        generation.next_publication is not None and time.time() >= generation.next_publication
    ):
        generation = _new_generation()
        cache.set(GENERATION_KEY, generation, None)
        _forget_recent_read()
    if memo is not None:
        _request_generation.set(generation.number)
    return generation.number


def _read_generation():
    """The stored generation; in a request, companion keys come back in the same read,
    and a read made by another request of this process under TRUST_SECONDS ago is reused."""
    request_values = _request_memo.get()
    if request_values is None:
        return cache.get(GENERATION_KEY)
    found = _trusted_read()
    for key in _companion_keys:
        if key in found:  # a miss is left to request_memo's own read
            request_values.setdefault(key, found[key])
    return found.get(GENERATION_KEY)


def _trusted_read() -> dict:
    global _recent_read
    recent = _recent_read
    if recent is not None and time.monotonic() - recent[0] < TRUST_SECONDS:
        return recent[1]
    found = cache.get_many([GENERATION_KEY, *_companion_keys])
    _recent_read = (time.monotonic(), found)
    return found


def _forget_recent_read() -> None:
    global _recent_read
    _recent_read = None


def start_new_generation() -> None:
    """Forget every cached content entry: called whenever content changes."""
    cache.delete(GENERATION_KEY)
    _forget_recent_read()
    if _request_generation.get() is not None:
        _request_generation.set(_NOT_READ)


class ContentGenerationMiddleware:
    """Reads the content generation (and request_memo values) at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(_NOT_READ)
        memo_token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)
            _request_memo.reset(memo_token)


class ProcessMemory:
    """A small LRU in this process, in front of the shared cache.

    Safe without any invalidation because every key carries its generation: an entry
    never changes, it only stops being asked for. Objects in it are shared by the
    requests of this process and must be treated as read-only.
    """

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.entries.get(key, MISSING)
            if value is not MISSING:
                self.entries.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_memory = ProcessMemory(size=512)


def cached(
    name: str,
    build,
    *,
    generation: int | None = None,
    keep_none: bool = True,
    timeout: int | None = None,
    in_process: bool = True,
):
    """The value of build() under name in the current generation, built on a miss.

    Looked up in this process first, then in the shared cache. keep_none=False leaves a
    None result uncached (e.g. unknown addresses asked by bots). timeout (seconds) defaults
    to CONTENT_CACHE_SECONDS; in_process=False keeps the entry out of the per-process
    memory (for entries keyed by what readers type, which must not crowd out pages).
    """
    number = current_generation() if generation is None else generation
    key = f"content:{FORMAT}:{number}:{name}"
    if in_process:
        value = _memory.get(key)
        if value is not MISSING:
            return value
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        if value is None and not keep_none:
            return None
        cache.set(key, value, settings.CONTENT_CACHE_SECONDS if timeout is None else timeout)
    if in_process:
        _memory.put(key, value)
    return value


@dataclass
class ArticlePage:
    """What the article page shows besides the body the paywall cuts: same for everyone."""

    article: object
    related: list = field(default_factory=list)
    latest: list = field(default_factory=list)
    generation: int = 0


RELATED_COUNT = 3
LATEST_COUNT = 5


def page_for(article, *, generation: int) -> ArticlePage:
    """The related and latest lists around an article (uncached: article_page caches)."""
    from .models import Article

    others = Article.objects.published().exclude(pk=article.pk).newest_first()
    # Cards never show the body: leaving it out keeps cache entries small.
    related = with_bylines(
        others.in_section(article.section_id).for_cards().defer("body")[:RELATED_COUNT]
    )
    latest = list(others.defer("body")[:LATEST_COUNT])
    [article] = with_bylines([article])
    return ArticlePage(article, related, latest, generation)


def article_page(slug: str) -> ArticlePage | None:
    """The published article at slug with its related and latest lists, or None."""
    generation = current_generation()

    def build():
        from .models import Article

        article = Article.objects.published().for_page().filter(slug=slug).first()
        return None if article is None else page_for(article, generation=generation)

    return cached(f"article:{slug}", build, generation=generation, keep_none=False)


def navigation_sections() -> list:
    """The sections of the site navigation, for the chrome of every page."""
    from .models import Section

    return cached("nav-sections", lambda: list(Section.objects.navigation()))


def with_bylines(articles) -> list:
    """The articles as a list, byline authors computed so cached copies carry them."""
    articles = list(articles)
    for article in articles:
        article.byline_authors  # noqa: B018
    return articles
