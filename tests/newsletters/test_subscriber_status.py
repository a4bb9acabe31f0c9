"""A subscriber's status moves only through newsletters.services.subscribers."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Subscriber
from newsletters.services.subscribers import ALLOWED, SubscriberStatusError, change_status
from tests.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

Status = Subscriber.Status


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("editor", "editor@example.com", "pw"))
    return client


def test_the_table_names_every_status():
    assert set(ALLOWED) == set(Status)
    assert all(targets <= set(Status) for targets in ALLOWED.values())


@pytest.mark.parametrize(
    ("start", "to"),
    [(start, to) for start in Status for to in Status if to not in ALLOWED[start]],
)
def test_a_change_the_table_does_not_allow_is_refused(start, to):
    subscriber = SubscriberFactory(status=start)

    with pytest.raises(SubscriberStatusError):
        change_status(subscriber=subscriber, to=to, now=timezone.now())

    subscriber.refresh_from_db()
    assert subscriber.status == start


def test_confirming_sets_the_date_and_clears_an_unsubscription():
    now = timezone.now()
    subscriber = SubscriberFactory(
        status=Status.UNSUBSCRIBED, confirmed_at=now - timedelta(days=9), unsubscribed_at=now
    )

    change_status(subscriber=subscriber, to=Status.CONFIRMED, now=now)

    subscriber.refresh_from_db()
    assert subscriber.is_confirmed
    assert subscriber.confirmed_at == now
    assert subscriber.unsubscribed_at is None


def test_the_preference_centre_keeps_the_first_confirmation_date():
    now, first = timezone.now(), timezone.now() - timedelta(days=9)
    subscriber = SubscriberFactory(status=Status.UNSUBSCRIBED, confirmed_at=first)

    change_status(
        subscriber=subscriber, to=Status.CONFIRMED, now=now, first_confirmation_stands=True
    )

    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == first


def test_unsubscribing_records_when():
    now = timezone.now()
    subscriber = SubscriberFactory(status=Status.CONFIRMED)

    change_status(subscriber=subscriber, to=Status.UNSUBSCRIBED, now=now)

    subscriber.refresh_from_db()
    assert subscriber.is_unsubscribed
    assert subscriber.unsubscribed_at == now


def test_staff_cannot_change_a_status_in_the_change_form(editor_client):
    subscriber = SubscriberFactory(email="ann@example.org", status=Status.PENDING)
    url = reverse("admin:newsletters_subscriber_change", args=[subscriber.pk])

    response = editor_client.post(
        url,
        {
            "email": "ann@example.net",
            "status": Status.CONFIRMED,
            "subscriptions-TOTAL_FORMS": "0",
            "subscriptions-INITIAL_FORMS": "0",
            "subscriptions-MIN_NUM_FORMS": "0",
            "subscriptions-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.email == "ann@example.net"  # the form was saved
    assert subscriber.status == Status.PENDING
    assert b"Pending confirmation" in editor_client.get(url).content


def test_staff_unsubscribe_through_the_action(editor_client, daily):
    subscriber = SubscriberFactory(newsletters=[daily])

    response = editor_client.post(
        reverse("admin:newsletters_subscriber_changelist"),
        {"action": "unsubscribe_from_everything", "_selected_action": [subscriber.pk]},
    )

    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.is_unsubscribed
    assert subscriber.unsubscribed_at is not None
    assert not subscriber.subscriptions.exists()
