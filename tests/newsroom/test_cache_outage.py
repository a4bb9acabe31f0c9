"""With the shared cache down, every rate-limited form still works (limits fail open).

The cache is django-redis as production configures it (IGNORE_EXCEPTIONS: a failed call
answers None), pointed at a port where nothing listens.
"""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Subscriber
from newsroom.lib import cache_outage, ratelimit
from paywall.models import Subscription
from paywall.services.accounts import mark_verified
from tests.factories import NewsletterFactory, PlanFactory, ReaderFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-reader-password"
REDIS_DOWN = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:8139/3",  # nothing listens here
    "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
}


@pytest.fixture
def cache_down(settings, monkeypatch):
    settings.CACHES = {**settings.CACHES, "default": REDIS_DOWN}
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False  # as newsroom.settings sets it
    monkeypatch.setattr(cache_outage, "_down", False)  # each test sees its outage begin


def test_sign_in_works_while_the_cache_is_down(client, cache_down):
    reader = ReaderFactory()
    url = reverse("paywall:login")

    wrong = client.post(url, {"username": reader.email, "password": "not it"})
    right = client.post(url, {"username": reader.email, "password": PASSWORD})

    assert wrong.status_code == 200
    assert "do not match an account" in wrong.content.decode()
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(reader.pk)


def test_sign_up_works_while_the_cache_is_down(client, cache_down):
    response = client.post(
        reverse("paywall:signup"), {"email": "new@example.com", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert get_user_model().objects.filter(email="new@example.com").exists()


def test_password_reset_works_while_the_cache_is_down(client, cache_down):
    reader = ReaderFactory()

    response = client.post(reverse("paywall:password_reset"), {"email": reader.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_trial_start_works_while_the_cache_is_down(client, cache_down):
    plan = PlanFactory()
    reader = ReaderFactory()
    client.force_login(reader)

    response = client.post(reverse("paywall:subscribe", args=[plan.slug]))

    assert response.status_code == 302
    assert Subscription.objects.get(user=reader).status == Subscription.Status.TRIALING


def test_newsletter_signup_works_while_the_cache_is_down(client, cache_down):
    NewsletterFactory(slug="worldcrunch-today", in_masthead=True)

    response = client.post(
        reverse("newsletters:signup"), {"email": "ann@example.org", "placement": "masthead"}
    )

    assert response.status_code == 302
    assert Subscriber.objects.get().email == "ann@example.org"
    assert len(mail.outbox) == 1


def test_joining_a_newsletter_works_while_the_cache_is_down(client, cache_down):
    daily = NewsletterFactory(slug="worldcrunch-today")
    reader = ReaderFactory()
    mark_verified(user=reader, now=timezone.now())
    client.force_login(reader)

    response = client.post(reverse("newsletters:join", args=[daily.slug]))

    assert response.status_code == 302
    assert Subscriber.objects.get().email == reader.email


def test_admin_login_works_while_the_cache_is_down(client, cache_down):
    get_user_model().objects.create_user("editor", password="correct horse battery", is_staff=True)

    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": "correct horse battery", "next": "/admin/"},
    )

    assert response.status_code == 302


def test_an_outage_is_logged_once_without_a_traceback(client, cache_down, caplog):
    url = reverse("paywall:login")
    with caplog.at_level(logging.WARNING):
        for n in range(5):
            response = client.post(url, {"username": f"a{n}@example.com", "password": "x"})
            assert response.status_code == 200

    outage = [r for r in caplog.records if r.name == "newsroom.cache"]
    assert len(outage) == 1
    assert "rate limits are not enforced" in outage[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


class RaisingCache:
    """A cache whose every call raises, as a backend without IGNORE_EXCEPTIONS does."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache unreachable")

        return fail


def test_a_cache_that_raises_lets_attempts_through(monkeypatch):
    monkeypatch.setattr(ratelimit, "cache", RaisingCache())

    verdicts = [ratelimit.authorize_password_reset(client="198.51.100.7") for _ in range(20)]

    assert all(v.allowed for v in verdicts)


def test_limits_apply_again_once_the_cache_is_back(client, cache_down, settings):
    for _ in range(30):
        client.post(reverse("paywall:password_reset"), {"email": "a@example.com"})
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

    statuses = [
        client.post(reverse("paywall:password_reset"), {"email": "a@example.com"}).status_code
        for _ in range(6)
    ]

    assert statuses == [302] * 5 + [429]
