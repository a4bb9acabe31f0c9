"""The reader's own data: the account page's Newsletters section, "Download my data" and
"Delete my account"."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Subscriber
from paywall.models import GiftLink, MeterRead, ReaderProfile, Subscription
from paywall.services.accounts import mark_verified
from paywall.services.gifts import create_gift_link
from paywall.services.subscriptions import start_trial
from tests.factories import (
    ArticleFactory,
    NewsletterFactory,
    PlanFactory,
    ReaderFactory,
    SubscriberFactory,
)

PASSWORD = "a-long-reader-password"
pytestmark = pytest.mark.django_db


@pytest.fixture
def daily():
    return NewsletterFactory(name="The Daily Digest", slug="daily")


@pytest.fixture
def ann(daily):
    """A verified reader with a trial, a gift link, a read, and a newsletter subscription."""
    now = timezone.now()
    user = ReaderFactory(email="ann@example.org")
    mark_verified(user=user, now=now)
    start_trial(user=user, plan=PlanFactory(), now=now)
    article = ArticleFactory(headline="Ann's gifted story")
    create_gift_link(giver=user, article=article, now=now)
    MeterRead.objects.create(
        user=user, article=ArticleFactory(headline="Ann read this"), read_at=now
    )
    SubscriberFactory(
        email="ann@example.org",
        newsletters=[daily],
        consent_at=now,
        consent_text="Yes, send me the newsletter.",
        consent_source="/newsletters/",
    )
    return user


@pytest.fixture
def bob(daily):
    """Someone else, with data of every kind that must not leak into Ann's export."""
    now = timezone.now()
    user = ReaderFactory(email="bob@example.org")
    mark_verified(user=user, now=now)
    start_trial(user=user, plan=PlanFactory(), now=now)
    create_gift_link(giver=user, article=ArticleFactory(headline="Bob's gift"), now=now)
    MeterRead.objects.create(
        user=user, article=ArticleFactory(headline="Bob read this"), read_at=now
    )
    SubscriberFactory(email="bob@example.org", newsletters=[daily], consent_text="Bob agreed")
    return user


def test_the_account_page_lists_the_newsletters_of_a_verified_address(client, ann):
    client.force_login(ann)
    page = client.get(reverse("paywall:account")).content.decode()

    assert "The Daily Digest" in page
    assert "Manage your newsletters or unsubscribe" in page
    assert "/newsletters/preferences/" in page


def test_an_unverified_account_sees_no_newsletters_of_its_address(client, daily):
    user = ReaderFactory(email="eve@example.org")
    SubscriberFactory(email="eve@example.org", newsletters=[daily])
    client.force_login(user)
    page = client.get(reverse("paywall:account")).content.decode()

    assert "The Daily Digest" not in page
    assert "/newsletters/preferences/" not in page
    assert "Once you have confirmed" in page


def test_download_my_data_is_a_json_file_of_the_readers_own_data(client, ann, bob):
    client.force_login(ann)
    response = client.get(reverse("account_data"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "ann@example.org"
    assert data["profile"]["verified_email"] == "ann@example.org"
    [subscription] = data["subscriptions"]
    assert subscription["status"] == "trialing"
    assert [e["to"] for e in subscription["events"]] == ["trialing"]
    assert [g["article"] for g in data["gift_links"]] == ["Ann's gifted story"]
    assert [r["article"] for r in data["meter_reads"]] == ["Ann read this"]
    newsletter = data["newsletter_subscriber"]
    assert newsletter["email"] == "ann@example.org"
    assert [n["name"] for n in newsletter["newsletters"]] == ["The Daily Digest"]
    assert newsletter["consent"]["text"] == "Yes, send me the newsletter."
    text = response.content.decode()
    assert "bob" not in text.lower() and "Bob" not in text


def test_the_export_leaves_out_the_newsletters_of_an_unverified_address(client, daily):
    user = ReaderFactory(email="eve@example.org")
    SubscriberFactory(email="eve@example.org", newsletters=[daily], consent_text="Eve's")
    client.force_login(user)

    data = client.get(reverse("account_data")).json()

    assert data["newsletter_subscriber"] is None


def test_the_export_and_the_delete_page_need_a_signed_in_reader(client):
    for name in ("account_data", "account_delete"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("paywall:login"))


def test_delete_asks_for_confirmation_and_a_password(client, ann):
    client.force_login(ann)
    page = client.get(reverse("account_delete")).content.decode()
    assert "cannot be undone" in page
    assert "GDPR Article 7(1)" in page

    response = client.post(reverse("account_delete"), {"password": "not my password"})

    assert response.status_code == 200
    assert "This is not your password" in response.content.decode()
    ann.refresh_from_db()
    assert ann.is_active and ann.email == "ann@example.org"


def test_deleting_cancels_unsubscribes_keeps_consent_and_signs_out(client, ann, bob):
    client.force_login(ann)
    response = client.post(reverse("account_delete"), {"password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Your account is deleted" in response.content.decode()
    assert "_auth_user_id" not in client.session
    ann.refresh_from_db()
    assert not ann.is_active and ann.email == "" and not ann.has_usable_password()
    assert "ann" not in ann.username
    # The subscription was canceled, then ended, through change_status (its events).
    subscription = Subscription.objects.get(user=ann)
    assert subscription.status == "expired"
    assert [e.to_status for e in subscription.events.all()] == ["trialing", "canceled", "expired"]
    # Unsubscribed, but the consent record stays.
    subscriber = Subscriber.objects.get(email="ann@example.org")
    assert subscriber.is_unsubscribed and not subscriber.subscriptions.exists()
    assert subscriber.consent_text == "Yes, send me the newsletter."
    assert subscriber.consent_source == "/newsletters/"
    assert not GiftLink.objects.filter(giver=ann).exists()
    assert not MeterRead.objects.filter(user=ann).exists()
    assert not ReaderProfile.objects.filter(user=ann).exists()
    # Nobody else is touched.
    assert Subscriber.objects.get(email="bob@example.org").is_confirmed
    assert Subscription.objects.get(user=bob).status == "trialing"
    assert GiftLink.objects.filter(giver=bob).exists()
    # Nobody can sign in to the deleted account.
    assert not client.login(username="ann@example.org", password=PASSWORD)


def test_deleting_an_unverified_account_leaves_the_addresss_newsletters_alone(client, daily):
    user = ReaderFactory(email="eve@example.org")
    SubscriberFactory(email="eve@example.org", newsletters=[daily])
    client.force_login(user)

    client.post(reverse("account_delete"), {"password": PASSWORD})

    assert Subscriber.objects.get(email="eve@example.org").is_confirmed
    assert not get_user_model().objects.get(pk=user.pk).is_active
