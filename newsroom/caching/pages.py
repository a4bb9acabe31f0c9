"""The shared-page store: whole pages rendered once and served to every reader who would
see the same thing.

A page is keyed by (generation, address, variant): the caller says what besides the
content makes the page (for the article page, the paywall's outcome:
paywall.gate.ArticleGate.page_variant). Each process keeps the pages it rendered for at
most CACHE_PAGE_SECONDS and serves them without rendering a template.

A kept page must hold nothing of one request. The CSRF token is swapped: a marker stands
in the kept page where the token goes, and each reader gets their own token in its
place. Every other per-request value makes the store refuse the page (it is served to
this reader and not kept): the CSP nonce, once rendered; a CSRF field whose value is not
the marker, or a token asked for while rendering; the signed-in user's email or name.

Signed-in readers share pages among themselves only (the key says signed in or not), and
only the variant the caller computed tells their pages apart (for the article page: what
the paywall decided, their free articles or gift links left); a page holding the user's
email or name is refused. Readers who come with any query string, or who have messages
waiting, always get a page rendered for them, as do variants the caller marks as
personal (None).
Switched off with CACHE_LAYERS_OFF=pages.
"""

import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse

from .data import MISSING, ProcessMemory
from .switches import layer_on

logger = logging.getLogger(__name__)

# Random per process, so no text an editor types can contain it.
CSRF_MARKER = f"csrf-marker-{secrets.token_hex(16)}"
_CSRF_MARKER_BYTES = CSRF_MARKER.encode()
_CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken"\s+value="([^"]*)"')

# Rendered pages are ~40 KB: a few hundred pages are a few MB per process.
_pages = ProcessMemory(size=300)
_refusals_logged: set[tuple[str, str]] = set()

PageKey = tuple[int, str, tuple[bool, Hashable]]


def page_key(request: HttpRequest, *, generation: int, variant: Hashable | None) -> PageKey | None:
    """The key of this request's page among shared pages, or None if it must be rendered."""
    if (
        not layer_on("pages")
        or variant is None
        or request.method != "GET"
        or request.META.get("QUERY_STRING")
        or len(get_messages(request))  # counts without marking them read
    ):
        return None
    # Signed-in readers and anonymous ones never share a page, whatever the variant says.
    return (generation, request.path, (request.user.is_authenticated, variant))


def respond(
    request: HttpRequest,
    key: Hashable | None,
    render: Callable[[dict[str, object]], SimpleTemplateResponse],
) -> HttpResponse:
    """The page under key, rendered by render(extra_context) on a miss; key None: render.

    render returns an unrendered TemplateResponse; the extra context puts the CSRF marker
    where the reader's token goes.
    """
    if key is None:
        return render({})
    content = _fresh(key)
    if content is None:
        # Threads of this process missing the same page wait for one rendering of it.
        with _rendering(key):
            content = _fresh(key) or _render_and_keep(request, key, render)
    if _CSRF_MARKER_BYTES in content:
        # get_token also makes the CSRF middleware set the reader's cookie, as rendering would.
        content = content.replace(_CSRF_MARKER_BYTES, get_token(request).encode())
    return HttpResponse(content)


def _fresh(key: Hashable) -> bytes | None:
    kept = _pages.get(key)
    if kept is not MISSING and kept[0] > time.monotonic():
        content: bytes = kept[1]
        return content
    return None


def _render_and_keep(
    request: HttpRequest,
    key: Hashable,
    render: Callable[[dict[str, object]], SimpleTemplateResponse],
) -> bytes:
    token_asked_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
    content: bytes = render({"csrf_token": CSRF_MARKER}).render().content
    token_asked = not token_asked_before and request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    refusal = per_request_value_in(request, content, token_asked=bool(token_asked))
    if refusal is None:
        _pages.put(key, (time.monotonic() + settings.CACHE_PAGE_SECONDS, content))
    else:
        _log_refusal(request.path, refusal)
    return content


_render_locks: dict[Hashable, threading.Lock] = {}
_render_locks_guard = threading.Lock()


@contextmanager
def _rendering(key: Hashable) -> Iterator[None]:
    """Held while this process renders the page under key; the lock is dropped after."""
    with _render_locks_guard:
        lock = _render_locks.setdefault(key, threading.Lock())
    with lock:
        yield
    with _render_locks_guard:
        if not lock.locked():
            _render_locks.pop(key, None)


def per_request_value_in(request: HttpRequest, content: bytes, *, token_asked: bool) -> str | None:
    """What in content belongs to this request alone and is not swapped, or None."""
    nonce = getattr(request, "csp_nonce", None)
    # django-csp's lazy nonce is true once something asked for it, i.e. it may be rendered.
    if nonce and str(nonce).encode() in content:
        return "the CSP nonce"
    if token_asked or any(value != _CSRF_MARKER_BYTES for value in _CSRF_FIELD.findall(content)):
        return "a CSRF token"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        for name in ("email", "get_full_name", "get_username"):
            attribute = getattr(user, name, "")
            value = attribute() if callable(attribute) else attribute
            if value and str(value).encode() in content:
                return f"the user's {name.removeprefix('get_')}"
    return None


def _log_refusal(path: str, reason: str) -> None:
    if (path, reason) not in _refusals_logged:  # once per page and reason per process
        _refusals_logged.add((path, reason))
        logger.warning("Not sharing the page at %s: it holds %s.", path, reason)
