"""newsroom.lib.client.client_address: the one client address of every limit and lockout."""

import pytest
from django.test import RequestFactory

from newsroom.lib.client import client_address


def request(forwarded_for=None, remote="10.0.0.1"):
    headers = {} if forwarded_for is None else {"HTTP_X_FORWARDED_FOR": forwarded_for}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_proxies_the_client_is_the_connecting_peer_whatever_the_header_says(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request("203.0.113.50", remote="198.51.100.7")) == "198.51.100.7"


def test_behind_one_proxy_the_client_is_the_address_the_proxy_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request("198.51.100.7")) == "198.51.100.7"
    # Whatever the client put in the header itself stays on the left and is ignored.
    assert client_address(request("203.0.113.50, 1.2.3.4, 198.51.100.7")) == "198.51.100.7"


def test_behind_two_proxies_the_client_is_second_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_address(request("203.0.113.50, 198.51.100.7, 10.0.0.9")) == "198.51.100.7"


@pytest.mark.parametrize("header", [None, "", "198.51.100.7"])
def test_a_header_shorter_than_the_proxy_chain_means_the_connecting_peer(settings, header):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_address(request(header, remote="10.0.0.1")) == "10.0.0.1"


@pytest.mark.parametrize("entry", ["unknown", "", "198.51.100.7:443", "<script>"])
def test_an_entry_that_is_not_an_address_means_the_connecting_peer(settings, entry):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request(f"203.0.113.50, {entry}", remote="10.0.0.1")) == "10.0.0.1"


def test_one_address_has_one_spelling(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request(" 2001:DB8::0001 ")) == "2001:db8::1"
    assert client_address(request("::ffff:198.51.100.7")) == "198.51.100.7"
