"""Subscriptions: starting a trial, subscribing, paying, canceling, expiring.

Every status change goes through `change_status`, which checks the transition, sets the
dates that go with it and records a SubscriptionEvent (the audit trail and the funnel's
source for trials started and converted).
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User
from django.db import IntegrityError, transaction

from paywall.models import Plan, Subscription, SubscriptionEvent

from .emails import send_subscription_email
from .policy import get_policy
from .proration import interval_months, shift_months
from .providers import PROVIDERS_THAT_RENEW, CheckoutError, PaymentResult, get_provider

if TYPE_CHECKING:  # for annotations only
    from django.db.models import QuerySet

    from articles.models import Article

Status = Subscription.Status

# A provider's report may repeat a status with new dates (a renewal, a trial extended), so
# most statuses may follow themselves; nothing leaves EXPIRED (a late event resurrects nothing).
ALLOWED: dict[str | None, set[str]] = {
    None: {Status.PENDING, Status.TRIALING},
    Status.PENDING: {Status.ACTIVE, Status.TRIALING, Status.PAST_DUE, Status.EXPIRED},
    Status.TRIALING: {
        Status.TRIALING,
        Status.ACTIVE,
        Status.CANCELED,
        Status.PAST_DUE,
        Status.UNPAID,
        Status.EXPIRED,
    },
    Status.ACTIVE: {Status.ACTIVE, Status.CANCELED, Status.PAST_DUE, Status.UNPAID, Status.EXPIRED},
    # Resuming before the period ends: back to active, or to the trial that was canceled.
    Status.CANCELED: {Status.ACTIVE, Status.TRIALING, Status.CANCELED, Status.EXPIRED},
    Status.PAST_DUE: {
        Status.ACTIVE,
        Status.PAST_DUE,
        Status.UNPAID,
        Status.CANCELED,
        Status.EXPIRED,
    },
    Status.UNPAID: {Status.ACTIVE, Status.PAST_DUE, Status.CANCELED, Status.EXPIRED},
    Status.EXPIRED: set(),
}


class SubscriptionError(Exception):
    """A reader-facing reason why a subscription change cannot happen."""


def add_interval(moment: datetime, interval: str) -> datetime:
    """One billing period later: a calendar month (clamped to the month's end) or a year."""
    return shift_months(moment, interval_months(interval))


def change_status(
    *,
    subscription: Subscription,
    to: str,
    now: datetime,
    note: str = "",
    period_end: datetime | None = None,
) -> Subscription:
    """The one place a subscription's status changes.

    period_end is the end of the trial or paid period as a payment provider reports it;
    without it the period follows from the plan.
    """
    previous = subscription.status or None
    if to not in ALLOWED[previous]:
        raise SubscriptionError(f"A subscription cannot go from {previous or 'nothing'} to {to}.")
    if to == Status.PAST_DUE:
        # Access is kept for the policy's grace period from the first failed payment (the
        # provider has already moved its period on to the one that is not paid).
        if previous != Status.PAST_DUE:
            grace = timedelta(days=get_policy().past_due_grace_days)
            subscription.current_period_end = now + grace
    elif period_end is not None:
        if to == Status.TRIALING:
            subscription.trial_ends_at = period_end
        subscription.current_period_end = period_end
        if to in (Status.ACTIVE, Status.TRIALING):
            subscription.canceled_at = None
        elif to == Status.CANCELED and previous != Status.CANCELED:
            subscription.canceled_at = now
    elif to == Status.TRIALING:
        subscription.trial_ends_at = now + timedelta(days=subscription.plan.trial_days)
        subscription.current_period_end = subscription.trial_ends_at
    elif to == Status.ACTIVE:
        # A payment covers one period from the later of now and the end of what is paid.
        start = max(filter(None, [now, subscription.current_period_end]))
        subscription.current_period_end = add_interval(start, subscription.plan.interval)
        subscription.canceled_at = None
    elif to == Status.CANCELED:
        subscription.canceled_at = now
    elif to == Status.EXPIRED and previous == Status.PENDING:
        subscription.current_period_end = now
    subscription.status = to
    # Inside a caller's transaction (a webhook's) no savepoint is needed: a failure here
    # fails the whole of it.
    with transaction.atomic(savepoint=False):
        subscription.save()
        SubscriptionEvent.objects.create(
            subscription=subscription,
            from_status=previous or "",
            to_status=to,
            at=now,
            note=note[:200],
        )
    return subscription


def live_subscription(*, user: User | AnonymousUser) -> Subscription | None:
    return Subscription.objects.live().for_reader(user).select_related("plan").first()


def pending_checkouts(*, user: User | AnonymousUser) -> "QuerySet[Subscription]":
    """The reader's subscriptions waiting for their checkout to complete."""
    return (
        Subscription.objects.for_reader(user)
        .filter(status=Status.PENDING)
        .select_related("plan", "started_from")
    )


def has_had_trial(*, user: User | AnonymousUser) -> bool:
    return Subscription.objects.for_reader(user).filter(trial_ends_at__isnull=False).exists()


def _create(
    *,
    user: User,
    plan: Plan,
    status: str,
    now: datetime,
    started_from: "Article | None" = None,
    note: str = "",
) -> Subscription:
    if not plan.is_active:
        raise SubscriptionError("This plan is no longer offered.")
    if live_subscription(user=user):
        raise SubscriptionError("You already have a subscription; there is nothing to pay.")
    subscription = Subscription(
        user=user, plan=plan, started_from=started_from, provider=get_provider().name
    )
    try:
        with transaction.atomic():
            change_status(subscription=subscription, to=status, now=now, note=note)
    except IntegrityError as exc:  # Two clicks at once: the unique constraint keeps one.
        raise SubscriptionError("You already have a subscription.") from exc
    return subscription


def start_trial(
    *, user: User, plan: Plan, now: datetime, started_from: "Article | None" = None
) -> Subscription:
    """A free trial of plan: once per reader, never beside another subscription."""
    if plan.trial_days <= 0:
        raise SubscriptionError("This plan has no free trial.")
    if has_had_trial(user=user):
        raise SubscriptionError(
            "You have already had a free trial. You can still subscribe to keep reading."
        )
    subscription = _create(
        user=user,
        plan=plan,
        status=Status.TRIALING,
        now=now,
        started_from=started_from,
        note="trial started",
    )
    send_subscription_email(subscription=subscription, kind="trial_started")
    return subscription


def subscribe(
    *, user: User, plan: Plan, now: datetime, started_from: "Article | None" = None
) -> tuple[Subscription, PaymentResult]:
    """A subscription without a trial, awaiting its first payment at the provider."""
    subscription = _create(
        user=user,
        plan=plan,
        status=Status.PENDING,
        now=now,
        started_from=started_from,
        note="awaiting first payment",
    )
    return subscription, get_provider(subscription.provider).begin(subscription=subscription)


def start_checkout(
    *,
    user: User,
    plan: Plan,
    now: datetime,
    success_url: str,
    cancel_url: str,
    started_from: "Article | None" = None,
) -> str:
    """Send the reader to the provider's checkout: the address to redirect to.

    The pending row holds the reader's one live place, so a second checkout cannot make a
    second subscription; a reader who comes back reuses it (a new attempt, a new idempotency
    key). If the provider cannot be reached the row is withdrawn: nothing half-made stays live.
    """
    provider = get_provider()
    subscription = live_subscription(user=user)
    if subscription and subscription.is_pending and subscription.provider == provider.name:
        subscription.plan, subscription.started_from = plan, started_from
        subscription.save(update_fields=["plan", "started_from", "updated_at"])
    else:
        subscription = _create(
            user=user,
            plan=plan,
            status=Status.PENDING,
            now=now,
            started_from=started_from,
            note="checkout started",
        )
    trial_days = 0 if has_had_trial(user=user) else plan.trial_days
    try:
        return provider.start_checkout(
            subscription=subscription,
            trial_days=trial_days,
            success_url=success_url,
            cancel_url=cancel_url,
            attempt=str(int(now.timestamp())),
        )
    except CheckoutError as error:
        change_status(subscription=subscription, to=Status.EXPIRED, now=now, note="checkout failed")
        raise SubscriptionError(str(error)) from error


def apply_provider_state(
    *,
    subscription: Subscription,
    status: str,
    period_end: datetime | None,
    now: datetime,
    note: str,
) -> bool:
    """Bring a subscription to the state its provider reports; True if anything changed.

    The same report twice changes nothing, and a move the table forbids (anything out of
    EXPIRED) is ignored: a late event never resurrects a subscription.
    """
    previous = subscription.status
    same_period = status == Status.PAST_DUE or subscription.current_period_end == period_end
    if (status == previous and same_period) or status not in ALLOWED[previous or None]:
        return False
    change_status(subscription=subscription, to=status, now=now, note=note, period_end=period_end)
    if status == Status.TRIALING and previous in ("", Status.PENDING):
        send_subscription_email(subscription=subscription, kind="trial_started")
    elif status == Status.CANCELED and previous != Status.CANCELED:
        send_subscription_email(subscription=subscription, kind="canceled")
    elif status == Status.PAST_DUE and previous != Status.PAST_DUE:
        send_subscription_email(subscription=subscription, kind="payment_failed")
    return True


def mark_paid(*, subscription: Subscription, now: datetime, reference: str = "") -> Subscription:
    """Record one period's payment: trial or pending becomes active, active is extended."""
    result = get_provider(subscription.provider).record_payment(
        subscription=subscription, reference=reference
    )
    if not result.paid:
        raise SubscriptionError(result.message or "The payment was not recorded.")
    subscription.provider_reference = result.reference
    return change_status(
        subscription=subscription, to=Status.ACTIVE, now=now, note=f"paid: {result.reference}"
    )


def cancel(*, subscription: Subscription, now: datetime) -> Subscription:
    """Stop renewal; access continues until the current period ends.

    A subscription still awaiting its first payment is withdrawn (it never gave access).
    """
    if subscription.is_pending:
        return change_status(
            subscription=subscription, to=Status.EXPIRED, now=now, note="withdrawn by reader"
        )
    if not subscription.is_cancelable:
        raise SubscriptionError("This subscription is already canceled or has ended.")
    get_provider(subscription.provider).cancel(subscription=subscription)
    change_status(subscription=subscription, to=Status.CANCELED, now=now, note="canceled by reader")
    send_subscription_email(subscription=subscription, kind="canceled")
    return subscription


# Stripe renews a subscription itself and says so by webhook moments after its period ends
# (the invoice is charged about an hour later). Expiring it in that gap would be for good
# (nothing leaves EXPIRED), so a subscription its provider renews keeps access and waits this
# long for the provider's word; `sync_subscriptions` repairs a webhook that never came.
PROVIDER_RENEWAL_MARGIN = timedelta(hours=24)


def access_ends_at(*, provider: str, period_end: datetime | None) -> datetime | None:
    """When a subscription stops giving access if nobody renews it: its period end, and for
    one its provider renews, the renewal margin after it. The reader's subscription state
    (paywall/readers.py) carries this, so the access decision needs no special case."""
    if period_end is not None and provider in PROVIDERS_THAT_RENEW:
        return period_end + PROVIDER_RENEWAL_MARGIN
    return period_end


def awaiting_renewal(*, subscription: Subscription, now: datetime) -> bool:
    """Past its period end, but within the margin its provider has to renew it."""
    ends_at = access_ends_at(
        provider=subscription.provider, period_end=subscription.current_period_end
    )
    return subscription.is_due_to_expire(now) and ends_at is not None and now < ends_at


def expire_if_due(*, subscription: Subscription, now: datetime) -> Subscription:
    """The check on read: a subscription past its period end expires now (one its provider
    renews, once the renewal margin has passed)."""
    if subscription.is_due_to_expire(now) and not awaiting_renewal(
        subscription=subscription, now=now
    ):
        change_status(subscription=subscription, to=Status.EXPIRED, now=now, note="period ended")
    return subscription


def expire_due(*, now: datetime) -> int:
    """The periodic sweep: expire every subscription whose period (and margin) has ended."""
    count = 0
    for subscription in Subscription.objects.due_to_expire(now).select_related("plan"):
        if expire_if_due(subscription=subscription, now=now).status == Status.EXPIRED:
            count += 1
    return count
