"""The test provider's checkout: Stripe-shaped events, fed to the real webhook handler.

Confirming the local TEST MODE page produces what Stripe sends after a Checkout in
subscription mode (`checkout.session.completed`, then `customer.subscription.created`), in
the shapes of Stripe's documented events, and hands them to paywall.services.webhooks
exactly as the webhook endpoint does after checking a signature. No card, no charge.
"""

import secrets
from datetime import datetime, timedelta
from typing import Any

from paywall.models import Subscription

from .providers import TestProvider, checkout_metadata
from .subscriptions import add_interval, has_had_trial
from .webhooks import handle_event


def trial_days(*, subscription: Subscription) -> int:
    return 0 if has_had_trial(user=subscription.user) else subscription.plan.trial_days


def event(*, kind: str, obj: dict[str, Any], now: datetime) -> dict[str, Any]:
    """An event envelope as Stripe's: id, type, created (Unix seconds), data.object."""
    return {
        "id": f"evt_test_{secrets.token_hex(12)}",
        "object": "event",
        "type": kind,
        "created": int(now.timestamp()),
        "livemode": False,
        "data": {"object": obj},
    }


def subscription_object(*, subscription: Subscription, now: datetime) -> dict[str, Any]:
    """A Stripe subscription object for our pending row: trialing, or active for a period."""
    days = trial_days(subscription=subscription)
    trial_end = now + timedelta(days=days) if days else None
    period_end = trial_end or add_interval(now, subscription.plan.interval)
    return {
        "id": f"sub_test_{subscription.pk}",
        "object": "subscription",
        "customer": f"cus_test_{subscription.user_id}",
        "status": "trialing" if trial_end else "active",
        "cancel_at_period_end": False,
        "created": int(now.timestamp()),
        "trial_end": int(trial_end.timestamp()) if trial_end else None,
        "items": {
            "object": "list",
            "data": [
                {
                    "object": "subscription_item",
                    "current_period_start": int(now.timestamp()),
                    "current_period_end": int(period_end.timestamp()),
                    "price": {"id": f"price_test_{subscription.plan.slug}"},
                    "quantity": 1,
                }
            ],
        },
        "metadata": checkout_metadata(subscription),
    }


def complete(*, subscription: Subscription, now: datetime) -> Subscription:
    """The reader confirmed the test checkout: what Stripe would send, through the handler."""
    remote = subscription_object(subscription=subscription, now=now)
    session = {
        "id": f"cs_test_{secrets.token_hex(12)}",
        "object": "checkout.session",
        "mode": "subscription",
        "status": "complete",
        "client_reference_id": str(subscription.pk),
        "customer": remote["customer"],
        "subscription": remote["id"],
        "metadata": checkout_metadata(subscription),
    }
    provider = TestProvider()
    for kind, obj in [
        ("checkout.session.completed", session),
        ("customer.subscription.created", remote),
    ]:
        handle_event(event=event(kind=kind, obj=obj, now=now), now=now, provider=provider)
    subscription.refresh_from_db()
    return subscription
