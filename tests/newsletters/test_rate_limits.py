import pytest
from django.core import mail
from django.test import override_settings

from newsletters.models import Subscriber

pytestmark = pytest.mark.django_db


def post(client, email, ip):
    return client.post(
        "/newsletters/signup/", {"email": email, "placement": "masthead"}, REMOTE_ADDR=ip
    )


def test_eleventh_signup_from_one_ip_within_the_hour_gets_a_429_page(client, daily):
    for n in range(10):
        assert post(client, f"reader{n}@example.org", "198.51.100.1").status_code == 302

    response = post(client, "reader10@example.org", "198.51.100.1")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert b"Too many tries for now" in response.content
    assert b'class="masthead"' in response.content  # the site's own page, not a bare error
    assert Subscriber.objects.count() == 10
    assert post(client, "other@example.org", "198.51.100.2").status_code == 302


def test_fourth_signup_of_one_address_within_the_hour_gets_a_429(client, daily):
    # From one client address: the per-address limit counts each client apart (below).
    for _ in range(3):
        assert post(client, "ann@example.org", "198.51.100.9").status_code == 302

    response = post(client, "ANN@example.org", "198.51.100.9")

    assert response.status_code == 429
    assert len(mail.outbox) == 3


def test_limits_reset_after_the_hour(client, daily, time_machine):
    time_machine.move_to("2026-03-01 09:00Z")
    for _ in range(3):
        post(client, "ann@example.org", "198.51.100.9")
    assert post(client, "ann@example.org", "198.51.100.9").status_code == 429

    time_machine.move_to("2026-03-01 10:01Z")

    assert post(client, "ann@example.org", "198.51.100.9").status_code == 302


@override_settings(NEWSLETTER_SIGNUP_LIMIT_PER_IP=1)
def test_limits_come_from_settings(client, daily):
    assert post(client, "a@example.org", "198.51.100.1").status_code == 302
    assert post(client, "b@example.org", "198.51.100.1").status_code == 429


def test_signups_of_an_address_by_someone_else_leave_its_owner_free_to_sign_up(client, daily):
    for _ in range(3):
        assert post(client, "ann@example.org", "203.0.113.66").status_code == 302
    assert post(client, "ann@example.org", "203.0.113.66").status_code == 429

    assert post(client, "ann@example.org", "198.51.100.7").status_code == 302
    assert Subscriber.objects.get(email="ann@example.org").newsletters.get() == daily


def test_signup_emails_to_one_address_stop_at_the_hourly_limit_whoever_asks(client, daily):
    responses = [post(client, "ann@example.org", f"203.0.113.{n}") for n in range(6)]

    assert {r.status_code for r in responses} == {302}  # the same answer for everyone
    assert len(mail.outbox) == 3
    assert Subscriber.objects.count() == 1


def test_behind_a_proxy_each_reader_has_their_own_signup_limit(client, daily, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def via_proxy(email, reader_address):
        return client.post(
            "/newsletters/signup/",
            {"email": email, "placement": "masthead"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=reader_address,
        )

    for n in range(10):
        assert via_proxy(f"reader{n}@example.org", "198.51.100.1").status_code == 302
    assert via_proxy("reader10@example.org", "198.51.100.1").status_code == 429
    assert via_proxy("other@example.org", "198.51.100.2").status_code == 302
