"""The client's address: the one every rate limit, login lockout and consent record counts."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address the request came from, as our own proxies saw it.

    With TRUSTED_PROXY_COUNT = 0 the app is reached directly: REMOTE_ADDR.

    With TRUSTED_PROXY_COUNT = N, each of our N proxies appends the address it was
    connected from to X-Forwarded-For, so the entry N places from the right was written
    by the outermost one: the client's address. Everything left of it was sent by the
    client and proves nothing (the left-most entry is whatever an attacker typed).

    A header with fewer than N entries, or whose entry N places from the right is not an
    address, did not come through all our proxies (an app server reached directly, a proxy
    that replaces the header): then REMOTE_ADDR, the peer that actually connected, is used.
    A client can never choose that one, so at worst such requests share their peer's
    limits; they never escape them.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return _normalised(remote) or remote
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(entries) < proxies:
        return _normalised(remote) or remote
    return _normalised(entries[-proxies]) or _normalised(remote) or remote


def _normalised(value: str) -> str:
    """One spelling per address ("::FFFF:1.2.3.4" is 1.2.3.4); "" when it is not one."""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return ""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(address)
