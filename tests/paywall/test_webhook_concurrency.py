"""Stripe delivers webhooks concurrently: two events of one subscription can be handled at
the same moment by two workers. Each must ask Stripe for the subscription while holding our
row's lock; otherwise the one that fetched first (the older state) can be applied last and
undo the newer one. Checked by the order of what a delivery does: our row is read (FOR NO
KEY UPDATE on PostgreSQL) before Stripe's API answers, every time."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from werkzeug import Request, Response

from paywall.models import Subscription
from paywall.services.subscriptions import change_status

from .stripe_shapes import event, signed, subscription

Status = Subscription.Status
WEBHOOK = "/account/webhooks/stripe/"


def later(days: int) -> int:
    return int((timezone.now() + timedelta(days=days)).timestamp())


@pytest.fixture
def pending(reader, plan, policy):
    row = Subscription(user=reader, plan=plan, provider="stripe")
    return change_status(subscription=row, to=Status.PENDING, now=timezone.now())


def steps_of(client, httpserver, settings, kind: str, obj: dict, stripe_now: dict) -> list[str]:
    """POST one signed event; what it did, in order: "read our row" and "asked Stripe"."""
    settings.PAYWALL_PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_API_BASE = httpserver.url_for("").rstrip("/")
    steps: list[str] = []

    def stripe(request: Request) -> Response:
        steps.append("asked Stripe")
        return Response(json.dumps(stripe_now), content_type="application/json")

    def record(execute, sql, params, many, context):
        if sql.startswith("SELECT") and 'FROM "paywall_subscription"' in sql:
            steps.append("read our row")
        return execute(sql, params, many, context)

    httpserver.expect_request(f"/v1/subscriptions/{stripe_now['id']}").respond_with_handler(stripe)
    body, header = signed(event(kind, obj, event_id=f"evt_{kind}"))
    with connection.execute_wrapper(record):
        response = client.post(
            WEBHOOK, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        )
    assert response.status_code == 200
    return steps


def test_a_subscription_event_asks_stripe_with_our_row_locked(
    client, httpserver, settings, pending
):
    active = subscription(ours=pending.pk, status="active", period_end=later(30))

    steps = steps_of(client, httpserver, settings, "customer.subscription.updated", active, active)

    assert steps[:2] == ["read our row", "asked Stripe"]
    pending.refresh_from_db()
    assert pending.status == Status.ACTIVE


def test_a_checkout_asks_stripe_with_our_row_locked(client, httpserver, settings, pending):
    trial = subscription(ours=pending.pk, status="trialing", period_end=later(30))
    session = {
        "id": "cs_1",
        "object": "checkout.session",
        "client_reference_id": str(pending.pk),
        "subscription": "sub_1",
        "customer": "cus_1",
    }

    steps = steps_of(client, httpserver, settings, "checkout.session.completed", session, trial)

    assert steps[:2] == ["read our row", "asked Stripe"]
    pending.refresh_from_db()
    assert pending.status == Status.TRIALING and pending.provider_reference == "sub_1"


def test_an_invoice_before_its_subscription_is_linked_asks_stripe_again_once_locked(
    client, httpserver, settings, pending
):
    """The invoice names only Stripe's id, unknown to us until the checkout links it: the
    row is found by the subscription Stripe returns, then Stripe is asked again, locked."""
    active = subscription(ours=pending.pk, status="active", period_end=later(30))
    invoice = {
        "id": "in_1",
        "object": "invoice",
        "amount_paid": 290,
        "parent": {"subscription_details": {"subscription": "sub_1"}},
    }

    steps = steps_of(client, httpserver, settings, "invoice.paid", invoice, active)

    # not found by Stripe's id alone, found by the subscription fetched, fetched again
    assert steps[:4] == ["read our row", "asked Stripe", "read our row", "asked Stripe"]
    pending.refresh_from_db()
    assert pending.status == Status.ACTIVE and pending.provider_reference == "sub_1"
