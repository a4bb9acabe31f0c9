"""What a subscriber changes on the account page: switch plan, cancel, take the retention
offer, resume; and what the account page shows of the bill (next charge, the card).

Each change asks the subscription's provider, which answers with the subscription as it
then stands in Stripe's shape; `webhooks.apply_answer` applies it (the local providers'
answers go through the webhook handler as events), so status changes, emails and the audit
trail are those of the webhooks.
"""

from dataclasses import dataclass
from datetime import datetime

from paywall.models import Plan, Subscription

from .plans import offered_plans
from .policy import get_policy
from .proration import Proration, shift_months
from .providers import NextCharge, ProviderError, get_provider
from .subscriptions import SubscriptionError
from .subscriptions import cancel as withdraw_or_cancel
from .webhooks import apply_answer

Status = Subscription.Status


@dataclass(frozen=True)
class Billing:
    """The bill as the account page shows it."""

    next_charge: NextCharge | None
    card: str
    has_portal: bool
    switch_to: list[Plan]


def billing_for(*, subscription: Subscription, now: datetime) -> Billing:
    provider = get_provider(subscription.provider)
    return Billing(
        next_charge=provider.next_charge(subscription=subscription, now=now),
        card=subscription.card_summary,
        has_portal=provider.name == "stripe" and bool(subscription.provider_customer),
        switch_to=switchable_plans(subscription=subscription),
    )


def switchable_plans(*, subscription: Subscription) -> list[Plan]:
    """The offered plans with the other billing interval (monthly <-> annual)."""
    if subscription.status not in (Status.TRIALING, Status.ACTIVE):
        return []
    current = subscription.plan
    return [
        plan
        for plan in offered_plans()
        if plan.interval != current.interval and plan.currency == current.currency
    ]


def _check_switch(*, subscription: Subscription, plan: Plan) -> None:
    if subscription.is_canceled:
        raise SubscriptionError("Resume your subscription first; then you can switch plans.")
    if subscription.status not in (Status.TRIALING, Status.ACTIVE):
        raise SubscriptionError("Plans can be switched once your payment is up to date.")
    if plan not in switchable_plans(subscription=subscription):
        raise SubscriptionError("This plan cannot be switched to.")


def preview_switch(*, subscription: Subscription, plan: Plan, now: datetime) -> Proration:
    """What switching costs today, by the rule of paywall.services.proration."""
    _check_switch(subscription=subscription, plan=plan)
    provider = get_provider(subscription.provider)
    return provider.preview_switch(subscription=subscription, plan=plan, now=now)


def switch_plan(
    *, subscription: Subscription, plan: Plan, proration_date: int, now: datetime
) -> Subscription:
    """Move to plan, prorated as previewed (the same proration moment)."""
    _check_switch(subscription=subscription, plan=plan)
    provider = get_provider(subscription.provider)
    try:
        remote = provider.switch_plan(
            subscription=subscription, plan=plan, proration_date=proration_date, now=now
        )
    except ProviderError as error:
        raise SubscriptionError(str(error)) from error
    apply_answer(subscription=subscription, remote=remote, now=now, provider=provider)
    return subscription


def retention_offer(*, subscription: Subscription) -> int:
    """The free months offered to this subscriber on the cancel page (0: no offer).

    Offered once per reader, in a trial (it runs that much longer) or paying (that many
    months are free), when the policy sets one.
    """
    months = get_policy().retention_free_months
    if months <= 0 or subscription.status not in (Status.TRIALING, Status.ACTIVE):
        return 0
    taken = Subscription.objects.for_reader(subscription.user).filter(
        retention_offer_accepted_at__isnull=False
    )
    return 0 if taken.exists() else months


def trial_with_offer_ends(*, subscription: Subscription, months: int) -> datetime | None:
    """When a trial that takes the offer would end (None for a paid subscription)."""
    end = subscription.current_period_end
    return shift_months(end, months) if subscription.is_trialing and end and months else None


def accept_retention_offer(*, subscription: Subscription, now: datetime) -> int:
    """Stay and get the offered months free; returns how many."""
    months = retention_offer(subscription=subscription)
    if not months:
        raise SubscriptionError("This offer is not available on your subscription.")
    provider = get_provider(subscription.provider)
    try:
        remote = provider.give_free_months(subscription=subscription, months=months, now=now)
    except ProviderError as error:
        raise SubscriptionError(str(error)) from error
    Subscription.objects.filter(pk=subscription.pk).update(retention_offer_accepted_at=now)
    apply_answer(subscription=subscription, remote=remote, now=now, provider=provider)
    return months


def cancel(*, subscription: Subscription, now: datetime) -> Subscription:
    """Cancel at the period's end: access is kept until then; renewal stops.

    A pending subscription is withdrawn; one whose payment failed has no paid period left
    to keep, so it ends now. The manual provider has no provider to ask.
    """
    provider = get_provider(subscription.provider)
    if subscription.is_pending or provider.name == "manual":
        return withdraw_or_cancel(subscription=subscription, now=now)
    if not subscription.is_cancelable:
        raise SubscriptionError("This subscription is already canceled or has ended.")
    try:
        if subscription.is_past_due or subscription.is_unpaid:
            remote = provider.end_now(subscription=subscription, now=now)
        else:
            remote = provider.set_cancel_at_period_end(
                subscription=subscription, cancel=True, now=now
            )
    except ProviderError as error:
        raise SubscriptionError(str(error)) from error
    apply_answer(subscription=subscription, remote=remote, now=now, provider=provider)
    return subscription


def can_resume(*, subscription: Subscription, now: datetime) -> bool:
    return subscription.is_canceled and subscription.grants_access(now)


def resume(*, subscription: Subscription, now: datetime) -> Subscription:
    """Undo a cancel before the period ends: renewal goes on as before."""
    if not can_resume(subscription=subscription, now=now):
        raise SubscriptionError("There is no canceled subscription to resume.")
    provider = get_provider(subscription.provider)
    try:
        remote = provider.set_cancel_at_period_end(subscription=subscription, cancel=False, now=now)
    except ProviderError as error:
        raise SubscriptionError(str(error)) from error
    apply_answer(subscription=subscription, remote=remote, now=now, provider=provider)
    return subscription
