"""The request memo: a value read from the shared cache once per request, however many
parts of the page ask for it (the content generation, the paywall's policy and plans).

RequestMemoMiddleware opens one memo per request; outside a request (the shell, the task
worker, a test calling a service) there is none and every read goes to the shared cache.
Switched off with CACHE_LAYERS_OFF=memo.
"""

import contextvars
from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

from .switches import layer_on

T = TypeVar("T")

# {key: value} of the current request, or None outside a request.
_memo: contextvars.ContextVar[dict[str, object] | None] = contextvars.ContextVar(
    "request_memo", default=None
)


def request_memo(key: str, read: Callable[[], T]) -> T:
    """read() once per request (outside a request, every time)."""
    memo = _memo.get()
    if memo is None or not layer_on("memo"):
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]  # type: ignore[return-value]


def current_memo() -> dict[str, object] | None:
    """The memo of this request (for the generation's one read), or None outside one."""
    return _memo.get() if layer_on("memo") else None


def forget_in_request(key: str) -> None:
    """Read key afresh the next time this request asks for it."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)


class RequestMemoMiddleware:
    """Opens the request memo: shared values are read at most once per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
