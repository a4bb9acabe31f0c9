"""A Stripe subscriber's account: the bill, switching plans, cancel (with the retention
offer), resume, one trial per card, refunds, the welcome email and `stripe_plans`, with the
real SDK against a local double of Stripe's API (pytest-httpserver)."""

import io
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from werkzeug import Response

from paywall.models import Refund, Subscription, TrialCard
from paywall.services.proration import shift_months
from paywall.services.subscriptions import change_status
from tests.factories import PlanFactory, ReaderFactory

from .stripe_shapes import card_method, event, signed, subscription

Status = Subscription.Status
WEBHOOK = "/account/webhooks/stripe/"


@pytest.fixture
def stripe_api(httpserver, settings):
    settings.PAYWALL_PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_API_BASE = httpserver.url_for("").rstrip("/")
    return httpserver


def later(days: float) -> int:
    return int((timezone.now() + timedelta(days=days)).timestamp())


@pytest.fixture
def monthly_subscriber(reader, plan, policy):
    """An active Stripe subscription on the monthly plan, 15 days into its period."""
    row = Subscription(user=reader, plan=plan, provider="stripe")
    change_status(subscription=row, to=Status.PENDING, now=timezone.now())
    row.provider_reference, row.provider_customer = "sub_1", "cus_1"
    end = (timezone.now() + timedelta(days=15)).replace(microsecond=0)
    return change_status(subscription=row, to=Status.ACTIVE, now=timezone.now(), period_end=end)


def remote_of(row: Subscription, **extra):
    end = int(row.current_period_end.timestamp())
    price = "price_annual" if row.plan.slug == "annual" else "price_monthly"
    obj = subscription(ours=row.pk, status="active", period_end=end, **extra)
    obj["items"]["data"][0]["price"]["id"] = price
    return obj


def deliver(client, payload):
    body, header = signed(payload)
    return client.post(
        WEBHOOK, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


def posted(api, path):
    return [request for request, _ in api.log if request.path == path and request.method == "POST"]


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_account_page_shows_stripes_next_charge_and_the_card(
    client, stripe_api, monthly_subscriber, annual
):
    monthly_subscriber.card_summary = "Visa ending 4242, expires 12/2030"
    monthly_subscriber.save()
    stripe_api.expect_request("/v1/invoices/create_preview", method="POST").respond_with_json(
        {"object": "invoice", "amount_due": 0, "currency": "usd", "next_payment_attempt": later(15)}
    )
    client.force_login(monthly_subscriber.user)

    html = client.get(reverse("paywall:account")).content.decode()

    assert "$0.00 on" in html  # Stripe's figure (a coupon, say), not the plan's $2.90
    assert "Visa ending 4242, expires 12/2030" in html
    assert "Card, invoices and receipts" in html
    assert "Switch to Annual" in html
    assert posted(stripe_api, "/v1/invoices/create_preview")[0].form["subscription"] == "sub_1"


def test_the_account_page_falls_back_to_the_plans_price_when_stripe_is_unreachable(
    client, settings, monthly_subscriber
):
    settings.PAYWALL_PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    client.force_login(monthly_subscriber.user)

    response = client.get(reverse("paywall:account"))

    assert response.status_code == 200
    assert "$2.90 on" in response.content.decode()


def test_switching_to_annual_previews_stripes_invoice_then_modifies_with_proration(
    client, stripe_api, monthly_subscriber, annual
):
    remote = remote_of(monthly_subscriber)
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="GET").respond_with_json(remote)
    stripe_api.expect_request("/v1/invoices/create_preview", method="POST").respond_with_json(
        {
            "object": "invoice",
            "amount_due": 1845,
            "currency": "usd",
            "ending_balance": 0,
            "lines": {"data": [{"amount": -145}, {"amount": 1990}]},
        }
    )
    switched = remote_of(monthly_subscriber)
    switched["items"]["data"][0]["price"]["id"] = "price_annual"
    switched["items"]["data"][0]["current_period_end"] = later(365)
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="POST").respond_with_json(switched)
    client.force_login(monthly_subscriber.user)
    url = reverse("paywall:switch_plan", args=["annual"])

    page = client.get(url).content.decode()
    preview = posted(stripe_api, "/v1/invoices/create_preview")[0].form
    response = client.post(url, {"proration_date": preview["subscription_details[proration_date]"]})

    assert "Switch and pay $18.45" in page
    assert "$1.45 for the unused part" in page
    assert "less a credit for the days left" in page
    assert preview["subscription_details[items][0][id]"] == "si_1"
    assert preview["subscription_details[items][0][price]"] == "price_annual"
    assert preview["subscription_details[proration_behavior]"] == "always_invoice"
    update = posted(stripe_api, "/v1/subscriptions/sub_1")[0]
    assert update.form["items[0][price]"] == "price_annual"
    assert update.form["proration_behavior"] == "always_invoice"
    assert update.form["proration_date"] == preview["subscription_details[proration_date]"]
    assert update.headers["Idempotency-Key"].startswith("switch-annual-")
    assert response["Location"] == reverse("paywall:account")
    monthly_subscriber.refresh_from_db()
    assert monthly_subscriber.plan == annual
    assert monthly_subscriber.current_period_end > timezone.now() + timedelta(days=360)


def test_stripe_unreachable_during_a_switch_says_so_and_changes_nothing(
    client, settings, monthly_subscriber, annual
):
    settings.PAYWALL_PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    client.force_login(monthly_subscriber.user)

    response = client.post(reverse("paywall:switch_plan", args=["annual"]))

    assert any("could not reach our payment service" in text for text in texts(response))
    monthly_subscriber.refresh_from_db()
    assert monthly_subscriber.plan.slug == "monthly"


def test_the_cancel_page_offers_a_free_month_once_and_accepting_applies_a_coupon(
    client, stripe_api, monthly_subscriber
):
    stripe_api.expect_request("/v1/coupons/newsroom-1-months-free", method="GET").respond_with_json(
        {"error": {"type": "invalid_request_error", "code": "resource_missing"}}, status=404
    )
    stripe_api.expect_request("/v1/coupons", method="POST").respond_with_json(
        {"id": "newsroom-1-months-free", "object": "coupon"}
    )
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="POST").respond_with_json(
        remote_of(monthly_subscriber)
    )
    client.force_login(monthly_subscriber.user)

    page = client.get(reverse("paywall:cancel")).content.decode()
    client.post(reverse("paywall:retention_offer"))
    again = client.get(reverse("paywall:cancel")).content.decode()

    assert "Before you go: 1 month free" in page
    coupon = posted(stripe_api, "/v1/coupons")[0].form
    assert coupon["percent_off"] == "100" and coupon["duration_in_months"] == "1"
    update = posted(stripe_api, "/v1/subscriptions/sub_1")[0].form
    assert update["discounts[0][coupon]"] == "newsroom-1-months-free"
    monthly_subscriber.refresh_from_db()
    assert monthly_subscriber.status == Status.ACTIVE
    assert monthly_subscriber.retention_offer_accepted_at is not None
    assert "month free" not in again


def test_a_stripe_trial_taking_the_offer_gets_its_trial_end_moved(client, stripe_api, reader, plan):
    row = Subscription(user=reader, plan=plan, provider="stripe")
    change_status(subscription=row, to=Status.PENDING, now=timezone.now())
    row.provider_reference = "sub_1"
    end = (timezone.now() + timedelta(days=20)).replace(microsecond=0)
    change_status(subscription=row, to=Status.TRIALING, now=timezone.now(), period_end=end)
    longer = shift_months(end, 1)
    moved = subscription(ours=row.pk, status="trialing", period_end=int(longer.timestamp()))
    moved["trial_end"] = int(longer.timestamp())
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="POST").respond_with_json(moved)
    client.force_login(reader)

    client.post(reverse("paywall:retention_offer"))

    update = posted(stripe_api, "/v1/subscriptions/sub_1")[0].form
    assert update["trial_end"] == str(int(longer.timestamp()))
    assert update["proration_behavior"] == "none"
    row.refresh_from_db()
    assert row.status == Status.TRIALING and row.trial_ends_at == longer


def test_an_annual_subscriber_taking_the_offer_gets_a_once_off_coupon_of_a_twelfth(
    client, stripe_api, monthly_subscriber, annual
):
    monthly_subscriber.plan = annual
    monthly_subscriber.save()
    coupon = "newsroom-1-months-free-166-usd"
    stripe_api.expect_request(f"/v1/coupons/{coupon}", method="GET").respond_with_json(
        {"error": {"type": "invalid_request_error"}}, status=404
    )
    stripe_api.expect_request("/v1/coupons", method="POST").respond_with_json(
        {"id": coupon, "object": "coupon"}
    )
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="POST").respond_with_json(
        remote_of(monthly_subscriber)
    )
    client.force_login(monthly_subscriber.user)

    client.post(reverse("paywall:retention_offer"))

    created = posted(stripe_api, "/v1/coupons")[0].form
    assert (created["amount_off"], created["duration"]) == ("166", "once")
    assert posted(stripe_api, "/v1/subscriptions/sub_1")[0].form["discounts[0][coupon]"] == coupon


def test_no_offer_when_the_policy_sets_none(client, stripe_api, monthly_subscriber, policy):
    policy.retention_free_months = 0
    policy.save()
    client.force_login(monthly_subscriber.user)

    page = client.get(reverse("paywall:cancel")).content.decode()

    assert "Before you go" not in page
    assert client.post(reverse("paywall:retention_offer")).status_code == 302
    monthly_subscriber.refresh_from_db()
    assert monthly_subscriber.retention_offer_accepted_at is None


def test_cancel_sets_cancel_at_period_end_emails_the_date_and_resume_undoes_it(
    client, stripe_api, monthly_subscriber
):
    stripe_api.expect_ordered_request("/v1/subscriptions/sub_1", method="POST").respond_with_json(
        remote_of(monthly_subscriber, cancel_at_period_end=True)
    )
    stripe_api.expect_ordered_request("/v1/subscriptions/sub_1", method="POST").respond_with_json(
        remote_of(monthly_subscriber)
    )
    client.force_login(monthly_subscriber.user)
    end = monthly_subscriber.current_period_end

    client.post(reverse("paywall:cancel"))
    monthly_subscriber.refresh_from_db()
    canceled = monthly_subscriber.status
    account = client.get(reverse("paywall:account")).content.decode()
    client.post(reverse("paywall:resume"))

    assert canceled == Status.CANCELED
    assert "Resume my subscription" in account
    forms = [request.form for request in posted(stripe_api, "/v1/subscriptions/sub_1")]
    assert [form["cancel_at_period_end"] for form in forms] == ["true", "false"]
    monthly_subscriber.refresh_from_db()
    assert monthly_subscriber.status == Status.ACTIVE
    assert monthly_subscriber.current_period_end == end
    (email,) = [m for m in mail.outbox if "canceled" in m.subject]
    assert f"{end:%B} {end.day}, {end.year}" in email.body
    assert "Resume my subscription" in email.body


def test_a_second_trial_on_a_card_that_had_one_is_ended_at_stripe(client, stripe_api, plan):
    first, second = ReaderFactory(), ReaderFactory()
    rows = []
    for reader in (first, second):
        row = Subscription(user=reader, plan=plan, provider="stripe")
        rows.append(change_status(subscription=row, to=Status.PENDING, now=timezone.now()))
    trial = subscription(ours=rows[0].pk, status="trialing", period_end=later(30))
    trial.update(trial_end=later(30), default_payment_method=card_method(fingerprint="fp_A"))
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="GET").respond_with_json(trial)
    deliver(client, event("customer.subscription.created", trial, event_id="evt_1"))
    again = {**trial, "id": "sub_2", "metadata": {"subscription_id": str(rows[1].pk)}}
    stripe_api.expect_request("/v1/subscriptions/sub_2", method="GET").respond_with_json(again)
    paid = {**again, "status": "active", "trial_end": None}
    stripe_api.expect_request("/v1/subscriptions/sub_2", method="POST").respond_with_json(paid)

    response = deliver(client, event("customer.subscription.created", again, event_id="evt_2"))

    assert response.json()["outcome"] == "applied: active (trial refused: the card had a trial)"
    update = posted(stripe_api, "/v1/subscriptions/sub_2")[0].form
    assert update["trial_end"] == "now" and update["proration_behavior"] == "none"
    for row in rows:
        row.refresh_from_db()
    assert rows[0].status == Status.TRIALING
    assert rows[0].card_summary.startswith("Visa ending 4242")
    assert rows[1].status == Status.ACTIVE and rows[1].trial_refused_at is not None
    assert list(TrialCard.objects.values_list("fingerprint", "user")) == [("fp_A", first.pk)]


def test_a_plan_that_requires_a_card_for_its_trial_asks_checkout_to_always_collect_one(
    client, stripe_api, reader, policy
):
    PlanFactory(requires_card_for_trial=True)
    stripe_api.expect_request("/v1/customers", method="POST").respond_with_json(
        {"id": "cus_1", "object": "customer"}
    )
    stripe_api.expect_request("/v1/checkout/sessions", method="POST").respond_with_json(
        {"id": "cs_1", "object": "checkout.session", "url": "https://checkout.test/cs_1"}
    )
    client.force_login(reader)

    client.post(reverse("paywall:subscribe", args=["monthly"]))

    form = posted(stripe_api, "/v1/checkout/sessions")[0].form
    assert form["payment_method_collection"] == "always"
    assert posted(stripe_api, "/v1/customers")[0].headers["Idempotency-Key"] == (
        f"customer-{reader.pk}"
    )


def test_the_first_paid_invoice_sends_the_welcome_email_once(
    client, stripe_api, monthly_subscriber
):
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="GET").respond_with_json(
        remote_of(monthly_subscriber)
    )
    invoice = {"id": "in_1", "object": "invoice", "amount_paid": 290, "subscription": "sub_1"}
    zero = {**invoice, "id": "in_0", "amount_paid": 0}

    deliver(client, event("invoice.paid", zero, event_id="evt_0"))
    deliver(client, event("invoice.paid", invoice, event_id="evt_1"))
    deliver(client, event("invoice.paid", {**invoice, "id": "in_2"}, event_id="evt_2"))

    welcomes = [m for m in mail.outbox if m.subject.startswith("Welcome")]
    assert len(welcomes) == 1
    assert "your first payment for the Monthly plan" in welcomes[0].body


def refund_event(*, refunded: bool, invoice: str, amount: int = 290):
    charge = {
        "id": "ch_1",
        "object": "charge",
        "customer": "cus_1",
        "amount": 290,
        "amount_refunded": amount,
        "currency": "usd",
        "refunded": refunded,
        "invoice": invoice,
    }
    return event("charge.refunded", charge, event_id=f"evt_refund_{refunded}_{invoice}")


def test_a_full_refund_of_the_latest_invoice_ends_the_subscription_now(
    client, stripe_api, monthly_subscriber
):
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="GET").respond_with_json(
        {**remote_of(monthly_subscriber), "latest_invoice": {"id": "in_9", "object": "invoice"}}
    )
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="DELETE").respond_with_json(
        {**remote_of(monthly_subscriber), "status": "canceled"}
    )

    response = deliver(client, refund_event(refunded=True, invoice="in_9"))

    assert response.json()["outcome"] == "refund recorded; applied: expired"
    monthly_subscriber.refresh_from_db()
    assert monthly_subscriber.status == Status.EXPIRED
    assert not monthly_subscriber.grants_access(timezone.now())
    refund = Refund.objects.get()
    assert (refund.amount, refund.full, refund.ended_access) == (Decimal("2.90"), True, True)


def test_a_partial_refund_or_an_older_invoices_refund_keeps_access(
    client, stripe_api, monthly_subscriber
):
    stripe_api.expect_request("/v1/subscriptions/sub_1", method="GET").respond_with_json(
        {**remote_of(monthly_subscriber), "latest_invoice": {"id": "in_9", "object": "invoice"}}
    )

    partial = deliver(client, refund_event(refunded=False, invoice="in_9", amount=100))
    older = deliver(client, refund_event(refunded=True, invoice="in_3"))

    assert partial.json()["outcome"] == "refund recorded"
    assert older.json()["outcome"] == "refund recorded (not the latest invoice)"
    monthly_subscriber.refresh_from_db()
    assert monthly_subscriber.status == Status.ACTIVE
    assert not any(r.method == "DELETE" for r, _ in stripe_api.log)


def test_stripe_plans_creates_products_and_prices_then_keeps_or_replaces_them(
    stripe_api, plan, annual
):
    prices = {"monthly": "price_new_monthly", "annual": "price_new_annual"}
    stripe_api.expect_request("/v1/products", method="POST").respond_with_handler(
        lambda request: _json({"id": f"prod_{request.form['metadata[plan_slug]']}"})
    )
    stripe_api.expect_request("/v1/prices", method="POST").respond_with_handler(
        lambda request: _json({"id": prices[request.form["metadata[plan_slug]"]]})
    )
    out = io.StringIO()

    call_command("stripe_plans", stdout=out)

    plan.refresh_from_db()
    annual.refresh_from_db()
    assert (plan.stripe_product_id, plan.stripe_price_id) == ("prod_monthly", "price_new_monthly")
    assert annual.stripe_price_id == "price_new_annual"
    created = {r.form["metadata[plan_slug]"]: r.form for r in posted(stripe_api, "/v1/prices")}
    assert created["annual"]["unit_amount"] == "1990"
    assert created["annual"]["recurring[interval]"] == "year"
    assert created["monthly"]["currency"] == "usd"
    assert "monthly: created price price_new_monthly ($2.90 a month)" in out.getvalue()

    stripe_api.clear()
    for slug, amount, interval in (("monthly", 290, "month"), ("annual", 1990, "year")):
        stripe_api.expect_request(f"/v1/products/prod_{slug}", method="POST").respond_with_json(
            {"id": f"prod_{slug}", "object": "product"}
        )
        stripe_api.expect_request(f"/v1/prices/{prices[slug]}", method="GET").respond_with_json(
            {
                "id": prices[slug],
                "object": "price",
                "active": True,
                "unit_amount": amount,
                "currency": "usd",
                "recurring": {"interval": interval},
            }
        )
    plan.price = Decimal("3.50")
    plan.save()
    stripe_api.expect_request("/v1/prices", method="POST").respond_with_json(
        {"id": "price_350", "object": "price"}
    )
    stripe_api.expect_request("/v1/prices/price_new_monthly", method="POST").respond_with_json(
        {"id": "price_new_monthly", "object": "price", "active": False}
    )
    out = io.StringIO()

    call_command("stripe_plans", stdout=out)

    plan.refresh_from_db()
    assert plan.stripe_price_id == "price_350"
    assert posted(stripe_api, "/v1/prices/price_new_monthly")[0].form["active"] == "false"
    assert "annual: price price_new_annual is up to date" in out.getvalue()


def _json(payload):
    return Response(json.dumps({"object": "x", **payload}), content_type="application/json")
