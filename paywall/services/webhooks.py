"""Provider events (Stripe's webhooks, and the test provider's events) applied once, in any order.

Every event is stored by id first, so a duplicate delivery changes nothing. The subscription
events are applied as the provider's API returns the subscription *now* (Stripe), so an
`updated` before its `created`, or a late `active` after `canceled`, brings the row to the
current state and never back; a provider that cannot be asked (the test one) has events
older than the last applied one ignored instead.
"""

import json
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from paywall.models import Refund, Subscription, TrialCard, WebhookEvent

from .emails import send_subscription_email
from .providers import PaymentProvider, Remote, StripeStatus, from_cents, get_provider
from .subscriptions import apply_provider_state

Status = Subscription.Status
Event = dict[str, Any]

# Stripe's subscription statuses, in ours. A subscription set to cancel at the period's end
# is our CANCELED (access until then); Stripe's "canceled" means it has ended.
STRIPE_STATUSES: dict[str, str] = {
    StripeStatus.INCOMPLETE: Status.PENDING,
    StripeStatus.TRIALING: Status.TRIALING,
    StripeStatus.ACTIVE: Status.ACTIVE,
    StripeStatus.PAST_DUE: Status.PAST_DUE,
    StripeStatus.UNPAID: Status.UNPAID,
    StripeStatus.PAUSED: Status.UNPAID,
    StripeStatus.CANCELED: Status.EXPIRED,
    StripeStatus.INCOMPLETE_EXPIRED: Status.EXPIRED,
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
    """Apply one event, once; the outcome says what happened (stored with the event id).

    The id is stored in the transaction that applies the event: a duplicate delivered at
    the same moment waits on the subscription's row lock, then fails the unique id and
    rolls back, so it changes nothing.
    """
    provider = provider or get_provider("stripe")
    event_id, kind = str(event["id"]), str(event.get("type", ""))
    if WebhookEvent.objects.filter(event_id=event_id).exists():
        return "duplicate"
    try:
        with transaction.atomic():
            handler = HANDLERS.get(kind)
            outcome = handler(event, now, provider) if handler else "ignored"
            WebhookEvent.objects.create(
                event_id=event_id, type=kind, received_at=now, outcome=outcome[:200]
            )
    except IntegrityError:
        if WebhookEvent.objects.filter(event_id=event_id).exists():
            return "duplicate"
        raise
    return outcome


def envelope(*, kind: str, obj: dict[str, Any], now: datetime) -> Event:
    """An event as Stripe sends one (id, type, created in Unix seconds, data.object), for
    the changes the local providers make."""
    return {
        "id": f"evt_test_{secrets.token_hex(12)}",
        "object": "event",
        "type": kind,
        "created": int(now.timestamp()),
        "livemode": False,
        "data": {"object": obj},
    }


def apply_answer(
    *, subscription: Subscription, remote: Remote, now: datetime, provider: PaymentProvider
) -> str:
    """Apply the subscription a provider answered a change with.

    Stripe answers with the subscription as it now stands: applied at once (the webhook
    that follows changes nothing). A local provider's answer goes through the webhook
    handler as the `customer.subscription.updated` event Stripe would send.
    """
    if not provider.fetches_state:
        event = envelope(kind="customer.subscription.updated", obj=remote, now=now)
        outcome = handle_event(event=event, now=now, provider=provider)
    else:
        with transaction.atomic():
            locked = find_subscription(remote) or subscription
            outcome = apply_remote(
                subscription=locked,
                remote=remote,
                at=now,
                now=now,
                note="changed by reader",
                provider=provider,
            )
    subscription.refresh_from_db()
    return outcome


def event_time(event: Event) -> datetime:
    return datetime.fromtimestamp(int(event.get("created", 0)), tz=UTC)


def period_end(remote: dict[str, Any]) -> datetime | None:
    """The period end of a Stripe subscription (on its items since API version 2025-03-31)."""
    if remote.get("status") == StripeStatus.TRIALING and remote.get("trial_end"):
        return datetime.fromtimestamp(int(remote["trial_end"]), tz=UTC)
    stamp = remote.get("current_period_end")
    if stamp is None:
        items = (remote.get("items") or {}).get("data") or []
        stamp = items[0].get("current_period_end") if items else None
    return datetime.fromtimestamp(int(stamp), tz=UTC) if stamp else None


def locked_subscriptions() -> QuerySet[Subscription]:
    """Subscriptions with their plan and reader, each row found locked until the transaction
    ends: two events of one subscription are applied one after the other.

    Only the subscription's row is locked (FOR UPDATE on a join would lock the plan's row
    too, and every event of every subscription on that plan would queue behind it), and as
    NO KEY UPDATE, the lock an UPDATE takes anyway: rows that refer to it can still be added.
    """
    return Subscription.objects.select_for_update(of=("self",), no_key=True).select_related(
        "plan", "user"
    )


def find_subscription(remote: dict[str, Any], *, ours: str = "") -> Subscription | None:
    """Our row for a provider subscription, in one query: by its id, else by our id that
    the checkout carried (the subscription's metadata, or the session's reference)."""
    reference = str(remote["id"])
    ours = str((remote.get("metadata") or {}).get("subscription_id") or ours)
    match = Q(provider_reference=reference)
    if ours.isdigit():
        match |= Q(pk=int(ours))
    rows = list(locked_subscriptions().filter(match)[:2])
    by_reference = [row for row in rows if row.provider_reference == reference]
    return next(iter(by_reference or rows), None)


def sync(
    *,
    event: Event,
    reference: str,
    reported: dict[str, Any] | None,
    now: datetime,
    provider: PaymentProvider,
    ours: str = "",
) -> tuple[str, Subscription | None]:
    """Apply the provider's subscription; the outcome, and our row (locked) when found.

    Stripe is asked while our row is locked: two events of one subscription delivered at
    the same moment then fetch one after the other, and the state fetched last (the newest)
    is the one applied last. A row the event alone cannot name (an invoice before the
    checkout linked it) is found by the subscription fetched, then fetched again, locked.
    """
    subscription = None
    if provider.fetches_state:
        subscription = find_subscription(reported or {"id": reference}, ours=ours)
    remote = provider.fetch_subscription(reference=reference, reported=reported)
    if not remote:
        return "no subscription to apply", None
    if subscription is None:
        subscription = find_subscription(remote, ours=ours)
        if subscription is None:
            return "unknown subscription", None
        if provider.fetches_state:
            remote = provider.fetch_subscription(reference=reference, reported=reported)
            if not remote:
                return "no subscription to apply", None
    at = event_time(event)
    if (
        not provider.fetches_state
        and subscription.provider_synced_at
        and at < subscription.provider_synced_at
    ):
        return "older than the state applied", subscription
    note = f"{event.get('type', 'sync')} {event.get('id', '')}"
    outcome = apply_remote(
        subscription=subscription, remote=remote, at=at, now=now, note=note, provider=provider
    )
    return outcome, subscription


def card_of(remote: dict[str, Any]) -> dict[str, Any] | None:
    """The card a subscription charges, when the object carries it expanded."""
    method = remote.get("default_payment_method")
    if not isinstance(method, dict):
        return None
    card = method.get("card")
    return card if isinstance(card, dict) else None


def card_summary(card: dict[str, Any]) -> str:
    brand = {"amex": "American Express", "mastercard": "Mastercard"}.get(
        str(card.get("brand")), str(card.get("brand") or "Card").title()
    )
    summary = f"{brand} ending {card.get('last4', '????')}"
    if card.get("exp_month") and card.get("exp_year"):
        summary += f", expires {int(card['exp_month']):02d}/{card['exp_year']}"
    return summary[:60]


def price_of(remote: dict[str, Any]) -> str:
    items = (remote.get("items") or {}).get("data") or []
    price = items[0].get("price") if items else None
    return str(price.get("id") if isinstance(price, dict) else price or "")


# What apply_remote brings over from the provider beside the status and period.
LINK_FIELDS = [
    "provider_reference",
    "provider_customer",
    "provider_synced_at",
    "plan",
    "card_summary",
    "card_fingerprint",
]


def apply_remote(
    *,
    subscription: Subscription,
    remote: dict[str, Any],
    at: datetime,
    now: datetime,
    note: str,
    provider: PaymentProvider,
) -> str:
    """Bring our row to the provider's subscription; the outcome says what it did.

    Beside the status and period: the plan (by its price), the card it charges, and the
    one-trial-per-card rule (a card that has had a trial on another account ends this
    trial at once: the subscription starts paid).
    """
    status = STRIPE_STATUSES.get(str(remote.get("status")))
    if status is None:
        return f"unknown status {remote.get('status')}"
    if status in (Status.TRIALING, Status.ACTIVE) and remote.get("cancel_at_period_end"):
        status = Status.CANCELED
    before = (
        subscription.provider_reference,
        subscription.provider_customer,
        subscription.card_summary,
        subscription.card_fingerprint,
    )
    subscription.provider_reference = remote["id"]
    subscription.provider_customer = str(remote.get("customer") or subscription.provider_customer)
    # The newest event applied: the local providers' ordering guard (Stripe's is the fetch).
    subscription.provider_synced_at = max(filter(None, [at, subscription.provider_synced_at]))
    price = price_of(remote)
    plan = None
    if price and price != provider.price_for(plan=subscription.plan):
        plan = provider.plan_for_price(price=price)
    switched = plan is not None and plan.pk != subscription.plan_id and not subscription.is_expired
    if switched and plan is not None:
        note = f"{note}; plan {subscription.plan.slug} -> {plan.slug}"[:200]
        subscription.plan = plan
    card = card_of(remote)
    if card:
        subscription.card_summary = card_summary(card)
        subscription.card_fingerprint = str(card.get("fingerprint") or "")
    after = (
        subscription.provider_reference,
        subscription.provider_customer,
        subscription.card_summary,
        subscription.card_fingerprint,
    )
    # Saved with the status when that changes (one UPDATE), else on their own.
    unsaved = switched or before != after or not provider.fetches_state
    if status == Status.TRIALING and card_had_trial_elsewhere(subscription):
        ended = provider.end_trial_now(subscription=subscription, now=now)
        subscription.trial_refused_at = now
        subscription.save(update_fields=["trial_refused_at", *LINK_FIELDS])
        outcome = apply_remote(
            subscription=subscription,
            remote=ended,
            at=at,
            now=now,
            note=f"{note}; trial refused: the card had a trial",
            provider=provider,
        )
        return f"{outcome} (trial refused: the card had a trial)"
    changed = apply_provider_state(
        subscription=subscription,
        status=status,
        period_end=period_end(remote),
        now=now,
        note=note,
    )
    if unsaved and not changed:
        subscription.save(update_fields=LINK_FIELDS)
    if subscription.is_trialing and subscription.card_fingerprint:
        TrialCard.objects.get_or_create(
            fingerprint=subscription.card_fingerprint,
            defaults={"user": subscription.user, "subscription": subscription, "seen_at": now},
        )
    applied = changed or switched
    return f"applied: {subscription.status}" if applied else f"unchanged: {subscription.status}"


def card_had_trial_elsewhere(subscription: Subscription) -> bool:
    """True when the subscription's card had a free trial on another reader's account."""
    fingerprint = subscription.card_fingerprint
    if not fingerprint:
        return False
    others = TrialCard.objects.filter(fingerprint=fingerprint).exclude(user=subscription.user)
    return others.exists()


def reconcile(*, now: datetime, provider: PaymentProvider | None = None) -> list[str]:
    """Re-read every live Stripe subscription and repair drift from missed webhooks.

    Returns one line per subscription that changed.
    """
    provider = provider or get_provider("stripe")
    changes = []
    live = Subscription.objects.live().filter(provider=provider.name).exclude(provider_reference="")
    for pk in live.values_list("pk", flat=True):
        with transaction.atomic():
            subscription = locked_subscriptions().get(pk=pk)
            before = subscription.status
            remote = provider.fetch_subscription(
                reference=subscription.provider_reference, reported=None
            )
            if not remote:
                continue
            outcome = apply_remote(
                subscription=subscription,
                remote=remote,
                at=now,
                now=now,
                note="sync_subscriptions",
                provider=provider,
            )
        if outcome.startswith("applied"):
            changes.append(
                f"{subscription.provider_reference} ({subscription.user}): "
                f"{before} -> {subscription.status}"
            )
    return changes


def on_subscription(event: Event, now: datetime, provider: PaymentProvider) -> str:
    remote = event["data"]["object"]
    outcome, _ = sync(
        event=event, reference=remote["id"], reported=remote, now=now, provider=provider
    )
    return outcome


def on_trial_will_end(event: Event, now: datetime, provider: PaymentProvider) -> str:
    """Three days before a trial ends: apply the state, then tell the reader what comes next."""
    remote = event["data"]["object"]
    outcome, subscription = sync(
        event=event, reference=remote["id"], reported=remote, now=now, provider=provider
    )
    if subscription is not None and subscription.is_trialing:
        if subscription.trial_ending_sent_for != subscription.trial_ends_at:
            subscription.trial_ending_sent_for = subscription.trial_ends_at
            subscription.save(update_fields=["trial_ending_sent_for"])
            send_subscription_email(subscription=subscription, kind="trial_ending")
            outcome += "; trial-ending email sent"
    return outcome


def on_checkout_completed(event: Event, now: datetime, provider: PaymentProvider) -> str:
    session = event["data"]["object"]
    ours = str(session.get("client_reference_id") or "")
    reference = str(session.get("subscription") or "")
    if provider.fetches_state:
        # Stripe's subscription, applied to our row (found by the session's reference to it
        # when the subscription's metadata does not name it): linked with its state.
        outcome, _ = sync(
            event=event, reference=reference, reported=None, now=now, provider=provider, ours=ours
        )
        return outcome
    if ours.isdigit() and reference:
        Subscription.objects.filter(pk=int(ours), provider_reference="").update(
            provider_reference=reference,
            provider_customer=str(session.get("customer") or ""),
        )
    return "linked"  # the subscription's own events follow


def invoice_subscription(invoice: dict[str, Any]) -> str:
    """The subscription an invoice bills (under parent.subscription_details since 2025-03-31)."""
    direct = invoice.get("subscription")
    if direct:
        return str(direct)
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    return str(details.get("subscription") or "")


def on_invoice(event: Event, now: datetime, provider: PaymentProvider) -> str:
    invoice = event["data"]["object"]
    reference = invoice_subscription(invoice)
    subscription = None
    if provider.fetches_state:
        outcome, subscription = sync(
            event=event, reference=reference, reported=None, now=now, provider=provider
        )
    else:
        outcome = "noted"  # the local providers' subscription events carry the state
    if event.get("type") == "invoice.paid" and int(invoice.get("amount_paid") or 0) > 0:
        if subscription is None and reference:
            subscription = locked_subscriptions().filter(provider_reference=reference).first()
        outcome += welcome_to_paid(subscription=subscription, now=now)
    return outcome


def welcome_to_paid(*, subscription: Subscription | None, now: datetime) -> str:
    """The first invoice a reader pays (not a trial's zero one): the welcome email, once."""
    if subscription is None or subscription.welcomed_to_paid_at is not None:
        return ""
    subscription.welcomed_to_paid_at = now
    subscription.save(update_fields=["welcomed_to_paid_at"])
    send_subscription_email(subscription=subscription, kind="welcome_paid")
    return "; welcome email sent"


def on_refund(event: Event, now: datetime, provider: PaymentProvider) -> str:
    """Record a refund. The rule: a full refund of the charge that paid the latest invoice
    ends the subscription at once (no access, nothing more charged); a partial refund, or
    one of an older invoice, changes no access."""
    charge = event["data"]["object"]
    subscription = (
        locked_subscriptions()
        .filter(provider_customer=str(charge.get("customer") or "-"))
        .order_by("-created_at", "-pk")
        .first()
    )
    refund, created = Refund.objects.get_or_create(
        charge=str(charge["id"]),
        defaults={
            "subscription": subscription,
            "amount": from_cents(charge.get("amount_refunded")),
            "currency": str(charge.get("currency") or "usd").upper(),
            "full": bool(charge.get("refunded")),
            "at": now,
        },
    )
    if not created:
        refund.amount = from_cents(charge.get("amount_refunded"))
        refund.full = bool(charge.get("refunded"))
        refund.save(update_fields=["amount", "full"])
    if subscription is None or not subscription.is_live or not refund.full:
        return "refund recorded"
    if not provider.refund_ends_access(subscription=subscription, charge=charge):
        return "refund recorded (not the latest invoice)"
    remote = provider.end_now(subscription=subscription, now=now)
    refund.ended_access = True
    refund.save(update_fields=["ended_access"])
    outcome = apply_remote(
        subscription=subscription,
        remote=remote,
        at=event_time(event),
        now=now,
        note=f"refunded in full: {charge['id']}",
        provider=provider,
    )
    return f"refund recorded; {outcome}"


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
