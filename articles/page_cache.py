"""Whole article pages for anonymous readers, rendered once per paywall outcome.

An anonymous reader's article page depends on the article (its content generation), its
address and the paywall's outcome for this read (`ArticleGate.page_variant`), and on
nothing else. So each process keeps the page rendered per (generation, address, outcome)
and serves it without rendering a template, for at most PAGE_SECONDS. The paywall still
decides on every request; its outcome only picks the page. The page's newsletter boxes
carry no CSRF token (newsroom/csrf.py); should a form with one be added, a marker stands
in the kept page where the token goes, and each reader gets their own token in its place.

Readers who are signed in, who have a gift link or any other query string, or who have
messages waiting always get a freshly rendered page, as do outcomes the paywall marks as
personal (page_variant None).
"""

import secrets
import time

from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import get_token

from .caching import MISSING, ProcessMemory

# Random per process, so no text an editor types can contain it.
CSRF_MARKER = f"csrf-marker-{secrets.token_hex(16)}"
_CSRF_MARKER_BYTES = CSRF_MARKER.encode()

# Rendered pages are ~40 KB: a few hundred pages are a few MB per process.
_pages = ProcessMemory(size=300)
# A page is kept no longer than its shortest-lived part: the latest rail's "2 hours ago"
# (templates/articles/article_detail.html caches that fragment for as long).
PAGE_SECONDS = 60


def page_key(request, *, generation: int, variant) -> tuple | None:
    """The key of this request's page among shared pages, or None if it must be rendered."""
    if (
        variant is None
        or request.method != "GET"
        or request.META.get("QUERY_STRING")
        or request.user.is_authenticated
        or len(get_messages(request))  # counts without marking them read
    ):
        return None
    return (generation, request.path, variant)


def respond(request, key, render) -> HttpResponse:
    """The page under key, rendered by render(extra_context) on a miss; key None: render.

    render returns an unrendered TemplateResponse; the extra context puts the CSRF marker
    where the reader's token goes.
    """
    if key is None:
        return render({})
    kept = _pages.get(key)
    if kept is not MISSING and kept[0] > time.monotonic():
        content = kept[1]
    else:
        content = render({"csrf_token": CSRF_MARKER}).render().content
        _pages.put(key, (time.monotonic() + PAGE_SECONDS, content))
    if _CSRF_MARKER_BYTES in content:
        # get_token also makes the CSRF middleware set the reader's cookie, as rendering would.
        content = content.replace(_CSRF_MARKER_BYTES, get_token(request).encode())
    return HttpResponse(content)
