"""CSRF protection for forms on pages that every reader shares.

Django's CSRF check needs a token rendered into each reader's page, which makes the page
personal: it can no longer be rendered once and served to every anonymous reader (see
newsroom.caching.pages). The newsletter signup boxes in the masthead and in articles are on
such pages, and signing up needs no account, so their view checks where the POST comes
from instead: browsers send Origin with every POST and Sec-Fetch-Site with most, so a
form on another site is refused, with the same 403 page as a failed token check. Without
Origin, a Referer from another site is refused too.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import get_callable
from django.views.decorators.csrf import csrf_exempt

REASON = "This form was sent from another site."


View = Callable[..., HttpResponseBase]


def same_site_posts_only(view: View) -> View:
    """Like Django's CSRF check for a view that no per-reader token protects."""

    @csrf_exempt
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "POST" and not sent_from_this_site(request):
            failure: View = get_callable(settings.CSRF_FAILURE_VIEW)
            return failure(request, reason=REASON)
        return view(request, *args, **kwargs)

    return checked


def sent_from_this_site(request: HttpRequest) -> bool:
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        referer = request.headers.get("Referer")
        if referer is None:
            # Neither header: a client that is not a browser (nothing another site can
            # use), or a browser told to send no Referer. Every browser in use sends Origin
            # with a POST from another site, and most also send Sec-Fetch-Site (refused
            # above when cross-site), so this stays accepted.
            return True
        origin = _origin_of(referer)
    ours = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return origin.lower() in {o.lower() for o in ours}


def _origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, as a browser's Origin header spells it; "" if none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()
