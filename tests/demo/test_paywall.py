"""The demo plans, meter policy and readers: loaded once, readers confirmed, no email sent."""

from decimal import Decimal
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail

from demo.content import paywall as demo
from paywall.models import MeterPolicy, Plan, Subscription
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
    subscription = Subscription.objects.get()
    assert subscription.user.email == demo.DEMO_SUBSCRIBER
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.plan == annual


def test_demo_readers_count_as_confirmed(db):
    demo.load_demo(StringIO())
    demo.load_demo(StringIO())

    for email in (demo.DEMO_READER, demo.DEMO_SUBSCRIBER):
        assert has_verified_email(get_user_model().objects.get(username=email))
    assert mail.outbox == []
