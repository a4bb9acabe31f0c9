"""Anonymous readers share rendered article pages per paywall outcome, and nothing else
(signed-in readers: test_signed_in_shared_pages.py)."""

import re
import time
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.template.response import SimpleTemplateResponse
from django.test import RequestFactory
from django.urls import reverse

from newsroom.caching import pages as shared_pages
from tests.factories import ArticleFactory

from .conftest import is_gated, read

pytestmark = pytest.mark.django_db


def test_a_warm_page_is_served_without_rendering_a_template(client, articles):
    read(client, articles[0])
    client.cookies.clear()

    warm = read(client, articles[0])

    assert warm.status_code == 200
    assert warm.templates == []
    assert articles[0].headline.encode() in warm.content


def test_a_csrf_field_on_a_shared_page_holds_each_readers_own_token(rf):
    """No shared page has a CSRF field today; one added later must still be personal."""
    template = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')

    def render(extra):
        return SimpleTemplateResponse(template, {**extra})

    pages = []
    for _ in range(2):
        request = rf.get("/article/some-story/")
        response = shared_pages.respond(request, ("generation", "/article/some-story/"), render)
        token = re.search(rb'value="([^"]+)"', response.content).group(1).decode()
        pages.append((request, token))

    (first, first_token), (second, second_token) = pages
    assert shared_pages.CSRF_MARKER not in first_token + second_token
    assert first_token != second_token
    # Each token is one of its own reader's: it matches that reader's CSRF secret.
    for request, token in pages:
        assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]


def test_shared_pages_still_tell_each_reader_their_own_free_articles_left(client, articles):
    read(client, articles[0])  # keeps the page of a first read
    client.cookies.clear()

    notices = []
    for article in articles[:3]:
        notice = re.search(
            rb'class="paywall-notice"[^>]*>\s*([^<]+)', read(client, article).content
        )
        notices.append(notice.group(1).decode().strip())

    assert notices == [
        "You have 2 free articles left.",
        "You have 1 free article left.",
        "This is your last free article.",
    ]
    assert is_gated(read(client, articles[3]))
    client.cookies.clear()
    assert b"You have 2 free articles left." in read(client, articles[2]).content


def test_a_teaser_length_change_shows_at_once_on_a_warm_paywall(client, articles, policy):
    for article in articles[:3]:
        read(client, article)
    assert b"Paragraph 3 of the story" not in read(client, articles[3]).content

    policy.teaser_paragraphs = 3
    policy.save()  # as the admin does

    page = read(client, articles[3])
    assert is_gated(page)
    assert b"Paragraph 3 of the story" in page.content
    assert b"Paragraph 4 of the story" not in page.content


def test_a_price_change_shows_at_once_on_a_warm_paywall(client, articles, plan):
    for article in articles[:3]:
        read(client, article)
    assert b"$2.90" in read(client, articles[3]).content

    plan.price = Decimal("3.50")
    plan.save()

    page = read(client, articles[3])
    assert is_gated(page)
    assert b"$3.50" in page.content
    assert b"$2.90" not in page.content


def test_a_query_string_gets_its_own_page_with_its_own_links(client, articles):
    read(client, articles[0])
    client.cookies.clear()

    page = client.get(articles[0].get_absolute_url() + "?utm_source=newsletter")

    assert page.templates  # rendered for this address, not taken from the bare one
    assert b"utm_source%3Dnewsletter" in page.content


def test_signed_in_readers_never_get_an_anonymous_readers_page(client, articles, policy, reader):
    policy.registered_bonus = 0  # so a reader's first read has an anonymous one's outcome
    policy.save()
    read(client, articles[0])  # keeps the anonymous page: "Sign in"
    client.cookies.clear()
    client.force_login(reader)

    page = read(client, articles[0])

    assert b"You have 2 free articles left." in page.content
    assert reverse("paywall:account").encode() in page.content
    assert b"Subscribe for unlimited access." in page.content


def test_a_request_with_messages_waiting_is_never_given_a_shared_page():
    request = RequestFactory().get("/article/some-story/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    assert shared_pages.page_key(request, generation=1, variant=("metered",)) is not None

    request._messages.add(constants.INFO, "You have been signed out.")

    assert shared_pages.page_key(request, generation=1, variant=("metered",)) is None
    assert len(get_messages(request)) == 1  # still there for the page to show


def test_a_gift_link_reader_gets_a_page_of_their_own(client, articles):
    read(client, articles[0])
    client.cookies.clear()

    page = client.get(articles[0].get_absolute_url() + "?gift=not-a-real-token")

    assert page.templates
    assert page.status_code == 200


def test_a_new_article_version_replaces_the_shared_page(client, policy):
    article = ArticleFactory(headline="First headline")
    read(client, article)
    article.headline = "Corrected headline"
    article.save()
    client.cookies.clear()

    page = read(client, article)

    assert b"Corrected headline" in page.content
    assert b"First headline" not in page.content


def test_a_shared_page_is_rendered_again_after_a_minute(client, articles, monkeypatch, settings):
    """Its latest rail says "2 hours ago": it may not stay the same for longer."""
    read(client, articles[0])
    client.cookies.clear()
    assert read(client, articles[0]).templates == []

    now = time.monotonic()
    monkeypatch.setattr(shared_pages.time, "monotonic", lambda: now + settings.CACHE_PAGE_SECONDS)
    client.cookies.clear()

    assert read(client, articles[0]).templates  # rendered afresh
