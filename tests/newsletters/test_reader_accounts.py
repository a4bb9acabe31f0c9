"""A signed-in reader and the newsletters of their address: only once they have proved it."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from newsletters.models import Subscriber
from tests.factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-reader-password"


@pytest.fixture
def eyes():
    return NewsletterFactory(name="Eyes on U.S.", slug="eyes-on-us", cadence="weekly")


@pytest.fixture
def victim(daily):
    """Someone who subscribes to the daily newsletter and has no account."""
    return SubscriberFactory(email="victim@example.org", newsletters=[daily])


def sign_up(client, email):
    client.post(reverse("paywall:signup"), {"email": email, "password": PASSWORD})


def confirm_address(client):
    """Open the account's verification email and press the button, as its owner would."""
    message = next(m for m in mail.outbox if "Confirm your email address" in m.subject)
    path = re.search(r"(/account/verify/[^/\s]+/)", message.body).group(1)
    client.post(path)


def test_an_account_made_with_someone_elses_address_sees_none_of_their_newsletters(
    client, victim, daily
):
    sign_up(client, "victim@example.org")

    page = client.get(reverse("newsletters:list")).content.decode()

    assert "Confirm your email address to see your newsletters here" in page
    assert "Subscribed" not in page
    assert "/newsletters/preferences/" not in page
    assert reverse("newsletters:join", args=[daily.slug]) not in page


def test_join_adds_nothing_to_an_address_the_account_has_not_confirmed(client, victim, daily, eyes):
    sign_up(client, "victim@example.org")
    mail.outbox.clear()

    response = client.post(reverse("newsletters:join", args=["eyes-on-us"]), follow=True)

    assert list(Subscriber.objects.get().newsletters.all()) == [daily]
    assert mail.outbox == []
    assert "Please confirm your email address first" in response.content.decode()
    assert "/newsletters/preferences/" not in response.content.decode()


def test_join_from_an_unconfirmed_account_creates_no_subscriber(client, daily):
    sign_up(client, "new@example.org")

    client.post(reverse("newsletters:join", args=[daily.slug]))

    assert not Subscriber.objects.exists()


def test_once_the_address_is_confirmed_the_reader_sees_and_manages_their_newsletters(
    client, victim, daily, eyes
):
    sign_up(client, "victim@example.org")
    confirm_address(client)

    page = client.get(reverse("newsletters:list")).content.decode()
    assert "Subscribed" in page
    token = re.search(r'href="/newsletters/preferences/([^/"]+)/"', page).group(1)
    assert client.get(reverse("newsletters:preferences", args=[token])).status_code == 200

    client.post(reverse("newsletters:join", args=["eyes-on-us"]))
    assert set(Subscriber.objects.get().newsletters.all()) == {daily, eyes}


def test_the_newsletters_page_offers_the_confirmation_link_again(client, daily):
    sign_up(client, "new@example.org")
    mail.outbox.clear()

    page = client.get(reverse("newsletters:list")).content.decode()
    assert f'action="{reverse("paywall:verify_resend")}"' in page
    response = client.post(
        reverse("paywall:verify_resend"), {"next": reverse("newsletters:list")}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("newsletters:list")
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
