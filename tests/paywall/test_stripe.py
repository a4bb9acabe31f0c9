"""The stripe provider with the real SDK against a local double of Stripe's API
(pytest-httpserver), webhooks signed as Stripe signs them, and the test provider's checkout."""

import io
import time
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from paywall.models import Subscription, WebhookEvent
from paywall.services.providers import TestProvider
from paywall.services.subscriptions import change_status
from paywall.services.webhooks import handle_event
from tests.factories import ArticleFactory

from .stripe_shapes import event, signed, subscription

Status = Subscription.Status
WEBHOOK = "/account/webhooks/stripe/"


@pytest.fixture
def stripe_api(httpserver, settings):
    settings.PAYWALL_PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_API_BASE = httpserver.url_for("").rstrip("/")
    return httpserver


@pytest.fixture
def pending(reader, plan):
    row = Subscription(user=reader, plan=plan, provider="stripe")
    return change_status(subscription=row, to=Status.PENDING, now=timezone.now())


def later(days: int) -> int:
    return int((timezone.now() + timedelta(days=days)).timestamp())


def deliver(client, payload, **kwargs):
    body, header = signed(payload, **kwargs)
    return client.post(
        WEBHOOK, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


def serve_subscription(api, obj):
    api.clear()
    api.expect_request(f"/v1/subscriptions/{obj['id']}", method="GET").respond_with_json(obj)


def test_subscribing_opens_stripe_checkout_with_trial_metadata_and_idempotency(
    client, stripe_api, reader, plan, policy
):
    article = ArticleFactory()
    stripe_api.expect_request("/v1/customers", method="POST").respond_with_json(
        {"id": "cus_1", "object": "customer"}
    )
    stripe_api.expect_request("/v1/checkout/sessions", method="POST").respond_with_json(
        {"id": "cs_1", "object": "checkout.session", "url": "https://checkout.test/cs_1"}
    )
    client.force_login(reader)

    response = client.post(reverse("paywall:subscribe", args=[plan.slug]), {"from": article.pk})

    assert response.status_code == 302
    assert response["Location"] == "https://checkout.test/cs_1"
    request = next(r for r, _ in stripe_api.log if r.path == "/v1/checkout/sessions")
    form = request.form
    row = Subscription.objects.get(user=reader)
    assert form["mode"] == "subscription"
    assert form["customer"] == "cus_1"
    assert form["line_items[0][price]"] == "price_monthly"
    assert form["subscription_data[trial_period_days]"] == str(plan.trial_days)
    assert form["metadata[reader_id]"] == str(reader.pk)
    assert form["metadata[article_id]"] == str(article.pk)
    assert form["subscription_data[metadata][subscription_id]"] == str(row.pk)
    assert request.headers["Idempotency-Key"].startswith(f"checkout-{row.pk}-")
    assert row.status == Status.PENDING and row.provider_customer == "cus_1"


def test_stripe_unreachable_says_so_and_leaves_no_live_subscription(client, settings, reader, plan):
    settings.PAYWALL_PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # discard port: nothing listens
    client.force_login(reader)

    response = client.post(reverse("paywall:subscribe", args=[plan.slug]))

    assert response.status_code == 302 and response["Location"] == reverse("paywall:account")
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("could not reach our payment service" in t for t in texts)
    assert not Subscription.objects.live().filter(user=reader).exists()


def test_updated_before_created_and_duplicates_apply_the_fetched_subscription_once(
    client, stripe_api, pending
):
    remote = subscription(ours=pending.pk, status="active", period_end=later(30))
    serve_subscription(stripe_api, remote)
    stale = {**remote, "status": "incomplete"}

    updated = deliver(client, event("customer.subscription.updated", remote, event_id="evt_2"))
    created = deliver(client, event("customer.subscription.created", stale, event_id="evt_1"))
    again = deliver(client, event("customer.subscription.updated", remote, event_id="evt_2"))

    assert updated.json() == {"outcome": "applied: active"}
    assert created.json() == {"outcome": "unchanged: active"}
    assert again.json() == {"outcome": "duplicate"}
    pending.refresh_from_db()
    assert pending.status == Status.ACTIVE and pending.provider_reference == "sub_1"
    assert (
        int(pending.current_period_end.timestamp())
        == remote["items"]["data"][0]["current_period_end"]
    )
    assert pending.events.filter(to_status=Status.ACTIVE).count() == 1


def test_a_late_active_after_canceled_resurrects_nothing(client, stripe_api, pending):
    active = subscription(ours=pending.pk, status="active", period_end=later(30))
    ended = {**active, "status": "canceled"}
    serve_subscription(stripe_api, ended)

    deliver(client, event("customer.subscription.deleted", ended, event_id="evt_9"))
    late = deliver(client, event("customer.subscription.updated", active, event_id="evt_5"))

    pending.refresh_from_db()
    assert pending.status == Status.EXPIRED
    assert late.status_code == 200


def test_a_failed_renewal_is_past_due_with_the_policys_grace(client, stripe_api, policy, pending):
    policy.past_due_grace_days = 5
    policy.save()
    serve_subscription(
        stripe_api, subscription(ours=pending.pk, status="active", period_end=later(30))
    )
    deliver(client, event("checkout.session.completed", {
        "id": "cs_1", "object": "checkout.session", "client_reference_id": str(pending.pk),
        "subscription": "sub_1", "customer": "cus_1", "metadata": {},
    }, event_id="evt_1"))  # fmt: skip
    past_due = subscription(ours=pending.pk, status="past_due", period_end=later(-1))
    serve_subscription(stripe_api, past_due)
    invoice = {"id": "in_1", "object": "invoice", "parent": {
        "subscription_details": {"subscription": "sub_1"}}}  # fmt: skip

    deliver(client, event("invoice.payment_failed", invoice, event_id="evt_2"))

    pending.refresh_from_db()
    assert pending.status == Status.PAST_DUE
    assert pending.grants_access(timezone.now() + timedelta(days=4))
    assert not pending.grants_access(timezone.now() + timedelta(days=6))


def test_bad_signature_is_400_and_changes_nothing(client, pending):
    payload = event("customer.subscription.updated", {"id": "sub_1"}, event_id="evt_x")
    response = deliver(client, payload, secret="whsec_someone_else")

    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_a_replay_outside_the_tolerance_is_400(client, pending):
    payload = event("invoice.paid", {"id": "in_1"}, event_id="evt_old")
    response = deliver(client, payload, at=int(time.time()) - 301)

    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()


def test_an_unknown_event_type_is_200_and_ignored(client, db):
    response = deliver(client, event("customer.tax_id.created", {"id": "txi_1"}, event_id="e"))

    assert response.status_code == 200 and response.json() == {"outcome": "ignored"}


def test_the_webhook_takes_only_post(client, db):
    assert client.get(WEBHOOK).status_code == 405


def test_the_portal_opens_the_readers_stripe_customer(client, stripe_api, pending):
    pending.provider_customer = "cus_1"
    pending.save()
    stripe_api.expect_request("/v1/billing_portal/sessions", method="POST").respond_with_json(
        {"id": "bps_1", "object": "billing_portal.session", "url": "https://portal.test/1"}
    )
    client.force_login(pending.user)

    response = client.post(reverse("paywall:portal"))

    assert response["Location"] == "https://portal.test/1"
    request = stripe_api.log[0][0]
    assert request.form["customer"] == "cus_1"


@override_settings(PAYWALL_PAYMENT_PROVIDER="test")
def test_the_test_checkout_runs_the_whole_pipeline(client, reader, plan, policy):
    client.force_login(reader)

    response = client.post(reverse("paywall:subscribe", args=[plan.slug]))
    page = client.get(response["Location"])
    done = client.post(response["Location"], {"outcome": "pay"})

    assert b"TEST MODE" in page.content
    assert done.status_code == 302
    row = Subscription.objects.get(user=reader)
    assert row.status == Status.TRIALING and row.provider_reference == f"sub_test_{row.pk}"
    assert row.trial_ends_at is not None
    assert set(WebhookEvent.objects.values_list("type", flat=True)) == {
        "checkout.session.completed",
        "customer.subscription.created",
    }


@override_settings(PAYWALL_PAYMENT_PROVIDER="test")
def test_the_annual_plan_is_payable_in_the_test_checkout(client, reader, annual, policy):
    client.force_login(reader)

    response = client.post(reverse("paywall:subscribe", args=[annual.slug]))
    client.post(response["Location"], {"outcome": "pay_now", "card_number": "4242424242424242"})

    row = Subscription.objects.get(user=reader)
    assert row.status == Status.ACTIVE
    assert row.current_period_end > timezone.now() + timedelta(days=360)
    assert row.provider_reference == f"sub_test_{row.pk}"


def test_sync_subscriptions_repairs_drift_and_reports_it(stripe_api, pending):
    pending.provider_reference = "sub_1"
    pending.save()
    serve_subscription(
        stripe_api, subscription(ours=pending.pk, status="active", period_end=later(30))
    )
    out = io.StringIO()

    call_command("sync_subscriptions", stdout=out)
    call_command("sync_subscriptions", stdout=out)

    pending.refresh_from_db()
    assert pending.status == Status.ACTIVE
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("sub_1 (") and lines[0].endswith("pending -> active")
    assert lines[1:] == ["Repaired 1 subscription.", "Repaired 0 subscriptions."]


def test_canceling_a_stripe_subscription_stops_renewal_at_stripe(client, stripe_api, pending):
    remote = subscription(ours=pending.pk, status="active", period_end=later(30))
    serve_subscription(stripe_api, remote)
    deliver(client, event("customer.subscription.created", remote, event_id="evt_1"))
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="POST").respond_with_json(
        {**remote, "cancel_at_period_end": True}
    )
    client.force_login(pending.user)

    client.post(reverse("paywall:cancel"))

    pending.refresh_from_db()
    assert pending.status == Status.CANCELED
    update = next(r for r, _ in stripe_api.log if r.method == "POST")
    assert update.form["cancel_at_period_end"] == "true"


def test_trial_will_end_and_a_failed_payment_email_the_reader(client, stripe_api, pending):
    trial = subscription(ours=pending.pk, status="trialing", period_end=later(3))
    trial["trial_end"] = later(3)
    serve_subscription(stripe_api, trial)
    deliver(client, event("customer.subscription.trial_will_end", trial, event_id="evt_1"))
    serve_subscription(stripe_api, {**trial, "status": "past_due"})
    invoice = {"id": "in_1", "object": "invoice", "subscription": "sub_1"}

    deliver(client, event("invoice.payment_failed", invoice, event_id="evt_2"))

    subjects = [message.subject for message in mail.outbox]
    assert any("ends in 3 days" in subject for subject in subjects)
    assert any("payment failed" in subject for subject in subjects)


def test_the_test_provider_ignores_an_event_older_than_the_state_applied(pending):
    provider = TestProvider()
    now = timezone.now()
    active = subscription(ours=pending.pk, status="active", period_end=later(30))
    ended = {**active, "status": "canceled"}
    newer = event("customer.subscription.deleted", ended, event_id="e2", created=later(0) + 5)
    older = event("customer.subscription.updated", active, event_id="e1", created=later(0))

    handle_event(event=newer, now=now, provider=provider)
    outcome = handle_event(event=older, now=now, provider=provider)

    pending.refresh_from_db()
    assert pending.status == Status.EXPIRED
    assert outcome == "older than the state applied"
