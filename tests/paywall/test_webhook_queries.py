"""How many queries one Stripe webhook delivery costs: one subscription's life, event by
event, each applied against the SDK pointed at a local double of Stripe's API.

The counts are those of the transaction's own statements (the test's transaction turns
the handler's BEGIN and COMMIT into a SAVEPOINT and its RELEASE, counted here too)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from paywall.models import Subscription, SubscriptionEvent, WebhookEvent
from paywall.services.policy import get_policy
from paywall.services.subscriptions import change_status

from .stripe_shapes import event, signed, subscription

Status = Subscription.Status
WEBHOOK = "/account/webhooks/stripe/"


def later(days: int) -> int:
    return int((timezone.now() + timedelta(days=days)).timestamp())


@pytest.fixture
def stripe_api(httpserver, settings):
    settings.PAYWALL_PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_API_BASE = httpserver.url_for("").rstrip("/")
    return httpserver


@pytest.fixture
def pending(reader, plan, policy):
    get_policy()  # warm, as it is after the first request of a process
    row = Subscription(user=reader, plan=plan, provider="stripe")
    return change_status(subscription=row, to=Status.PENDING, now=timezone.now())


def deliver(client, api, kind: str, obj: dict, *, stripe_now: dict, event_id: str):
    """POST one signed event while Stripe's API holds `stripe_now`; (outcome, queries)."""
    api.clear()
    api.expect_request(f"/v1/subscriptions/{stripe_now['id']}", method="GET").respond_with_json(
        stripe_now
    )
    body, header = signed(event(kind, obj, event_id=event_id))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            WEBHOOK, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        )
    assert response.status_code == 200
    return response.json()["outcome"], len(queries)


def test_each_main_delivery_runs_a_bounded_number_of_queries(client, stripe_api, pending):
    trial = subscription(ours=pending.pk, status="trialing", period_end=later(30))
    trial["trial_end"] = later(30)
    active = subscription(ours=pending.pk, status="active", period_end=later(60))
    session = {
        "id": "cs_1",
        "object": "checkout.session",
        "client_reference_id": str(pending.pk),
        "subscription": "sub_1",
        "customer": "cus_1",
    }
    invoice = {
        "id": "in_1",
        "object": "invoice",
        "amount_paid": 290,
        "parent": {"subscription_details": {"subscription": "sub_1"}},
    }
    past_due = {**active, "status": "past_due"}
    ended = {**active, "status": "canceled"}
    # (event, object sent, Stripe's subscription then, outcome, at most this many queries):
    # the duplicate check, the locked row, the status's UPDATE and audit row, the event id,
    # and the SAVEPOINT pair.
    life = [
        ("checkout.session.completed", session, trial, "applied: trialing", 7),
        ("customer.subscription.created", trial, trial, "unchanged: trialing", 5),
        (
            "customer.subscription.trial_will_end",
            trial,
            trial,
            "unchanged: trialing; trial-ending email sent",
            6,
        ),
        ("invoice.paid", invoice, active, "applied: active; welcome email sent", 8),
        ("customer.subscription.updated", active, active, "unchanged: active", 5),
        ("invoice.payment_failed", {**invoice, "id": "in_2"}, past_due, "applied: past_due", 7),
        ("customer.subscription.deleted", ended, ended, "applied: expired", 7),
    ]

    for number, (kind, obj, stripe_now, expected, limit) in enumerate(life):
        outcome, queries = deliver(
            client, stripe_api, kind, obj, stripe_now=stripe_now, event_id=f"evt_{number}"
        )
        assert outcome == expected, kind
        assert queries <= limit, f"{kind}: {queries} queries, at most {limit}"

    pending.refresh_from_db()
    assert pending.status == Status.EXPIRED and pending.provider_reference == "sub_1"
    steps = SubscriptionEvent.objects.filter(subscription=pending).values_list(
        "to_status", flat=True
    )
    assert list(steps) == ["pending", "trialing", "active", "past_due", "expired"]
    assert WebhookEvent.objects.count() == len(life)
    assert len(mail.outbox) == 4  # trial started, trial ending, welcome, payment failed


def test_a_duplicate_delivery_is_one_query_and_changes_nothing(client, stripe_api, pending):
    trial = subscription(ours=pending.pk, status="trialing", period_end=later(30))
    trial["trial_end"] = later(30)
    deliver(
        client,
        stripe_api,
        "customer.subscription.created",
        trial,
        stripe_now=trial,
        event_id="evt_1",
    )
    sent = len(mail.outbox)

    outcome, queries = deliver(
        client,
        stripe_api,
        "customer.subscription.created",
        trial,
        stripe_now={**trial, "status": "canceled"},
        event_id="evt_1",
    )

    assert outcome == "duplicate" and queries == 1
    pending.refresh_from_db()
    assert pending.status == Status.TRIALING
    assert len(mail.outbox) == sent and not stripe_api.log
