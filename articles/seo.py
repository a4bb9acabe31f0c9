"""Public addresses: what search engines, feed readers and social networks link to."""

import re
from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path_or_url: str) -> str:
    """The public address of a path on this site (SITE_URL); absolute URLs pass unchanged."""
    if not path_or_url or urlsplit(path_or_url).scheme:
        return path_or_url
    return f"{settings.SITE_URL}{path_or_url}"


# href="/…" or src="/…" (not protocol-relative "//host"): a path on this site.
_SITE_PATH_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")(/(?!/))')


def absolute_links(html: str) -> str:
    """Site paths in an HTML fragment's links and images made absolute, for feed readers."""
    return _SITE_PATH_ATTRIBUTE.sub(lambda match: f"{match[1]}{settings.SITE_URL}{match[2]}", html)
