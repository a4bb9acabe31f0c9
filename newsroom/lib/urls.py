"""Public addresses: every absolute URL the site hands out is built here, from SITE_URL.

Emails, feeds, sitemaps, structured data and social cards leave the request behind, and a
crawler or proxy may have reached us under another host name, so the address readers are
given never comes from the request: always from SITE_URL.
"""

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
