"""The test provider's checkout: Stripe-shaped events, fed to the real webhook handler.

Confirming the local TEST MODE page produces what Stripe sends after a Checkout in
subscription mode (`checkout.session.completed`, `customer.subscription.created`, and
`invoice.paid` when the first period is charged), in the shapes of Stripe's documented
events, and hands them to paywall.services.webhooks exactly as the webhook endpoint does
after checking a signature. No card is charged; a test card number stands for one (its
summary and fingerprint, so the one-trial-per-card rule runs here too). Stripe's test card
4000 0000 0000 0341 keeps its meaning: it is accepted, and every charge on it is declined
(a checkout that pays now is refused; a trial's renewal fails, see
paywall.services.renewals).
"""

import secrets
from datetime import datetime, timedelta
from typing import Any

from paywall.models import Subscription, TrialCard

from .providers import (
    StripeStatus,
    TestProvider,
    cents,
    checkout_metadata,
    local_subscription_object,
    test_card,
)
from .subscriptions import add_interval, has_had_trial
from .webhooks import envelope, handle_event

TEST_CARD = "4242 4242 4242 4242"
# Stripe's "charge fails after attaching": the card is saved, every charge on it declined.
DECLINING_CARD = "4000 0000 0000 0341"
DECLINED = (
    "Your card was declined: nothing was charged. (Test card 4000 0000 0000 0341 declines "
    "every charge; use 4242 4242 4242 4242 to pay.)"
)


class CardRefused(Exception):
    """A reader-facing reason the test checkout cannot go ahead as asked."""


def trial_days(*, subscription: Subscription) -> int:
    return 0 if has_had_trial(user=subscription.user) else subscription.plan.trial_days


def card_needed(*, subscription: Subscription) -> bool:
    """A card is asked for unless the checkout is a trial of a plan that needs none."""
    return not trial_days(subscription=subscription) or subscription.plan.requires_card_for_trial


def card_declines(*, fingerprint: str) -> bool:
    """True for the test card whose charges are all declined (by its fingerprint)."""
    return bool(fingerprint) and fingerprint == test_card(DECLINING_CARD)["fingerprint"]


def card_had_trial(*, number: str, subscription: Subscription) -> bool:
    fingerprint = test_card(number)["fingerprint"]
    return (
        TrialCard.objects.filter(fingerprint=fingerprint).exclude(user=subscription.user).exists()
    )


def complete(
    *, subscription: Subscription, now: datetime, card_number: str = "", skip_trial: bool = False
) -> Subscription:
    """The reader confirmed the test checkout: what Stripe would send, through the handler.

    A card that has had a trial on another account gets none here: CardRefused, unless the
    reader chose to pay now instead (skip_trial).
    """
    digits = "".join(ch for ch in card_number if ch.isdigit())
    card = test_card(digits) if len(digits) >= 12 else None
    days = 0 if skip_trial else trial_days(subscription=subscription)
    if days and card and card_had_trial(number=digits, subscription=subscription):
        raise CardRefused(
            "This card has already had a free trial, so it cannot start another. You can "
            f"subscribe now at {subscription.plan.price_display} a "
            f"{subscription.plan.interval_noun} instead."
        )
    if not days and card and card_declines(fingerprint=card["fingerprint"]):
        raise CardRefused(DECLINED)
    end = now + timedelta(days=days) if days else add_interval(now, subscription.plan.interval)
    remote = local_subscription_object(
        subscription,
        now=now,
        status=StripeStatus.TRIALING if days else StripeStatus.ACTIVE,
        period_end=end,
        cancel_at_period_end=False,
        card=card,
    )
    session: dict[str, Any] = {
        "id": f"cs_test_{secrets.token_hex(12)}",
        "object": "checkout.session",
        "mode": "subscription",
        "status": "complete",
        "client_reference_id": str(subscription.pk),
        "customer": remote["customer"],
        "subscription": remote["id"],
        "metadata": checkout_metadata(subscription),
    }
    events = [
        ("checkout.session.completed", session),
        ("customer.subscription.created", remote),
    ]
    if not days:
        events.append(("invoice.paid", invoice(subscription=subscription, remote=remote)))
    provider = TestProvider()
    for kind, obj in events:
        handle_event(event=envelope(kind=kind, obj=obj, now=now), now=now, provider=provider)
    subscription.refresh_from_db()
    return subscription


def invoice(
    *,
    subscription: Subscription,
    remote: dict[str, Any],
    reason: str = "subscription_create",
    paid: bool = True,
    invoice_id: str = "",
) -> dict[str, Any]:
    """An invoice for one period of the plan, as Stripe shapes it (API 2025-03-31+): paid,
    or left open after its payment failed."""
    amount = cents(subscription.plan.price)
    return {
        "id": invoice_id or f"in_test_{secrets.token_hex(8)}",
        "object": "invoice",
        "customer": remote["customer"],
        "status": "paid" if paid else "open",
        "currency": subscription.plan.currency.lower(),
        "amount_due": amount,
        "amount_paid": amount if paid else 0,
        "amount_remaining": 0 if paid else amount,
        "attempt_count": 1,
        "billing_reason": reason,
        "parent": {
            "type": "subscription_details",
            "subscription_details": {"subscription": remote["id"]},
        },
    }
