"""Changing an account's email address: asked with the password, applied only from the
link mailed to the new address, and the old address told."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from paywall.models import ReaderProfile
from paywall.services.accounts import has_verified_email, mark_verified
from tests.factories import ReaderFactory

PASSWORD = "a-long-reader-password"
pytestmark = pytest.mark.django_db


@pytest.fixture
def ann():
    user = ReaderFactory(email="ann@example.org")
    mark_verified(user=user, now=timezone.now())
    return user


def link(message) -> str:
    return re.search(r"https?://[^/\s]+(/account/email/confirm/[^/\s]+/)", message.body).group(1)


def ask(client, email="ann@new.example", password=PASSWORD):
    return client.post(reverse("paywall:email_change"), {"email": email, "password": password})


def test_asking_mails_the_new_address_and_changes_nothing_yet(client, ann):
    client.force_login(ann)
    response = ask(client, email=" Ann@New.Example ")

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["ann@new.example"]
    assert "Confirm your new email address" in message.subject
    path = link(message)
    assert "@" not in path and "%40" not in path
    assert path in message.alternatives[0][0]
    ann.refresh_from_db()
    assert ann.email == "ann@example.org" and ann.username == "ann@example.org"


def test_confirming_the_link_changes_the_address_and_tells_the_old_one(client, ann):
    client.force_login(ann)
    ask(client)
    path = link(mail.outbox[0])

    page = client.get(path)
    assert "Yes, use this address" in page.content.decode()
    ann.refresh_from_db()
    assert ann.email == "ann@example.org"  # opening the link is not confirming

    response = client.post(path, follow=True)

    assert response.redirect_chain[-1][0] == reverse("paywall:account")
    assert "Your email address is now ann@new.example" in response.content.decode()
    ann.refresh_from_db()
    assert ann.email == "ann@new.example" and ann.username == "ann@new.example"
    assert has_verified_email(ann)
    notice = mail.outbox[-1]
    assert notice.to == ["ann@example.org"]
    assert "was changed" in notice.subject and "ann@new.example" in notice.body
    client.logout()
    assert client.login(username="ann@new.example", password=PASSWORD)
    # The link is spent.
    assert client.post(path).status_code == 404


def test_a_wrong_password_or_a_taken_address_is_refused_and_keeps_the_input(client, ann):
    ReaderFactory(email="bob@example.org")
    client.force_login(ann)

    wrong = ask(client, password="not it").content.decode()
    assert "This is not your current password" in wrong
    assert 'value="ann@new.example"' in wrong

    taken = ask(client, email="Bob@Example.org").content.decode()
    assert "Another account already uses this email address" in taken

    same = ask(client, email="ann@example.org").content.decode()
    assert "already your email address" in same
    assert mail.outbox == []


def test_a_newer_request_replaces_the_older_link(client, ann):
    client.force_login(ann)
    ask(client, email="first@new.example")
    ask(client, email="second@new.example")
    first, second = link(mail.outbox[0]), link(mail.outbox[1])

    assert client.post(first).status_code == 404
    client.post(second)
    ann.refresh_from_db()
    assert ann.email == "second@new.example"
    assert ReaderProfile.objects.get(user=ann).pending_email == ""


def test_an_address_taken_before_confirmation_is_not_applied(client, ann):
    client.force_login(ann)
    ask(client)
    ReaderFactory(email="ann@new.example")

    response = client.post(link(mail.outbox[0]))

    assert response.status_code == 409
    ann.refresh_from_db()
    assert ann.email == "ann@example.org"


def test_the_account_verification_link_does_not_change_the_address(client, ann):
    """The same signed pair, for the pending address: the verify page refuses it."""
    client.force_login(ann)
    ask(client)
    token = link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[-1]

    assert client.post(reverse("paywall:verify_email", args=[token])).status_code == 404
    ann.refresh_from_db()
    assert ann.email == "ann@example.org"


def test_the_change_page_needs_a_signed_in_reader(client):
    response = client.get(reverse("paywall:email_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("paywall:login"))
