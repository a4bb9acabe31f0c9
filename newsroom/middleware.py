import functools
import logging
from urllib.parse import urlencode

from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse, QueryDict
from django.template import loader

logger = logging.getLogger("newsroom.database")

# What django-csp's view decorators set to change the policy of one response.
_PER_RESPONSE = tuple(
    f"_csp_{name}{suffix}"
    for name in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy; the admin alone may use inline styles.

    Django's admin templates carry a few `style="…"` attributes, and the body editor
    (Tiptap, inside django-prose-editor) injects its own <style> element without a nonce.
    Allowing inline styles there (`style-src-attr`, `style-src-elem`) keeps every script
    as strict as on reader pages; reader pages allow no inline style at all.

    Most responses carry the site's policy unchanged (no nonce asked for, no decorator):
    that header is the same every time, so it is built once, not on every response.
    """

    admin_prefix = "/admin/"

    def process_response(self, request, response):
        if request.path.startswith(self.admin_prefix) and not hasattr(response, "_csp_update"):
            response._csp_update = {
                "style-src-attr": [UNSAFE_INLINE],
                "style-src-elem": [SELF, UNSAFE_INLINE],
            }
        if not _has_the_site_policy(request, response):
            return super().process_response(request, response)
        policy = site_policy()
        if policy and HEADER not in response:
            response[HEADER] = policy
        # As django-csp does: a nonce asked for now could no longer be in the header.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


def _has_the_site_policy(request, response) -> bool:
    return (
        getattr(request, "_csp_nonce", None) is None
        and not any(hasattr(response, name) for name in _PER_RESPONSE)
        and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        and not (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
            "EXCLUDE_URL_PREFIXES"
        )
        and not (settings.DEBUG and response.status_code in (404, 500))
    )


@functools.cache
def site_policy() -> str:
    """The Content-Security-Policy header of the settings, as django-csp builds it."""
    return build_policy()


@receiver(setting_changed)
def _forget_site_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        site_policy.cache_clear()


class NullCharactersMiddleware:
    """NUL characters never reach a view: dropped from the query string, refused in the path.

    No address of ours needs one, and PostgreSQL cannot compare text with it: an admin list
    filter, the image picker's search or any search term carrying `%00` would fail inside
    the query. Dropping it answers as if it had not been typed (as a stray `%00` in a link
    deserves); a path holding one names no page, and gets the 400 page saying why. Form
    fields need no rule here: Django's own refuse NUL with a message that keeps the input.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise BadRequest("The address holds a null character.")
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:  # the common case skips decoding
            request.META["QUERY_STRING"] = _without_nulls(request.GET)
            request.GET = QueryDict(request.META["QUERY_STRING"])
        return self.get_response(request)


def _without_nulls(params: QueryDict) -> str:
    pairs = (
        (key.replace("\x00", ""), value.replace("\x00", ""))
        for key, values in params.lists()
        for value in values
    )
    return urlencode([(key, value) for key, value in pairs if key])


DATABASE_RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """A database that does not answer (a restart, a network cut, SQLite locked) gets a
    503 page with Retry-After instead of the 500 page: readers are told to come back, the
    load balancer sees a temporary fault, and the log gets one line, not a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        # Rendered like the 500 page: no context processors, no queries.
        page = loader.get_template("503.html").render({"SITE_NAME": settings.SITE_NAME})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        return response
