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
