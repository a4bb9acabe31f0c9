"""Signed-in readers share article pages per paywall outcome, and never anyone else's.

The personal parts of a shared signed-in page (the account link, the gift box's count and
CSRF token, the meter notice, messages) stay each reader's own; the reader's own rows
(subscription, meter, gift links) and account are cached, and a change to them shows on
their next page.
"""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from paywall.models import MeterRead, Subscription
from paywall.services.gifts import create_gift_link
from paywall.services.subscriptions import change_status, start_trial
from tests.factories import ReaderFactory

from .conftest import is_gated, read

pytestmark = pytest.mark.django_db

CACHED_BACKEND = "newsroom.auth_backends.CachedUserBackend"
LAST_PARAGRAPH = b"Paragraph 6 of the story"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend=CACHED_BACKEND)
    return client


@pytest.fixture
def subscribers(plan):
    users = [ReaderFactory(first_name=name, last_name="Reader") for name in ("Ada", "Bea")]
    for user in users:
        start_trial(user=user, plan=plan, now=timezone.now())
    return users


def gift_form_token(html: bytes) -> str:
    box = html[html.index(b'class="gift-box"') :]
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', box).group(1).decode()


def test_two_subscribers_share_one_rendering_each_with_their_own_token(subscribers, articles):
    first, second = (signed_in(user) for user in subscribers)
    first_page = read(first, articles[0])
    assert first_page.templates  # rendered once

    second_page = read(second, articles[0])

    assert second_page.templates == []  # the first subscriber's rendering, shared
    for client, page, user in (
        (first, first_page, subscribers[0]),
        (second, second_page, subscribers[1]),
    ):
        assert LAST_PARAGRAPH in page.content
        assert b"Give this article" in page.content
        token = gift_form_token(page.content)
        assert _unmask_cipher_token(token) == client.cookies["csrftoken"].value
        other = subscribers[1] if user is subscribers[0] else subscribers[0]
        assert other.email.encode() not in page.content
        assert other.first_name.encode() not in page.content
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert "private" in second_page["Cache-Control"]


def test_a_gated_reader_never_gets_a_subscribers_page(subscribers, articles, reader, policy):
    policy.registered_bonus = 0
    policy.save()
    read(signed_in(subscribers[0]), articles[3])  # the subscriber's full page is kept
    gated = signed_in(reader)
    for article in articles[:3]:
        read(gated, article)

    page = read(gated, articles[3])

    assert is_gated(page)
    assert LAST_PARAGRAPH not in page.content
    assert b"Give this article" not in page.content


def test_an_anonymous_reader_never_gets_a_signed_in_page_nor_the_reverse(
    subscribers, articles, reader
):
    read(signed_in(subscribers[0]), articles[0])
    anonymous = read(Client(), articles[0])
    assert reverse("paywall:login").encode() in anonymous.content
    assert b"Give this article" not in anonymous.content

    page = read(signed_in(reader), articles[1])
    read(Client(), articles[1])  # the anonymous page of the same outcome, kept
    assert b'href="/account/"' in read(signed_in(reader), articles[1]).content
    assert b"Create a free account" not in page.content


def test_each_subscriber_sees_their_own_gift_links_left(subscribers, articles):
    create_gift_link(giver=subscribers[1], article=articles[1], now=timezone.now())
    first, second = (signed_in(user) for user in subscribers)

    assert b"<strong>10</strong> gift links left" in read(first, articles[0]).content
    assert b"<strong>9</strong> gift links left" in read(second, articles[0]).content
    create_gift_link(giver=subscribers[0], article=articles[2], now=timezone.now())
    assert b"<strong>9</strong> gift links left" in read(first, articles[0]).content


def test_each_signed_in_reader_sees_their_own_free_articles_left(articles, policy):
    readers = [signed_in(ReaderFactory()) for _ in range(2)]
    read(readers[0], articles[0])
    read(readers[0], articles[1])

    notice = re.compile(rb'class="paywall-notice"[^>]*>\s*([^<]+)')
    assert notice.search(read(readers[1], articles[2]).content).group(1).strip() == (
        b"You have 4 free articles left."
    )
    assert notice.search(read(readers[0], articles[2]).content).group(1).strip() == (
        b"You have 2 free articles left."
    )
    assert MeterRead.objects.count() == 4  # every first read counted, once


def test_a_waiting_message_shows_only_to_its_reader(subscribers, articles):
    first, second = (signed_in(user) for user in subscribers)
    read(first, articles[0])  # a kept page, without messages
    # A message waiting for the second subscriber (as a view leaves one before a redirect).
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, "Your email address is confirmed.")
    response = HttpResponse()
    storage.update(response)
    second.cookies[storage.cookie_name] = response.cookies[storage.cookie_name].value

    mine = read(second, articles[0])

    assert mine.templates  # rendered for them
    assert b"Your email address is confirmed." in mine.content
    assert b"Your email address is confirmed." not in read(first, articles[0]).content
    assert b"Your email address is confirmed." not in read(second, articles[0]).content


def test_a_subscription_that_ends_gates_the_next_page_at_once(subscribers, articles, policy):
    policy.free_articles = 0  # without the subscription, nothing is free
    policy.registered_bonus = 0
    policy.save()
    client = signed_in(subscribers[0])
    for article in articles[:4]:
        assert LAST_PARAGRAPH in read(client, article).content
    subscription = Subscription.objects.get(user=subscribers[0])

    change_status(subscription=subscription, to=Subscription.Status.EXPIRED, now=timezone.now())

    assert is_gated(read(client, articles[3]))


def test_a_password_change_elsewhere_signs_out_the_cached_session(subscribers, articles):
    client = signed_in(subscribers[0])
    assert b'href="/account/"' in read(client, articles[0]).content

    user = subscribers[0]
    user.set_password("a-new-long-password")
    user.save()

    page = read(client, articles[0])
    assert reverse("paywall:login").encode() in page.content
    assert b'href="/account/"' not in page.content


def test_a_deactivated_account_is_signed_out_on_its_next_page(subscribers, articles):
    client = signed_in(subscribers[0])
    read(client, articles[0])
    subscribers[0].is_active = False
    subscribers[0].save()

    assert b'href="/account/"' not in read(client, articles[0]).content


def test_a_warm_signed_in_page_asks_the_shared_cache_twice_and_runs_no_sql(
    subscribers, articles, monkeypatch, django_assert_num_queries
):
    client = signed_in(subscribers[0])
    read(client, articles[0])
    read(client, articles[0])
    shared = caches["default"]
    calls = []
    get, get_many = shared.get, shared.get_many

    def counted_get(key, *args, **kwargs):
        calls.append(("get", key))
        return get(key, *args, **kwargs)

    def counted_get_many(keys, *args, **kwargs):
        calls.append(("get_many", sorted(keys)))
        monkeypatch.setattr(shared, "get", get)  # locmem's get_many calls get: one trip
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            monkeypatch.setattr(shared, "get", counted_get)

    monkeypatch.setattr(shared, "get", counted_get)
    monkeypatch.setattr(shared, "get_many", counted_get_many)

    with django_assert_num_queries(0):
        page = read(client, articles[0])

    assert LAST_PARAGRAPH in page.content
    pk = subscribers[0].pk
    assert calls == [
        ("get", f"django.contrib.sessions.cached_db{client.session.session_key}"),
        ("get_many", [f"reader:auth-user-version:{pk}", f"reader:paywall-rows:v1:{pk}"]),
    ]
