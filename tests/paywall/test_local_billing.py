"""The same account flows with the test provider: its changes are Stripe-shaped events fed
to the webhook handler, so `make run` and the demo switch, cancel, resume and email as
production does; the proration rule's arithmetic; the reminders command."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from paywall.models import Subscription, WebhookEvent
from paywall.services.proration import local_proration, shift_months
from paywall.services.subscriptions import change_status
from tests.factories import ReaderFactory

Status = Subscription.Status
CARD = "4242 4242 4242 4242"

pytestmark = pytest.mark.usefixtures("policy")


@pytest.fixture(autouse=True)
def test_provider(settings):
    settings.PAYWALL_PAYMENT_PROVIDER = "test"


def check_out(client, reader, plan, **data):
    client.force_login(reader)
    start = client.post(reverse("paywall:subscribe", args=[plan.slug]))
    return client.post(start["Location"], {"outcome": "pay", "card_number": CARD, **data})


def paid_monthly(client, reader, plan):
    """A reader who paid the monthly plan at the test checkout (their trial already used)."""
    plan.trial_days = 0
    plan.save()
    check_out(client, reader, plan, outcome="pay_now")
    return Subscription.objects.get(user=reader)


def test_the_test_checkout_stores_the_test_card_and_the_account_shows_it(client, reader, plan):
    check_out(client, reader, plan)

    row = Subscription.objects.get(user=reader)
    html = client.get(reverse("paywall:account")).content.decode()

    assert row.status == Status.TRIALING
    assert row.card_summary.startswith("Visa ending 4242, expires 12/")
    assert "Visa ending 4242" in html and "(test card)" in html
    assert f"$2.90 on {row.trial_ends_at:%B} {row.trial_ends_at.day}" in html
    assert "no receipts are issued" in html
    assert reverse("paywall:portal") not in html  # no portal promised in test mode


def test_a_card_that_had_a_trial_gets_none_on_another_account_and_may_pay_instead(
    client, reader, plan
):
    check_out(client, reader, plan)
    client.logout()
    other = ReaderFactory()

    refused = check_out(client, other, plan)
    row = Subscription.objects.get(user=other)
    pending = row.status
    paid = client.post(
        reverse("paywall:test_checkout", args=[row.pk]),
        {"outcome": "pay_now", "card_number": CARD},
    )

    assert refused.status_code == 400
    page = refused.content.decode()
    assert "This card has already had a free trial" in page
    assert f'value="{CARD}"' in page  # what was typed is kept
    assert "Pay $2.90 (test)" in page
    assert pending == Status.PENDING
    assert paid.status_code == 302
    row.refresh_from_db()
    assert row.status == Status.ACTIVE and row.trial_ends_at is None


def test_a_trial_that_needs_no_card_starts_without_one_but_a_bad_number_is_a_form_error(
    client, reader, plan
):
    client.force_login(reader)
    start = client.post(reverse("paywall:subscribe", args=[plan.slug]))

    bad = client.post(start["Location"], {"outcome": "pay", "card_number": "12ab"})
    good = client.post(start["Location"], {"outcome": "pay", "card_number": ""})

    assert bad.status_code == 400 and b"12 to 19 digits" in bad.content
    assert b'value="12ab"' in bad.content
    assert good.status_code == 302
    assert Subscription.objects.get(user=reader).status == Status.TRIALING


def test_a_plan_that_requires_a_card_for_its_trial_asks_for_one(client, reader, plan):
    plan.requires_card_for_trial = True
    plan.save()

    response = check_out(client, reader, plan, card_number="")

    assert response.status_code == 400 and b"12 to 19 digits" in response.content
    assert Subscription.objects.get(user=reader).status == Status.PENDING


def test_paying_at_the_test_checkout_sends_the_welcome_email_once(client, reader, plan):
    row = paid_monthly(client, reader, plan)

    welcomes = [m for m in mail.outbox if m.subject.startswith("Welcome")]
    assert row.status == Status.ACTIVE and row.welcomed_to_paid_at is not None
    assert len(welcomes) == 1
    assert "Card, invoices and receipts" not in welcomes[0].body  # no portal in test mode
    assert "invoice.paid" in WebhookEvent.objects.values_list("type", flat=True)


def test_switching_during_the_trial_charges_nothing_and_keeps_the_trial(
    client, reader, plan, annual
):
    check_out(client, reader, plan)
    row = Subscription.objects.get(user=reader)
    url = reverse("paywall:switch_plan", args=[annual.slug])

    page = client.get(url).content.decode()
    client.post(url, {"proration_date": int(timezone.now().timestamp())})

    assert "Nothing to pay" in page and "During your free trial nothing is charged" in page
    trial_end = row.trial_ends_at
    row.refresh_from_db()
    assert row.plan == annual and row.status == Status.TRIALING
    assert row.trial_ends_at == trial_end
    assert WebhookEvent.objects.filter(type="customer.subscription.updated").count() == 1


def test_switching_a_paid_month_to_annual_charges_the_price_less_the_unused_days(
    client, reader, plan, annual
):
    row = paid_monthly(client, reader, plan)
    url = reverse("paywall:switch_plan", args=[annual.slug])

    page = client.get(url).content.decode()
    client.post(url)

    assert "Switch and pay $17.00" in page  # 19.90 less the whole month just paid (2.90)
    assert "$2.90 for the unused part" in page
    row.refresh_from_db()
    assert row.plan == annual and row.status == Status.ACTIVE
    assert row.current_period_end > timezone.now() + timedelta(days=364)


def test_the_proration_rule_credits_the_unused_part_and_carries_any_excess(reader, plan, annual):
    now = timezone.now().replace(microsecond=0)
    row = Subscription(user=reader, plan=annual, provider="test")
    change_status(subscription=row, to=Status.PENDING, now=now)
    end = now + timedelta(days=182)
    change_status(subscription=row, to=Status.ACTIVE, now=now, period_end=end)

    proration = local_proration(subscription=row, plan=plan, now=now)

    year = (end - end.replace(year=end.year - 1)).days
    expected = (Decimal("19.90") * Decimal(182) / Decimal(year)).quantize(Decimal("0.01"))
    assert abs(proration.credit - expected) <= Decimal("0.01")
    assert proration.charge_now == Decimal("0.00")
    assert proration.carried_credit == proration.credit - Decimal("2.90")
    assert proration.new_period_end.month == (now.month % 12) + 1


def test_cancel_shows_the_offer_and_accepting_moves_the_next_charge_a_month_later(
    client, reader, plan
):
    row = paid_monthly(client, reader, plan)
    next_charge = row.current_period_end

    page = client.get(reverse("paywall:cancel")).content.decode()
    client.post(reverse("paywall:retention_offer"))

    assert "1 month free" in page
    row.refresh_from_db()
    assert row.status == Status.ACTIVE
    assert row.current_period_end.month == (next_charge.month % 12) + 1
    assert "1 month free" not in client.get(reverse("paywall:cancel")).content.decode()


def test_a_trial_offered_a_free_month_runs_a_month_longer(client, reader, plan):
    check_out(client, reader, plan)
    trial_end = Subscription.objects.get(user=reader).trial_ends_at

    page = client.get(reverse("paywall:cancel")).content.decode()
    client.post(reverse("paywall:retention_offer"))

    longer = shift_months(trial_end, 1)
    assert "your free trial runs 1 more month" in page
    assert f"nothing is charged until {longer:%B} {longer.day}" in page
    assert "the end of your free trial" in page
    row = Subscription.objects.get(user=reader)
    assert row.status == Status.TRIALING
    assert row.trial_ends_at.date() == longer.date() == row.current_period_end.date()


def test_cancel_then_resume_through_the_webhook_handler(client, reader, plan):
    check_out(client, reader, plan)
    mail.outbox.clear()

    client.post(reverse("paywall:cancel"))
    canceled = Subscription.objects.get(user=reader)
    client.post(reverse("paywall:resume"))
    resumed = Subscription.objects.get(user=reader)

    assert canceled.status == Status.CANCELED
    assert resumed.status == Status.TRIALING and resumed.canceled_at is None
    assert resumed.trial_ends_at == canceled.trial_ends_at
    assert WebhookEvent.objects.filter(type="customer.subscription.updated").count() == 2
    assert [m.subject for m in mail.outbox] == ["Your Worldcrunch subscription is canceled"]


def test_there_is_nothing_to_resume_once_the_period_has_ended(client, reader, plan):
    check_out(client, reader, plan)
    client.post(reverse("paywall:cancel"))
    end = Subscription.objects.get(user=reader).current_period_end

    with time_machine.travel(end + timedelta(hours=1)):
        response = client.post(reverse("paywall:resume"), follow=True)

    assert b"Resume my subscription" not in response.content
    row = Subscription.objects.get(user=reader)
    assert row.status in (Status.CANCELED, Status.EXPIRED) and not row.grants_access(end)


def test_reminders_email_once_before_a_trial_or_a_canceled_subscription_ends(client, reader, plan):
    check_out(client, reader, plan)
    other = ReaderFactory()
    client.logout()
    check_out(client, other, plan, card_number="")
    client.post(reverse("paywall:cancel"))
    mail.outbox.clear()
    trial_end = Subscription.objects.get(user=reader).trial_ends_at
    out = io.StringIO()

    with time_machine.travel(trial_end - timedelta(days=2)):
        call_command("send_subscription_reminders", stdout=out)
        call_command("send_subscription_reminders", stdout=out)

    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Your Worldcrunch access ends soon",
        "Your free trial of Worldcrunch ends in 3 days",
    ]
    assert out.getvalue().splitlines() == [
        "Sent 1 trial-ending and 1 access-ending reminders.",
        "Sent 0 trial-ending and 0 access-ending reminders.",
    ]
    access = next(m for m in mail.outbox if "access ends" in m.subject)
    assert "Resume my subscription" in access.body


@override_settings(PAYWALL_PAYMENT_PROVIDER="test")
def test_switching_to_an_unknown_or_the_same_plan_is_refused_without_a_500(client, reader, plan):
    check_out(client, reader, plan)

    missing = client.get(reverse("paywall:switch_plan", args=["nope"]))
    same = client.get(reverse("paywall:switch_plan", args=[plan.slug]))

    assert missing.status_code == 404
    assert same.status_code == 302 and same["Location"] == reverse("paywall:account")
