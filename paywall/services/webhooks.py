"""Provider events (Stripe's webhooks, and the test provider's events) applied once, in any order.

Every event is stored by id first, so a duplicate delivery changes nothing. The subscription
events are applied as the provider's API returns the subscription *now* (Stripe), so an
`updated` before its `created`, or a late `active` after `canceled`, brings the row to the
current state and never back; a provider that cannot be asked (the test one) has events
older than the last applied one ignored instead.
"""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from paywall.models import Subscription, WebhookEvent

from .emails import send_subscription_email
from .providers import PaymentProvider, get_provider
from .subscriptions import apply_provider_state

Status = Subscription.Status
Event = dict[str, Any]

# Stripe's subscription statuses, in ours. A subscription set to cancel at the period's end
# is our CANCELED (access until then); Stripe's "canceled" means it has ended.
STRIPE_STATUSES = {
    "incomplete": Status.PENDING,
    "trialing": Status.TRIALING,
    "active": Status.ACTIVE,
    "past_due": Status.PAST_DUE,
    "unpaid": Status.UNPAID,
    "paused": Status.UNPAID,
    "canceled": Status.EXPIRED,
    "incomplete_expired": Status.EXPIRED,
}


class InvalidWebhook(Exception):
    """The request is not a genuine, fresh Stripe event."""


def verify(*, payload: bytes, signature: str) -> Event:
    """The event, once its signature and timestamp check out (Stripe's SDK does the check)."""
    try:
        stripe.Webhook.construct_event(
            payload,
            signature,
            settings.STRIPE_WEBHOOK_SECRET,
            tolerance=settings.STRIPE_WEBHOOK_TOLERANCE,
        )
        event: Event = json.loads(payload)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise InvalidWebhook(str(error)) from error
    return event


def handle_event(*, event: Event, now: datetime, provider: PaymentProvider | None = None) -> str:
    """Apply one event, once; the outcome says what happened (stored with the event id)."""
    provider = provider or get_provider("stripe")
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = WebhookEvent.objects.create(
                    event_id=event["id"], type=event.get("type", ""), received_at=now
                )
        except IntegrityError:
            return "duplicate"
        handler = HANDLERS.get(record.type)
        record.outcome = handler(event, now, provider) if handler else "ignored"
        record.save(update_fields=["outcome"])
    return record.outcome


def event_time(event: Event) -> datetime:
    return datetime.fromtimestamp(int(event.get("created", 0)), tz=UTC)


def period_end(remote: dict[str, Any]) -> datetime | None:
    """The period end of a Stripe subscription (on its items since API version 2025-03-31)."""
    if remote.get("status") == "trialing" and remote.get("trial_end"):
        return datetime.fromtimestamp(int(remote["trial_end"]), tz=UTC)
    stamp = remote.get("current_period_end")
    if stamp is None:
        items = (remote.get("items") or {}).get("data") or []
        stamp = items[0].get("current_period_end") if items else None
    return datetime.fromtimestamp(int(stamp), tz=UTC) if stamp else None


def find_subscription(remote: dict[str, Any]) -> Subscription | None:
    """Our row for a provider subscription: by its id, else by the checkout's metadata."""
    rows = Subscription.objects.select_for_update().select_related("plan", "user")
    found = rows.filter(provider_reference=remote["id"]).first()
    if found is None:
        ours = (remote.get("metadata") or {}).get("subscription_id", "")
        found = rows.filter(pk=int(ours)).first() if str(ours).isdigit() else None
    return found


def sync(
    *,
    event: Event,
    reference: str,
    reported: dict[str, Any] | None,
    now: datetime,
    provider: PaymentProvider,
) -> str:
    remote = provider.fetch_subscription(reference=reference, reported=reported)
    if not remote:
        return "no subscription to apply"
    subscription = find_subscription(remote)
    if subscription is None:
        return "unknown subscription"
    at = event_time(event)
    if (
        not provider.fetches_state
        and subscription.provider_synced_at
        and at < subscription.provider_synced_at
    ):
        return "older than the state applied"
    note = f"{event.get('type', 'sync')} {event.get('id', '')}"
    return apply_remote(subscription=subscription, remote=remote, at=at, now=now, note=note)


def apply_remote(
    *, subscription: Subscription, remote: dict[str, Any], at: datetime, now: datetime, note: str
) -> str:
    """Bring our row to the provider's subscription; the outcome says what it did."""
    status = STRIPE_STATUSES.get(str(remote.get("status")))
    if status is None:
        return f"unknown status {remote.get('status')}"
    if status in (Status.TRIALING, Status.ACTIVE) and remote.get("cancel_at_period_end"):
        status = Status.CANCELED
    subscription.provider_reference = remote["id"]
    subscription.provider_customer = str(remote.get("customer") or subscription.provider_customer)
    subscription.provider_synced_at = max(filter(None, [at, subscription.provider_synced_at]))
    subscription.save(
        update_fields=["provider_reference", "provider_customer", "provider_synced_at"]
    )
    changed = apply_provider_state(
        subscription=subscription,
        status=status,
        period_end=period_end(remote),
        now=now,
        note=note,
    )
    return f"applied: {subscription.status}" if changed else f"unchanged: {subscription.status}"


def reconcile(*, now: datetime, provider: PaymentProvider | None = None) -> list[str]:
    """Re-read every live Stripe subscription and repair drift from missed webhooks.

    Returns one line per subscription that changed.
    """
    provider = provider or get_provider("stripe")
    changes = []
    live = Subscription.objects.live().filter(provider=provider.name).exclude(provider_reference="")
    for pk in live.values_list("pk", flat=True):
        with transaction.atomic():
            subscription = (
                Subscription.objects.select_for_update().select_related("plan", "user").get(pk=pk)
            )
            before = subscription.status
            remote = provider.fetch_subscription(
                reference=subscription.provider_reference, reported=None
            )
            if not remote:
                continue
            outcome = apply_remote(
                subscription=subscription, remote=remote, at=now, now=now, note="sync_subscriptions"
            )
        if outcome.startswith("applied"):
            changes.append(
                f"{subscription.provider_reference} ({subscription.user}): "
                f"{before} -> {subscription.status}"
            )
    return changes


def on_subscription(event: Event, now: datetime, provider: PaymentProvider) -> str:
    remote = event["data"]["object"]
    return sync(event=event, reference=remote["id"], reported=remote, now=now, provider=provider)


def on_trial_will_end(event: Event, now: datetime, provider: PaymentProvider) -> str:
    """Three days before a trial ends: apply the state, then tell the reader what comes next."""
    outcome = on_subscription(event, now, provider)
    subscription = find_subscription(event["data"]["object"])
    if subscription is not None and subscription.is_trialing:
        send_subscription_email(subscription=subscription, kind="trial_ending")
        outcome += "; trial-ending email sent"
    return outcome


def on_checkout_completed(event: Event, now: datetime, provider: PaymentProvider) -> str:
    session = event["data"]["object"]
    ours = str(session.get("client_reference_id") or "")
    reference = str(session.get("subscription") or "")
    if ours.isdigit() and reference:
        Subscription.objects.filter(pk=int(ours), provider_reference="").update(
            provider_reference=reference,
            provider_customer=str(session.get("customer") or ""),
        )
    if not provider.fetches_state:
        return "linked"  # the subscription's own events follow
    return sync(event=event, reference=reference, reported=None, now=now, provider=provider)


def invoice_subscription(invoice: dict[str, Any]) -> str:
    """The subscription an invoice bills (under parent.subscription_details since 2025-03-31)."""
    direct = invoice.get("subscription")
    if direct:
        return str(direct)
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    return str(details.get("subscription") or "")


def on_invoice(event: Event, now: datetime, provider: PaymentProvider) -> str:
    reference = invoice_subscription(event["data"]["object"])
    if not provider.fetches_state:
        return "noted"  # the test provider's subscription events carry the state
    return sync(event=event, reference=reference, reported=None, now=now, provider=provider)


def on_refund(event: Event, now: datetime, provider: PaymentProvider) -> str:
    # A refund alone changes no access; ending a subscription arrives as its own event.
    return "noted"


HANDLERS: dict[str, Callable[[Event, datetime, PaymentProvider], str]] = {
    "checkout.session.completed": on_checkout_completed,
    "customer.subscription.created": on_subscription,
    "customer.subscription.updated": on_subscription,
    "customer.subscription.deleted": on_subscription,
    "customer.subscription.trial_will_end": on_trial_will_end,
    "invoice.paid": on_invoice,
    "invoice.payment_failed": on_invoice,
    "charge.refunded": on_refund,
}
