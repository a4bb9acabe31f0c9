"""The demo plans, meter policy and readers: loaded once, readers confirmed, no email sent."""

from decimal import Decimal
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from demo.content import paywall as demo
from paywall.models import MeterPolicy, Plan, Subscription
from paywall.services import revenue
from paywall.services.accounts import has_verified_email


def test_demo_plans_policy_and_readers_load_once(db):
    demo.load_demo(StringIO())
    demo.load_demo(StringIO())
    monthly, annual = Plan.objects.get(slug="monthly"), Plan.objects.get(slug="annual")
    assert (monthly.price, monthly.currency, monthly.interval, monthly.trial_days) == (
        Decimal("2.90"),
        "USD",
        "month",
        30,
    )
    assert (annual.price, annual.interval, annual.is_best_value) == (Decimal("19.90"), "year", True)
    assert MeterPolicy.objects.count() == 1
    subscription = Subscription.objects.get(user__email=demo.DEMO_SUBSCRIBER)
    assert subscription.user.email == demo.DEMO_SUBSCRIBER
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.plan == annual


def test_demo_readers_count_as_confirmed(db):
    demo.load_demo(StringIO())
    demo.load_demo(StringIO())

    for email in (demo.DEMO_READER, demo.DEMO_SUBSCRIBER):
        assert has_verified_email(get_user_model().objects.get(username=email))
    assert mail.outbox == []


def test_demo_subscription_histories_make_every_revenue_figure_non_zero(db):
    demo.load_demo(StringIO())
    demo.load_demo(StringIO())
    assert Subscription.objects.count() == len(demo.HISTORIES) + 1
    report = revenue.revenue_report(now=timezone.now(), days=30)
    assert report.mrr > report.mrr_at_start > 0
    assert report.trial_starts and report.trials_ended and report.trials_paid
    assert report.churn_voluntary and report.churn_failed_payment
