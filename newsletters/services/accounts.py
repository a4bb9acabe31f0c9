"""What a reader account sees and does with the newsletters of its proved address.

Only an address the account has confirmed (paywall.services.accounts.has_verified_email)
is the reader's: before that, the account's export and deletion leave newsletters alone,
so nobody reads or stops another person's newsletters by signing up with their address.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractUser

from paywall.services.accounts import has_verified_email

from ..models import Newsletter, Subscriber
from .preferences import subscriber_for_account, unsubscribe


@dataclass(frozen=True)
class AccountNewsletters:
    """The account page's Newsletters section."""

    subscriber: Subscriber | None
    newsletters: list[Newsletter]
    preferences_path: str
    # The account has proved its address (no subscriber row may exist for it yet).
    address_proved: bool = False


def account_newsletters(user: AbstractUser) -> AccountNewsletters:
    subscriber = subscriber_for_account(user)
    if subscriber is None:
        return AccountNewsletters(
            subscriber=None,
            newsletters=[],
            preferences_path="",
            address_proved=user.is_authenticated and has_verified_email(user),
        )
    newsletters = list(subscriber.newsletters.active().order_by("name"))
    return AccountNewsletters(
        subscriber=subscriber,
        newsletters=newsletters,
        preferences_path=subscriber.preferences_path(),
        address_proved=True,
    )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_for_account(user: AbstractUser) -> dict[str, Any] | None:
    """The subscriber and consent record of the account's proved address, or None."""
    subscriber = subscriber_for_account(user)
    if subscriber is None:
        return None
    return {
        "email": subscriber.email,
        "status": subscriber.status,
        "created_at": _iso(subscriber.created_at),
        "confirmed_at": _iso(subscriber.confirmed_at),
        "unsubscribed_at": _iso(subscriber.unsubscribed_at),
        "newsletters": [
            {"name": s.newsletter.name, "subscribed_at": _iso(s.created_at)}
            for s in subscriber.subscriptions.select_related("newsletter").order_by("created_at")
        ],
        "consent": {
            "at": _iso(subscriber.consent_at),
            "text": subscriber.consent_text,
            "source": subscriber.consent_source,
            "ip_hash": subscriber.consent_ip_hash,
        },
    }


def unsubscribe_account(user: AbstractUser, *, now: datetime) -> Subscriber | None:
    """Stop every newsletter of the account's proved address (the status service records
    it). The row and its consent record stay: see newsroom.accounts.delete_account."""
    subscriber = subscriber_for_account(user)
    if subscriber is None:
        return None
    return unsubscribe(subscriber=subscriber, now=now)
