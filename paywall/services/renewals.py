"""The test provider's renewals: at a period's end, what Stripe would send, through the handler.

With Stripe, a subscription renews at Stripe and its webhooks tell us. The local test
provider keeps the subscription itself, so when a trial or paid period of one ends this
module plays Stripe's part, producing the events Stripe sends and handing them to
paywall.services.webhooks as the test checkout does:

- renewing: `customer.subscription.updated` (active, the next period from the period's end)
  and `invoice.paid` for the plan's price; the first paid invoice after a trial brings the
  welcome-to-paid email;
- the card declines (test card 4000 0000 0000 0341) or there is none: `invoice.payment_failed`
  and `customer.subscription.updated` (past_due, the payment-failed email; access is kept
  for the policy's grace period);
- set to cancel, or still past due when the grace period ends (Stripe's last retry failed):
  `customer.subscription.deleted`, and the subscription ends.

Each event's id is made of the subscription and the period end it settles, so a second run,
or two runs at once, apply it once (the handler stores event ids).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from paywall.models import Subscription

from .providers import StripeStatus, TestProvider, local_subscription_object, unix
from .subscriptions import add_interval, expire_if_due
from .test_checkout import card_declines, invoice
from .webhooks import envelope, handle_event

RENEWED, PAYMENT_FAILED, ENDED = "renewed", "payment failed", "ended"


@dataclass(frozen=True)
class Renewals:
    """What one run did to the test provider's subscriptions whose period had ended."""

    renewed: int = 0
    payment_failed: int = 0
    ended: int = 0


def renew_due(*, now: datetime) -> Renewals:
    """Settle every test-provider subscription whose trial or paid period has ended."""
    due = Subscription.objects.due_to_expire(now).filter(provider=TestProvider.name)
    counts = {RENEWED: 0, PAYMENT_FAILED: 0, ENDED: 0}
    for pk in due.values_list("pk", flat=True):
        outcome = renew(subscription_id=pk, now=now)
        if outcome in counts:
            counts[outcome] += 1
    return Renewals(
        renewed=counts[RENEWED], payment_failed=counts[PAYMENT_FAILED], ended=counts[ENDED]
    )


def renew(*, subscription_id: int, now: datetime) -> str:
    """Settle one test-provider subscription at its period's end; what happened to it."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .select_related("plan", "user")
            .get(pk=subscription_id)
        )
        if subscription.provider != TestProvider.name or not subscription.is_due_to_expire(now):
            return "not due"
        outcome, events = _events(subscription=subscription, now=now)
        provider = TestProvider()
        for event in events:
            handle_event(event=event, now=now, provider=provider)
    return outcome


def _events(*, subscription: Subscription, now: datetime) -> tuple[str, list[dict[str, Any]]]:
    """The events Stripe would send for this subscription at its period's end."""
    ended_at = subscription.current_period_end
    assert ended_at is not None  # due to expire: it has a period end

    def event(kind: str, obj: dict[str, Any]) -> dict[str, Any]:
        made = envelope(kind=kind, obj=obj, now=now)
        made["id"] = f"evt_test_{kind.rsplit('.', 1)[-1]}_{subscription.pk}_{unix(ended_at)}"
        return made

    if subscription.is_canceled or subscription.is_past_due:
        # Canceled at the period's end, or the grace period after a failed payment is over.
        gone = local_subscription_object(
            subscription,
            now=now,
            status=StripeStatus.CANCELED,
            cancel_at_period_end=False,
            period_end=ended_at,
        )
        return ENDED, [event("customer.subscription.deleted", gone)]
    next_end = add_interval(ended_at, subscription.plan.interval)
    invoice_id = f"in_test_{subscription.pk}_{unix(ended_at)}"
    if not subscription.card_fingerprint or card_declines(
        fingerprint=subscription.card_fingerprint
    ):
        remote = local_subscription_object(
            subscription, now=now, status=StripeStatus.PAST_DUE, period_end=next_end
        )
        unpaid = invoice(
            subscription=subscription,
            remote=remote,
            reason="subscription_cycle",
            paid=False,
            invoice_id=invoice_id,
        )
        return PAYMENT_FAILED, [
            event("invoice.payment_failed", unpaid),
            event("customer.subscription.updated", remote),
        ]
    remote = local_subscription_object(
        subscription, now=now, status=StripeStatus.ACTIVE, period_end=next_end
    )
    paid = invoice(
        subscription=subscription, remote=remote, reason="subscription_cycle", invoice_id=invoice_id
    )
    return RENEWED, [
        event("customer.subscription.updated", remote),
        event("invoice.paid", paid),
    ]


def settle_if_due(*, subscription: Subscription, now: datetime) -> Subscription:
    """The check on read: a test-provider subscription renews (or fails, or ends) as the
    worker would; any other past its period end expires now."""
    if subscription.provider == TestProvider.name and subscription.is_due_to_expire(now):
        renew(subscription_id=subscription.pk, now=now)
        subscription.refresh_from_db()
    return expire_if_due(subscription=subscription, now=now)
