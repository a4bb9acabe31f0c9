"""A small fixed-window rate limit in the cache, per client address and action."""

from django.core.cache import cache
from django.shortcuts import render


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(*, scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt; True when the limit for this window is exceeded."""
    cache_key = f"paywall:ratelimit:{scope}:{key}"
    cache.add(cache_key, 0, window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, window_seconds)
        count = 1
    return count > limit


class RateLimitedPostMixin:
    """Answer 429 when one address posts a form too often (guessing passwords, spamming)."""

    rate_scope = "form"
    rate_limit = 20
    rate_window_seconds = 600

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and hit(
            scope=self.rate_scope,
            key=client_address(request),
            limit=self.rate_limit,
            window_seconds=self.rate_window_seconds,
        ):
            return render(
                request,
                "paywall/too_many_attempts.html",
                {"minutes": self.rate_window_seconds // 60},
                status=429,
            )
        return super().dispatch(request, *args, **kwargs)
