"""Every rate limit of the site: one counter in the shared cache, and one
authorize_<purpose>() per limit with its numbers beside it.

A limit counts attempts per key (a client address, an email address) in fixed windows.
When the cache cannot count (it is down, or django-redis ignored the error and answered
None) the limit fails open: forms keep working through a cache outage, which is logged
once (newsroom.lib.cache_outage).
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.views import View

from . import cache_outage
from .client import client_address


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds until the window ends, when refused


ALLOWED = Verdict(allowed=True)


def hit(*, scope: str, key: str, limit: int, window_seconds: int) -> Verdict:
    """Count one attempt; refused once more than `limit` were counted in this window."""
    now = int(time.time())
    window_start = now - now % window_seconds
    # Keys are hashed: the cache never holds an email or IP address in clear.
    digest = salted_hmac("newsroom.ratelimit", f"{scope}:{key}").hexdigest()[:32]
    count = _count(f"ratelimit:{scope}:{digest}:{window_start}", window_seconds)
    if count is None or count <= limit:
        return ALLOWED
    return Verdict(allowed=False, retry_after=max(1, window_start + window_seconds - now))


def _count(cache_key: str, timeout: int) -> int | None:
    """The attempt's number in its window; None when the cache cannot say."""
    try:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # the window's first attempt (or another process's, just now)
            count = 1 if cache.add(cache_key, 1, timeout) else cache.incr(cache_key)
    except Exception:  # a backend that raises instead of ignoring its connection errors
        count = None
    if count is None:
        cache_outage.report_failure()
    else:
        cache_outage.report_success()
    return count


# Accounts (paywall): per client address, on top of django-axes' lockout per username.
def authorize_sign_in(*, client: str) -> Verdict:
    return hit(scope="sign-in", key=client, limit=20, window_seconds=600)


def authorize_sign_up(*, client: str) -> Verdict:
    return hit(scope="sign-up", key=client, limit=10, window_seconds=600)


def authorize_password_reset(*, client: str) -> Verdict:
    return hit(scope="password-reset", key=client, limit=5, window_seconds=600)


def authorize_trial_start(*, client: str) -> Verdict:
    return hit(scope="trial-start", key=client, limit=20, window_seconds=600)


def authorize_gift_link(*, client: str) -> Verdict:
    return hit(scope="gift-link", key=client, limit=30, window_seconds=600)


def authorize_verification_resend(*, client: str) -> Verdict:
    """ "Send me the link again" for an account's address, per client address."""
    return hit(scope="verify-resend", key=client, limit=5, window_seconds=3600)


def authorize_verification_resend_for(*, user_id: int) -> Verdict:
    """The same per account, whoever asks: the cap that stops a mail bomb."""
    return hit(scope="verify-resend-account", key=str(user_id), limit=3, window_seconds=3600)


def authorize_admin_login(*, client: str) -> Verdict:
    """Many usernames tried from one address (axes only counts each username apart)."""
    return hit(scope="admin-login", key=client, limit=40, window_seconds=600)


# Newsletters: the numbers are settings (NEWSLETTER_SIGNUP_*), per hour by default.
def authorize_newsletter_signup(*, client: str) -> Verdict:
    """Signup posts from one client address, whatever addresses they carry."""
    return hit(
        scope="newsletter-signup",
        key=client,
        limit=settings.NEWSLETTER_SIGNUP_LIMIT_PER_IP,
        window_seconds=settings.NEWSLETTER_SIGNUP_RATE_WINDOW,
    )


def authorize_newsletter_signup_of(*, email: str, client: str) -> Verdict:
    """One email address signed up from one client address: counted per pair, so that
    somebody else's signups of an address never spend its owner's allowance."""
    return hit(
        scope="newsletter-signup-address",
        key=f"{email}|{client}",
        limit=settings.NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS,
        window_seconds=settings.NEWSLETTER_SIGNUP_RATE_WINDOW,
    )


def authorize_newsletter_email(*, email: str) -> Verdict:
    """Signup emails (confirmation, "you're signed up") sent to one address, whoever
    asked: the cap that stops a mail bomb from many client addresses."""
    return hit(
        scope="newsletter-email",
        key=email,
        limit=settings.NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS,
        window_seconds=settings.NEWSLETTER_SIGNUP_RATE_WINDOW,
    )


def authorize_fresh_preference_link(*, subscriber_id: int) -> Verdict:
    """One fresh preference link per subscriber every ten minutes, however often it is
    asked for: it goes to their mailbox, which a stranger holding an old email must not
    flood."""
    return hit(scope="fresh-preference-link", key=str(subscriber_id), limit=1, window_seconds=600)


def too_many_attempts(
    request: HttpRequest,
    *,
    retry_after: int,
    heading: str = "",
    reason: str = "",
    hint: str = "",
) -> HttpResponse:
    """The one 429 page of the site, saying how long to wait."""
    context = {
        "retry_minutes": max(1, math.ceil(retry_after / 60)),
        "heading": heading,
        "reason": reason,
        "hint": hint,
    }
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class RateLimitedPostMixin(View):
    """Answer 429, without processing it, to a form posted too often from one address."""

    # One of the authorize_* functions above, as staticmethod(authorize_...).
    rate_limit: Callable[..., Verdict]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "POST":
            verdict = self.rate_limit(client=client_address(request))
            if not verdict.allowed:
                return too_many_attempts(request, retry_after=verdict.retry_after)
        return super().dispatch(request, *args, **kwargs)
