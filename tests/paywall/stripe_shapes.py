"""Stripe's objects and events as its API reference documents them, written in our own words
and cut to the fields we read (https://docs.stripe.com/api/events/object,
/api/subscriptions/object, /api/checkout/sessions/object, /webhooks#verify-manually)."""

import hashlib
import hmac
import json
import time
from typing import Any

SECRET = "whsec_newsroom_tests"  # tests/settings.py STRIPE_WEBHOOK_SECRET


def subscription(
    *, ours: int, status: str = "active", period_end: int, ref: str = "sub_1", **extra: Any
) -> dict[str, Any]:
    """A subscription object; since API version 2025-03-31 the period sits on its items."""
    return {
        "id": ref,
        "object": "subscription",
        "customer": "cus_1",
        "status": status,
        "cancel_at_period_end": False,
        "trial_end": None,
        "items": {
            "object": "list",
            "data": [
                {
                    "id": "si_1",
                    "object": "subscription_item",
                    "current_period_end": period_end,
                    "price": {"id": "price_monthly", "object": "price"},
                }
            ],
        },
        "metadata": {"subscription_id": str(ours), "reader_id": "1", "article_id": ""},
        **extra,
    }


def card_method(*, fingerprint: str, last4: str = "4242") -> dict[str, Any]:
    """A card payment method (/api/payment_methods/object), as an expanded
    default_payment_method: the fingerprint is the same for the same card number."""
    return {
        "id": f"pm_{fingerprint}",
        "object": "payment_method",
        "type": "card",
        "card": {
            "brand": "visa",
            "last4": last4,
            "exp_month": 12,
            "exp_year": 2030,
            "fingerprint": fingerprint,
        },
    }


def event(kind: str, obj: dict[str, Any], *, event_id: str, created: int | None = None):
    """An event envelope: id, type, created (Unix seconds) and the object in data.object."""
    return {
        "id": event_id,
        "object": "event",
        "api_version": "2026-10-28.endive",
        "type": kind,
        "created": created or int(time.time()),
        "livemode": False,
        "data": {"object": obj},
    }


def signed(payload: dict[str, Any], *, secret: str = SECRET, at: int | None = None):
    """The body and Stripe-Signature header Stripe sends: v1 = HMAC-SHA256 of "t.body"."""
    body = json.dumps(payload)
    stamp = at if at is not None else int(time.time())
    mac = hmac.new(secret.encode(), f"{stamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return body, f"t={stamp},v1={mac}"
