"""The test provider renews like Stripe: at a trial's or paid period's end the worker (and the
check on read) produces the events Stripe would send, through the same webhook handler, so
a subscription renews, fails on the declining test card, or ends when set to cancel."""

import io
import signal
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from paywall.models import Subscription, SubscriptionEvent, WebhookEvent
from paywall.services import billing, providers
from paywall.services.renewals import Renewals, renew_due
from paywall.services.revenue import revenue_report
from paywall.services.subscriptions import add_interval
from tests.paywall.conftest import is_gated, read

Status = Subscription.Status
CARD = "4242 4242 4242 4242"
DECLINING = "4000 0000 0000 0341"
MINUTE = timedelta(minutes=1)

pytestmark = pytest.mark.usefixtures("policy")


@pytest.fixture(autouse=True)
def test_provider(settings):
    settings.PAYWALL_PAYMENT_PROVIDER = "test"


def check_out(client, reader, plan, *, card=CARD, outcome="pay"):
    client.force_login(reader)
    start = client.post(reverse("paywall:subscribe", args=[plan.slug]))
    return client.post(start["Location"], {"outcome": outcome, "card_number": card})


def trial(client, reader, plan, card=CARD) -> Subscription:
    check_out(client, reader, plan, card=card)
    row = Subscription.objects.get(user=reader)
    assert row.status == Status.TRIALING
    mail.outbox.clear()
    return row


def paid(client, reader, plan) -> Subscription:
    plan.trial_days = 0
    plan.save()
    check_out(client, reader, plan, outcome="pay_now")
    row = Subscription.objects.get(user=reader)
    assert row.status == Status.ACTIVE
    mail.outbox.clear()
    return row


def history(row) -> list[tuple[str, str]]:
    events = SubscriptionEvent.objects.filter(subscription=row).order_by("at", "pk")
    return [(event.from_status, event.to_status) for event in events]


def subjects() -> list[str]:
    return [message.subject for message in mail.outbox]


def test_a_trial_renews_at_its_end_as_paid_with_the_welcome_email(client, reader, plan):
    row = trial(client, reader, plan)
    trial_end = row.trial_ends_at

    done = renew_due(now=trial_end + MINUTE)
    row.refresh_from_db()

    assert done == Renewals(renewed=1)
    assert row.status == Status.ACTIVE
    assert row.current_period_end == add_interval(trial_end, plan.interval)  # from the trial end
    assert history(row)[-1] == (Status.TRIALING, Status.ACTIVE)
    assert "customer.subscription.updated" in row.events.order_by("-at", "-pk")[0].note
    paid_invoice = WebhookEvent.objects.get(type="invoice.paid")
    assert "welcome email sent" in paid_invoice.outcome
    assert subjects() == ["Welcome to Worldcrunch: your subscription is paid"]
    assert f"renews on {row.current_period_end:%B} {row.current_period_end.day}" in (
        mail.outbox[0].body
    )
    report = revenue_report(now=trial_end + timedelta(days=1))
    assert (report.trials_ended, report.trials_paid, report.trial_to_paid_rate) == (1, 1, 100)
    assert report.mrr == Decimal("2.90")


def test_running_the_renewals_twice_renews_once(client, reader, plan):
    row = trial(client, reader, plan)
    moment = row.trial_ends_at + MINUTE

    first = renew_due(now=moment)
    second = renew_due(now=moment)
    later = renew_due(now=moment + timedelta(days=3))
    row.refresh_from_db()

    assert first == Renewals(renewed=1)
    assert second == later == Renewals()
    assert history(row).count((Status.TRIALING, Status.ACTIVE)) == 1
    assert WebhookEvent.objects.filter(type="invoice.paid").count() == 1
    assert len(mail.outbox) == 1
    assert row.current_period_end == add_interval(row.trial_ends_at, plan.interval)


def test_a_paid_month_renews_month_after_month_without_a_second_welcome(client, reader, plan):
    row = paid(client, reader, plan)
    first_end = row.current_period_end

    renew_due(now=first_end + MINUTE)
    row.refresh_from_db()
    second_end = row.current_period_end
    renew_due(now=second_end + MINUTE)
    row.refresh_from_db()

    assert second_end == add_interval(first_end, plan.interval)
    assert row.current_period_end == add_interval(second_end, plan.interval)
    assert row.status == Status.ACTIVE
    assert history(row)[-2:] == [(Status.ACTIVE, Status.ACTIVE)] * 2
    assert WebhookEvent.objects.filter(type="invoice.paid").count() == 3  # checkout + 2
    assert subjects() == []  # renewals are silent; the welcome came with the first payment


def test_a_trial_on_the_declining_card_fails_to_renew_then_ends_after_the_grace_period(
    client, reader, plan, policy
):
    row = trial(client, reader, plan, card=DECLINING)
    moment = row.trial_ends_at + MINUTE

    failed = renew_due(now=moment)
    row.refresh_from_db()

    assert failed == Renewals(payment_failed=1)
    assert row.status == Status.PAST_DUE
    assert row.current_period_end == moment + timedelta(days=policy.past_due_grace_days)
    assert row.grants_access(moment + timedelta(days=1))  # the grace period
    assert WebhookEvent.objects.filter(type="invoice.payment_failed").exists()
    assert subjects() == ["Your Worldcrunch payment failed: update your card"]
    body = mail.outbox[0].body
    assert "test payment provider" in body and "Card, invoices and receipts" not in body
    assert not WebhookEvent.objects.filter(type="invoice.paid").exists()

    ended = renew_due(now=row.current_period_end + MINUTE)
    row.refresh_from_db()

    assert ended == Renewals(ended=1)
    assert row.status == Status.EXPIRED
    assert history(row)[-2:] == [
        (Status.TRIALING, Status.PAST_DUE),
        (Status.PAST_DUE, Status.EXPIRED),
    ]
    assert WebhookEvent.objects.filter(type="customer.subscription.deleted").exists()
    report = revenue_report(now=row.current_period_end + timedelta(days=1))
    assert (report.trials_ended, report.trials_paid, report.trial_to_paid_rate) == (1, 0, 0)


def test_a_paid_subscription_whose_renewal_fails_ends_as_failed_payment_churn(client, reader, plan):
    row = paid(client, reader, plan)
    # The card on file has since started to decline (as the 0341 test card does).
    Subscription.objects.filter(pk=row.pk).update(
        card_fingerprint=providers.test_card(DECLINING)["fingerprint"]
    )
    renew_due(now=row.current_period_end + MINUTE)
    row.refresh_from_db()
    assert row.status == Status.PAST_DUE
    assert revenue_report(now=row.current_period_end).mrr == Decimal("2.90")  # still paying

    renew_due(now=row.current_period_end + MINUTE)
    row.refresh_from_db()
    report = revenue_report(now=row.current_period_end + MINUTE)

    assert row.status == Status.EXPIRED
    assert (report.churn_voluntary, report.churn_failed_payment) == (0, 1)
    assert report.mrr == Decimal("0.00")


def test_the_declining_card_cannot_pay_now_at_the_test_checkout(client, reader, plan):
    plan.trial_days = 0
    plan.save()

    response = check_out(client, reader, plan, card=DECLINING, outcome="pay_now")

    assert response.status_code == 400
    page = response.content.decode()
    assert "Your card was declined: nothing was charged." in page
    assert f'value="{DECLINING}"' in page  # what was typed is kept
    assert Subscription.objects.get(user=reader).status == Status.PENDING
    assert not WebhookEvent.objects.exists()


def test_a_subscription_set_to_cancel_ends_at_its_period_end_as_voluntary_churn(
    client, reader, plan
):
    row = paid(client, reader, plan)
    billing.cancel(subscription=row, now=row.current_period_end - timedelta(days=10))
    row.refresh_from_db()
    assert row.status == Status.CANCELED
    assert subjects() == ["Your Worldcrunch subscription is canceled"]
    end = row.current_period_end

    done = renew_due(now=end + MINUTE)
    row.refresh_from_db()

    assert done == Renewals(ended=1)
    assert row.status == Status.EXPIRED
    assert row.current_period_end == end  # access ran to the period's end, not a day more
    assert history(row)[-1] == (Status.CANCELED, Status.EXPIRED)
    assert WebhookEvent.objects.filter(type="customer.subscription.deleted").count() == 1
    assert WebhookEvent.objects.filter(type="invoice.paid").count() == 1  # only the checkout's
    assert subjects() == ["Your Worldcrunch subscription is canceled"]  # nothing more
    report = revenue_report(now=end + timedelta(days=1))
    assert (report.churn_voluntary, report.churn_failed_payment) == (1, 0)


def test_a_trial_without_a_card_cannot_be_charged_and_becomes_past_due(client, reader, plan):
    row = trial(client, reader, plan, card="")
    assert row.card_fingerprint == ""

    done = renew_due(now=row.trial_ends_at + MINUTE)
    row.refresh_from_db()

    assert done == Renewals(payment_failed=1)
    assert row.status == Status.PAST_DUE
    assert subjects() == ["Your Worldcrunch payment failed: update your card"]


def test_the_account_page_after_the_trial_renews_it_before_the_worker_runs(client, reader, plan):
    row = trial(client, reader, plan)

    with time_machine.travel(row.trial_ends_at + timedelta(hours=1), tick=False):
        client.force_login(reader)  # a month on, the first session has expired
        page = client.get(reverse("paywall:account")).content.decode()
    row.refresh_from_db()

    assert row.status == Status.ACTIVE
    end = row.current_period_end
    assert f"$2.90 on {end:%B} {end.day}" in page  # the next charge, a month on
    assert subjects() == ["Welcome to Worldcrunch: your subscription is paid"]


def test_an_article_read_after_the_trial_end_renews_and_reads_on(
    client, reader, plan, articles, policy
):
    policy.free_articles = policy.registered_bonus = 0  # no meter: only the subscription opens
    policy.save()
    row = trial(client, reader, plan)

    with time_machine.travel(row.trial_ends_at + timedelta(hours=1), tick=False):
        client.force_login(reader)  # a month on, the first session has expired
        responses = [read(client, article) for article in articles]
    row.refresh_from_db()

    assert row.status == Status.ACTIVE
    assert not any(is_gated(response) for response in responses)


def test_the_expire_subscriptions_command_renews_test_subscriptions_first(client, reader, plan):
    row = trial(client, reader, plan)
    out = io.StringIO()

    with time_machine.travel(row.trial_ends_at + MINUTE, tick=False):
        call_command("expire_subscriptions", stdout=out)
    row.refresh_from_db()

    assert row.status == Status.ACTIVE
    assert out.getvalue().splitlines() == [
        "Test provider: 1 renewal, 0 failed payments, 0 subscriptions ended.",
        "Expired 0 subscriptions.",
    ]


# A real transaction: the worker closes a connection left inside one (the test's own, on
# PostgreSQL), as it must after a database outage.
@pytest.mark.django_db(transaction=True)
def test_the_worker_renews_a_trial_that_ended_without_cron(client, reader, plan, settings):
    row = trial(client, reader, plan)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with time_machine.travel(row.trial_ends_at + MINUTE, tick=False):
            call_command(
                "run_worker", "--batch", "--interval", "0", "--no-startup-delay", "--no-reload"
            )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    row.refresh_from_db()

    assert row.status == Status.ACTIVE
    assert WebhookEvent.objects.filter(type="invoice.paid").count() == 1


def test_a_trial_without_a_card_promises_no_charge_on_the_account_or_in_its_reminder(
    client, reader, plan
):
    row = trial(client, reader, plan, card="")

    page = client.get(reverse("paywall:account")).content.decode()
    with time_machine.travel(row.trial_ends_at - timedelta(days=2), tick=False):
        call_command("send_subscription_reminders", stdout=io.StringIO())

    assert "Next charge" not in page
    (reminder,) = mail.outbox
    assert "without a card, so its first payment ($2.90 a month) cannot be taken" in reminder.body
    assert "you keep reading without a break" not in reminder.body


def test_a_past_due_test_subscription_says_how_to_carry_on_in_test_mode(client, reader, plan):
    row = trial(client, reader, plan, card=DECLINING)
    renew_due(now=row.trial_ends_at + MINUTE)
    row.refresh_from_db()

    with time_machine.travel(row.trial_ends_at + timedelta(hours=1), tick=False):
        client.force_login(reader)
        page = client.get(reverse("paywall:account")).content.decode()

    assert "A test card cannot be changed: cancel, then subscribe again" in page
    assert "while you update your card" not in page
    assert "canceling ends the subscription at once" in page
    assert "you keep full access until the end of the period" not in page
