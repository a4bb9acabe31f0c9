"""A subscription Stripe renews is not expired in the moments between its period end and
Stripe's renewal webhook: expiring it would be for good, and a paying reader would lose access."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from paywall.models import Subscription
from paywall.services import subscriptions
from paywall.services.subscriptions import PROVIDER_RENEWAL_MARGIN
from tests.factories import ReaderFactory

from .conftest import is_gated, read

Status = Subscription.Status


def stripe_trial(plan, *, start):
    reader = ReaderFactory()
    sub = subscriptions.start_trial(user=reader, plan=plan, now=start)
    Subscription.objects.filter(pk=sub.pk).update(provider="stripe")
    sub.refresh_from_db()
    return reader, sub


def test_the_sweep_waits_for_stripe_then_expires(plan, time_machine):
    start = timezone.now()
    _, stripe_sub = stripe_trial(plan, start=start - timedelta(days=30, minutes=5))
    local = subscriptions.start_trial(
        user=ReaderFactory(), plan=plan, now=start - timedelta(days=30, minutes=5)
    )
    time_machine.move_to(start, tick=False)
    call_command("expire_subscriptions", stdout=__import__("io").StringIO())
    stripe_sub.refresh_from_db()
    local.refresh_from_db()
    assert stripe_sub.status == Status.TRIALING  # Stripe's renewal is on its way
    assert local.status == Status.EXPIRED  # nobody else renews a local trial

    time_machine.move_to(start + PROVIDER_RENEWAL_MARGIN, tick=False)
    call_command("expire_subscriptions", stdout=__import__("io").StringIO())
    stripe_sub.refresh_from_db()
    assert stripe_sub.status == Status.EXPIRED  # Stripe never said a word: it ended


def test_a_stripe_subscriber_reads_on_while_the_renewal_arrives(
    client, articles, plan, time_machine
):
    start = timezone.now()
    reader, sub = stripe_trial(plan, start=start)
    time_machine.move_to(sub.current_period_end + timedelta(minutes=2), tick=False)
    client.force_login(reader)
    for article in articles[:5]:
        assert not is_gated(read(client, article))
    sub.refresh_from_db()
    assert sub.status == Status.TRIALING

    time_machine.move_to(sub.current_period_end + PROVIDER_RENEWAL_MARGIN, tick=False)
    client.force_login(reader)
    responses = [read(client, article) for article in articles]
    assert any(is_gated(response) for response in responses)
    sub.refresh_from_db()
    assert sub.status == Status.EXPIRED
