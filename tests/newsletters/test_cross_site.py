"""Signup boxes carry no CSRF token (their pages are shared); the Origin guards them."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from newsletters.models import Subscriber
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/newsletters/signup/"


@pytest.fixture
def browser():
    """A client that enforces Django's CSRF check, as a real browser session meets it."""
    return Client(enforce_csrf_checks=True)


def sign_up(client, **headers):
    data = {"email": "ann@example.org", "newsletter": "worldcrunch-today", "placement": "masthead"}
    return client.post(SIGNUP, data, **headers)


def test_the_masthead_box_on_an_article_signs_up_without_a_token(browser, daily):
    article = ArticleFactory()
    page = browser.get(article.get_absolute_url())
    assert b"csrfmiddlewaretoken" not in page.content
    assert "csrftoken" not in browser.cookies  # nothing personal on a shared page

    response = sign_up(browser, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")

    assert response.status_code == 302
    assert response["Location"] == reverse("newsletters:check_inbox")
    assert Subscriber.objects.filter(email="ann@example.org").exists()


def test_a_form_on_another_site_is_refused_and_saves_nothing(browser, daily):
    response = sign_up(browser, HTTP_ORIGIN="https://attacker.example")

    assert response.status_code == 403
    assert "We couldn't accept that form" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_cross_site_post_is_refused_even_without_an_origin(browser, daily):
    response = sign_up(browser, HTTP_SEC_FETCH_SITE="cross-site")

    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_without_an_origin_a_referer_from_another_site_is_refused(browser, daily):
    response = sign_up(browser, HTTP_REFERER="https://attacker.example/free-stuff")

    assert response.status_code == 403
    assert "We couldn't accept that form" in response.content.decode()
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("referer", ["not a url", "http://[broken/", "about:blank"])
def test_without_an_origin_a_referer_that_names_no_site_is_refused(browser, daily, referer):
    assert sign_up(browser, HTTP_REFERER=referer).status_code == 403
    assert not Subscriber.objects.exists()


def test_without_an_origin_a_referer_from_this_site_is_accepted(browser, daily):
    response = sign_up(browser, HTTP_REFERER="http://testserver/world/some-story/")

    assert response.status_code == 302
    assert Subscriber.objects.filter(email="ann@example.org").exists()


@override_settings(CSRF_TRUSTED_ORIGINS=["https://www.example.org"])
def test_without_an_origin_a_referer_from_a_trusted_origin_is_accepted(browser, daily):
    assert sign_up(browser, HTTP_REFERER="https://www.example.org/world/").status_code == 302
    assert sign_up(browser, HTTP_REFERER="https://www.example.net/world/").status_code == 403


def test_a_post_without_browser_headers_is_accepted(browser, daily):
    assert sign_up(browser).status_code == 302


@override_settings(CSRF_TRUSTED_ORIGINS=["https://www.example.org"])
def test_a_trusted_origin_is_accepted(browser, daily):
    assert sign_up(browser, HTTP_ORIGIN="https://www.example.org").status_code == 302
    assert sign_up(browser, HTTP_ORIGIN="https://www.example.net").status_code == 403


def test_behind_a_tls_proxy_the_https_origin_is_this_site(browser, daily, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = sign_up(
        browser,
        HTTP_HOST="testserver",  # as the proxy passes it on
        HTTP_ORIGIN="https://testserver",
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert response.status_code == 302


def test_other_forms_still_need_their_token_and_fail_in_the_site_style(browser):
    response = browser.post(reverse("paywall:login"), {"username": "a", "password": "b"})

    assert response.status_code == 403
    body = response.content.decode()
    assert "We couldn't accept that form" in body
    assert 'class="masthead"' in body  # the site's page, not Django's bare one
