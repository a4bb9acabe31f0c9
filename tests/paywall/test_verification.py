"""Proving a reader account's email address: the link, its page, fresh links."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from paywall.services.accounts import has_verified_email, mark_verified
from tests.conftest import run_queued

PASSWORD = "a-long-reader-password"


def sign_up(client, email="ann@example.org"):
    client.post(reverse("paywall:signup"), {"email": email, "password": PASSWORD})
    return get_user_model().objects.get(username=email)


def verification_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/account/verify/[^/\s]+/)", message.body).group(1)


def test_sign_up_emails_a_link_that_confirms_the_address(client, policy):
    user = sign_up(client)

    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert "Confirm your email address" in message.subject
    assert verification_path(message) in message.alternatives[0][0]
    path = verification_path(message)
    assert "@" not in path and "%40" not in path  # links land in logs: no address in them
    assert not has_verified_email(user)


def test_the_verification_email_is_sent_by_the_worker(client, policy, queued_tasks):
    sign_up(client)

    assert mail.outbox == []
    run_queued(queued_tasks)
    assert "Confirm your email address" in mail.outbox[0].subject


def test_opening_the_link_confirms_nothing_until_its_button_is_pressed(client, policy):
    user = sign_up(client)
    path = verification_path(mail.outbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert "Yes, this is my address" in page.content.decode()
    assert not has_verified_email(user)

    response = client.post(path, follow=True)

    assert has_verified_email(user)
    assert response.redirect_chain[-1][0] == reverse("paywall:account")
    body = response.content.decode()
    assert "ann@example.org is confirmed" in body
    assert "Your email address <strong>ann@example.org</strong> is confirmed." in body


def test_the_link_works_in_a_browser_that_is_not_signed_in(client, policy):
    user = sign_up(client)
    elsewhere = Client()

    response = elsewhere.post(verification_path(mail.outbox[0]), follow=True)

    assert has_verified_email(user)
    assert response.redirect_chain[-1][0] == reverse("paywall:login")
    assert "ann@example.org is confirmed" in response.content.decode()
    assert "_auth_user_id" not in elsewhere.session  # a link never signs anyone in


def test_an_expired_link_says_so_and_offers_a_fresh_one(client, policy, settings, time_machine):
    settings.ACCOUNT_VERIFICATION_MAX_AGE = 3 * 86400
    time_machine.move_to("2026-03-01 12:00Z")
    user = sign_up(client)
    path = verification_path(mail.outbox[0])
    time_machine.move_to("2026-03-05 12:00Z")

    response = client.post(path)

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert "Send me the link again" in response.content.decode()
    assert not has_verified_email(user)


@pytest.mark.parametrize("token", ["garbage", "1:abc:def", "x" * 300])
def test_a_forged_or_garbled_link_is_a_clear_404(client, policy, token):
    response = client.post(reverse("paywall:verify_email", args=[token]))

    assert response.status_code == 404
    assert "This link doesn't work" in response.content.decode()


def test_a_link_sent_to_an_earlier_address_does_not_confirm_the_new_one(client, policy):
    user = sign_up(client)
    path = verification_path(mail.outbox[0])
    user.email = "someone.else@example.org"
    user.save()

    assert client.post(path).status_code == 404
    assert not has_verified_email(user)


def test_changing_the_address_after_confirming_needs_a_new_confirmation(reader):
    mark_verified(user=reader, now=timezone.now())
    assert has_verified_email(reader)

    reader.email = "new.address@example.com"
    reader.save()

    assert not has_verified_email(reader)


def test_an_older_unconfirmed_account_asks_for_the_link_from_the_account_page(client, reader):
    client.force_login(reader)

    page = client.get(reverse("paywall:account")).content.decode()
    assert "Your email address is not confirmed yet" in page
    assert "Send me the link again" in page

    response = client.post(reverse("paywall:verify_resend"), follow=True)

    assert f"We sent a new link to {reader.email}" in response.content.decode()
    client.post(verification_path(mail.outbox[0]))
    assert has_verified_email(reader)


def test_asking_for_the_link_again_and_again_sends_three_an_hour(client, reader):
    client.force_login(reader)

    for _ in range(5):
        response = client.post(reverse("paywall:verify_resend"), follow=True)

    assert len(mail.outbox) == 3
    assert "try again in an hour" in response.content.decode()


def test_a_confirmed_account_is_sent_no_more_links(client, reader):
    mark_verified(user=reader, now=timezone.now())
    client.force_login(reader)

    response = client.post(reverse("paywall:verify_resend"), follow=True)

    assert mail.outbox == []
    assert "already confirmed" in response.content.decode()
