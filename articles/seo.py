"""Public addresses: what search engines, feed readers and social networks link to."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path_or_url: str) -> str:
    """The public address of a path on this site (SITE_URL); absolute URLs pass unchanged."""
    if not path_or_url or urlsplit(path_or_url).scheme:
        return path_or_url
    return f"{settings.SITE_URL}{path_or_url}"
