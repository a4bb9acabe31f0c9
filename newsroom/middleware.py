"""The project's own middleware: the Content Security Policy, NUL characters, database outages.

The CSP middleware extends django-csp through its public extension point
(`CSPMiddleware.get_policy_parts`) and builds the site's unchanged policy once per process.
The one thing django-csp offers no public reader for, whether a response was exempted, is
read in `exempted_from_the_policy`, pinned by tests/newsroom/test_security_headers.py.
"""

import functools
import logging
from urllib.parse import urlencode

from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.exceptions import CSPNonceError
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.template import loader

logger = logging.getLogger("newsroom.database")

# Django's admin templates carry a few `style="…"` attributes, and the body editor (Tiptap,
# inside django-prose-editor) injects its own <style> element without a nonce.
ADMIN_STYLES = {"style-src-attr": [UNSAFE_INLINE], "style-src-elem": [SELF, UNSAFE_INLINE]}

# What get_policy_parts answers for a response nothing changed: the policy of the settings.
_THE_SETTINGS_POLICY = PolicyParts()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy; the admin alone may use inline styles.

    Allowing inline styles in the admin (`style-src-attr`, `style-src-elem`) keeps every
    script as strict as on reader pages; reader pages allow no inline style at all.

    Most responses carry the site's policy unchanged (no nonce asked for, no decorator):
    that header is the same every time, so it is built once, not on every response.
    """

    admin_prefix = "/admin/"

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp_update wins over the admin's styles, as it always has.
        if not report_only and parts.update is None and request.path.startswith(self.admin_prefix):
            parts.update = ADMIN_STYLES
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not self._has_the_site_policy(request, response):
            return super().process_response(request, response)
        policy = site_policy()
        if policy and HEADER not in response:
            response[HEADER] = policy
        # As django-csp does: a nonce asked for now could no longer be in the header.
        request.csp_nonce = CheckableLazyObject(_nonce_after_the_header)  # type: ignore[attr-defined]  # django-csp's attribute
        return response

    def _has_the_site_policy(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        """Whether django-csp would write exactly site_policy() on this response."""
        return (
            self.get_policy_parts(request, response) == _THE_SETTINGS_POLICY
            and self.get_policy_parts(request, response, report_only=True) == _THE_SETTINGS_POLICY
            and not exempted_from_the_policy(response)
            and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            and not (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
                "EXCLUDE_URL_PREFIXES"
            )
            and not (settings.DEBUG and response.status_code in (404, 500))
        )


def exempted_from_the_policy(response: HttpResponseBase) -> bool:
    """Whether @csp_exempt() (or a view by hand) took this response out of the policy.

    django-csp documents the `_csp_exempt` attribute as the way to exempt a response, but
    has no function that reads it; this is the one place we do. If a new django-csp
    stores it elsewhere, test_our_header_is_the_one_django_csp_writes fails.
    """
    return getattr(response, "_csp_exempt", False) is not False


def _nonce_after_the_header() -> str:
    raise CSPNonceError(
        "The 'csp_nonce' attribute is not available after the CSP header has been written."
    )


@functools.cache
def site_policy() -> str:
    """The Content-Security-Policy header of the settings, as django-csp builds it."""
    return build_policy()


@receiver(setting_changed)
def _forget_site_policy(setting: str, **kwargs: object) -> None:
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
