"""Payment providers behind one small interface, chosen with PAYWALL_PAYMENT_PROVIDER.

- `stripe`: Stripe Checkout (subscription mode) through the official SDK, the Customer Portal
  for cards and receipts, and webhooks (paywall.services.webhooks) that apply the
  subscription as fetched from Stripe's API.
- `test`: the default without a Stripe key. A local checkout page clearly marked TEST MODE;
  confirming it feeds Stripe-shaped events to the same webhook handler (see
  paywall.services.test_checkout), so `make run` and the demo run the whole pipeline.
- `manual`: no card; staff record payments with the admin's "Mark paid" action.
"""

import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

import stripe
from django.conf import settings
from django.urls import reverse

from paywall.models import Plan, Subscription, money_display

from .proration import Proration, interval_months, local_proration, shift_months

if TYPE_CHECKING:  # for annotations only
    from django.contrib.auth.models import User

UNREACHABLE = (
    "We could not reach our payment service, so nothing was charged and no subscription "
    "was started. Please try again in a few minutes."
)


UNREACHABLE_NOW = (
    "We could not reach our payment service, so nothing was changed. Please try again in a "
    "few minutes."
)


class CheckoutError(Exception):
    """A reader-facing reason why checkout could not start (nothing was created there)."""


class ProviderError(Exception):
    """The provider refused or could not be reached: a reader-facing reason, nothing changed."""


@dataclass(frozen=True)
class PaymentResult:
    paid: bool
    reference: str = ""
    message: str = ""


@dataclass(frozen=True)
class NextCharge:
    at: datetime
    amount: Decimal
    currency: str

    @property
    def amount_display(self) -> str:
        return money_display(self.amount, self.currency)


Remote = dict[str, Any]  # a subscription in the shape of Stripe's subscription object


class PaymentProvider(Protocol):
    name: str
    # True: subscribing sends the reader to a checkout page and the provider's events move
    # the subscription; False: a trial starts at once and staff record payments.
    uses_checkout: bool
    # True: events are applied as the provider's API returns the subscription now.
    fetches_state: bool

    def begin(self, *, subscription: Subscription) -> PaymentResult:
        """A subscription without a trial was created: collect its first payment."""

    def record_payment(self, *, subscription: Subscription, reference: str) -> PaymentResult:
        """A payment for one period was received."""

    def cancel(self, *, subscription: Subscription) -> None:
        """Stop future renewals at the provider."""

    def start_checkout(
        self,
        *,
        subscription: Subscription,
        trial_days: int,
        success_url: str,
        cancel_url: str,
        attempt: str,
    ) -> str:
        """The address of the checkout page for this pending subscription."""

    def portal_url(self, *, reader: "User", return_url: str) -> str | None:
        """Where the reader updates the card and finds receipts, if the provider has one."""

    def fetch_subscription(
        self, *, reference: str, reported: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """The provider's subscription as it stands now (or as the event reported it)."""

    def price_for(self, *, plan: Plan) -> str:
        """The provider's price id for a plan ("" when it has none)."""

    def plan_for_price(self, *, price: str) -> Plan | None:
        """Our plan for one of the provider's price ids."""

    def next_charge(self, *, subscription: Subscription, now: datetime) -> NextCharge | None:
        """When the reader is charged next, and how much."""

    def preview_switch(self, *, subscription: Subscription, plan: Plan, now: datetime) -> Proration:
        """What switching to plan costs today (see paywall.services.proration)."""

    def switch_plan(
        self, *, subscription: Subscription, plan: Plan, proration_date: int, now: datetime
    ) -> Remote:
        """Move the subscription to plan; the subscription as it then stands."""

    def set_cancel_at_period_end(
        self, *, subscription: Subscription, cancel: bool, now: datetime
    ) -> Remote:
        """Cancel at the period's end (True) or resume renewing (False)."""

    def give_free_months(self, *, subscription: Subscription, months: int, now: datetime) -> Remote:
        """The retention offer: the next `months` months cost nothing."""

    def end_trial_now(self, *, subscription: Subscription, now: datetime) -> Remote:
        """End a free trial at once: the subscription is paid from now."""

    def refund_ends_access(self, *, subscription: Subscription, charge: dict[str, Any]) -> bool:
        """True when a fully refunded charge paid the subscription's latest invoice."""

    def end_now(self, *, subscription: Subscription, now: datetime) -> Remote:
        """End the subscription at once (no further charge, no access)."""


class StripeStatus(StrEnum):
    """A Stripe subscription's statuses (Stripe's words, not ours: webhooks maps them)."""

    INCOMPLETE = "incomplete"
    INCOMPLETE_EXPIRED = "incomplete_expired"
    TRIALING = "trialing"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    UNPAID = "unpaid"
    PAUSED = "paused"
    CANCELED = "canceled"  # ended, in Stripe's words; our CANCELED is cancel_at_period_end


# Stripe's statuses for ours, for the local providers' Stripe-shaped subscriptions.
LOCAL_STATUSES: dict[str, str] = {
    Subscription.Status.PENDING: StripeStatus.INCOMPLETE,
    Subscription.Status.TRIALING: StripeStatus.TRIALING,
    Subscription.Status.ACTIVE: StripeStatus.ACTIVE,
    Subscription.Status.PAST_DUE: StripeStatus.PAST_DUE,
    Subscription.Status.UNPAID: StripeStatus.UNPAID,
    Subscription.Status.EXPIRED: StripeStatus.CANCELED,
}


def unix(moment: datetime | None) -> int | None:
    return int(moment.timestamp()) if moment else None


def test_card(number: str) -> dict[str, Any]:
    """A test card number as Stripe describes a card: brand, last 4, expiry, fingerprint."""
    digits = "".join(ch for ch in number if ch.isdigit())
    brand = {"4": "visa", "5": "mastercard", "3": "amex"}.get(digits[:1], "unknown")
    return {
        "brand": brand,
        "last4": digits[-4:],
        "exp_month": 12,
        "exp_year": datetime.now(tz=UTC).year + 4,
        "fingerprint": hashlib.sha256(digits.encode()).hexdigest()[:16],
    }


def local_subscription_object(
    subscription: Subscription,
    *,
    now: datetime,
    plan: Plan | None = None,
    status: str | None = None,
    period_end: datetime | None = None,
    cancel_at_period_end: bool | None = None,
    card: dict[str, Any] | None = None,
) -> Remote:
    """Our row as Stripe would describe it, with the given changes (the local providers)."""
    plan = plan or subscription.plan
    end = period_end or subscription.current_period_end or now
    trial = subscription.trial_ends_at is not None and subscription.trial_ends_at >= end
    if status is None:
        if subscription.is_canceled:
            status = StripeStatus.TRIALING if trial else StripeStatus.ACTIVE
        else:
            status = LOCAL_STATUSES[subscription.status]
    if cancel_at_period_end is None:
        cancel_at_period_end = subscription.is_canceled
    start = shift_months(end, -interval_months(plan.interval))
    remote: Remote = {
        "id": subscription.provider_reference or f"sub_test_{subscription.pk}",
        "object": "subscription",
        "customer": subscription.provider_customer or f"cus_test_{subscription.user_id}",
        "status": status,
        "cancel_at_period_end": cancel_at_period_end,
        "created": unix(subscription.created_at or now),
        "trial_end": unix(end) if status == StripeStatus.TRIALING else None,
        "items": {
            "object": "list",
            "data": [
                {
                    "id": f"si_test_{subscription.pk}",
                    "object": "subscription_item",
                    "current_period_start": unix(min(start, now)),
                    "current_period_end": unix(end),
                    "price": {"id": f"price_test_{plan.slug}", "object": "price"},
                    "quantity": 1,
                }
            ],
        },
        "metadata": checkout_metadata(subscription),
    }
    if card:
        remote["default_payment_method"] = {
            "id": f"pm_test_{card['last4']}",
            "object": "payment_method",
            "type": "card",
            "card": card,
        }
    return remote


class ManualProvider:
    """No card, no charge: payments are recorded by staff in the admin."""

    name = "manual"
    uses_checkout = False
    fetches_state = False

    def begin(self, *, subscription: Subscription) -> PaymentResult:
        return PaymentResult(
            paid=False,
            message="Your subscription is reserved. It starts as soon as our team records "
            "your payment; your account page shows when it has.",
        )

    def record_payment(self, *, subscription: Subscription, reference: str) -> PaymentResult:
        return PaymentResult(paid=True, reference=reference or "recorded by staff")

    def cancel(self, *, subscription: Subscription) -> None:
        return None

    def start_checkout(
        self,
        *,
        subscription: Subscription,
        trial_days: int,
        success_url: str,
        cancel_url: str,
        attempt: str,
    ) -> str:
        raise CheckoutError("This site takes no payments online.")

    def portal_url(self, *, reader: "User", return_url: str) -> str | None:
        return None

    def fetch_subscription(
        self, *, reference: str, reported: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        return reported

    # The local providers keep the subscription themselves: each change is our row, changed,
    # in Stripe's shape; paywall.services.billing feeds it through the webhook handler.

    def price_for(self, *, plan: Plan) -> str:
        return f"price_test_{plan.slug}"

    def plan_for_price(self, *, price: str) -> Plan | None:
        slug = price.removeprefix("price_test_")
        return Plan.objects.filter(slug=slug).first() if slug != price else None

    def next_charge(self, *, subscription: Subscription, now: datetime) -> NextCharge | None:
        if subscription.status not in (Subscription.Status.TRIALING, Subscription.Status.ACTIVE):
            return None
        end = subscription.current_period_end
        plan = subscription.plan
        return NextCharge(at=end, amount=plan.price, currency=plan.currency) if end else None

    def preview_switch(self, *, subscription: Subscription, plan: Plan, now: datetime) -> Proration:
        return local_proration(subscription=subscription, plan=plan, now=now)

    def switch_plan(
        self, *, subscription: Subscription, plan: Plan, proration_date: int, now: datetime
    ) -> Remote:
        proration = local_proration(subscription=subscription, plan=plan, now=now)
        return local_subscription_object(
            subscription, now=now, plan=plan, period_end=proration.new_period_end
        )

    def set_cancel_at_period_end(
        self, *, subscription: Subscription, cancel: bool, now: datetime
    ) -> Remote:
        return local_subscription_object(subscription, now=now, cancel_at_period_end=cancel)

    def give_free_months(self, *, subscription: Subscription, months: int, now: datetime) -> Remote:
        end = shift_months(subscription.current_period_end or now, months)
        return local_subscription_object(subscription, now=now, period_end=end)

    def end_trial_now(self, *, subscription: Subscription, now: datetime) -> Remote:
        end = shift_months(now, interval_months(subscription.plan.interval))
        return local_subscription_object(
            subscription, now=now, status=StripeStatus.ACTIVE, period_end=end
        )

    def refund_ends_access(self, *, subscription: Subscription, charge: dict[str, Any]) -> bool:
        return bool(charge.get("refunded"))

    def end_now(self, *, subscription: Subscription, now: datetime) -> Remote:
        return local_subscription_object(
            subscription,
            now=now,
            status=StripeStatus.CANCELED,
            cancel_at_period_end=False,
            period_end=now,
        )


def checkout_metadata(subscription: Subscription) -> dict[str, str]:
    """What a checkout carries: our subscription, the reader, the article that started it."""
    return {
        "subscription_id": str(subscription.pk),
        "reader_id": str(subscription.user_id),
        "article_id": str(subscription.started_from_id or ""),
    }


def stripe_client() -> stripe.StripeClient:
    """The SDK's client for our settings, one per process: it keeps its connections open."""
    return _client(
        settings.STRIPE_SECRET_KEY, settings.STRIPE_API_BASE, settings.STRIPE_MAX_NETWORK_RETRIES
    )


@functools.lru_cache(maxsize=4)
def _client(secret: str, base: str, retries: int) -> stripe.StripeClient:
    return stripe.StripeClient(secret, base_addresses={"api": base}, max_network_retries=retries)


def cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_cents(amount: int | None) -> Decimal:
    return (Decimal(amount or 0) / 100).quantize(Decimal("0.01"))


class StripeProvider(ManualProvider):
    """Stripe Checkout, the Customer Portal and Stripe's subscription as the truth.

    Every call that creates or changes something at Stripe carries an idempotency key, so a
    retried request (the SDK retries, readers double-click) never acts twice.
    """

    name = "stripe"
    uses_checkout = True
    fetches_state = True

    def begin(self, *, subscription: Subscription) -> PaymentResult:
        return PaymentResult(paid=False, message="Complete the payment on the checkout page.")

    def record_payment(self, *, subscription: Subscription, reference: str) -> PaymentResult:
        return PaymentResult(paid=False, message="Stripe records payments; its events apply them.")

    def cancel(self, *, subscription: Subscription) -> None:
        if subscription.provider_reference.startswith("sub_"):
            stripe_client().v1.subscriptions.update(
                subscription.provider_reference,
                params={"cancel_at_period_end": True},
                options={"idempotency_key": f"cancel-{subscription.pk}-{subscription.updated_at}"},
            )

    def price_for(self, *, plan: Plan) -> str:
        """The environment's STRIPE_PRICE_IDS first, else the id `stripe_plans` stored."""
        return str(settings.STRIPE_PRICE_IDS.get(plan.slug) or plan.stripe_price_id)

    def plan_for_price(self, *, price: str) -> Plan | None:
        slug = next((s for s, p in settings.STRIPE_PRICE_IDS.items() if p == price), None)
        plans = Plan.objects.all()
        return (
            plans.filter(slug=slug).first() if slug else plans.filter(stripe_price_id=price).first()
        )

    def customer_for(self, *, subscription: Subscription) -> str:
        """The reader's Stripe customer: the one a previous subscription used, or a new one."""
        known = (
            Subscription.objects.for_reader(subscription.user)
            .exclude(provider_customer="")
            .values_list("provider_customer", flat=True)
            .first()
        )
        if known:
            return str(known)
        customer = stripe_client().v1.customers.create(
            params={
                "email": subscription.user.email,
                "metadata": {"reader_id": str(subscription.user_id)},
            },
            options={"idempotency_key": f"customer-{subscription.user_id}"},
        )
        return customer.id

    def start_checkout(
        self,
        *,
        subscription: Subscription,
        trial_days: int,
        success_url: str,
        cancel_url: str,
        attempt: str,
    ) -> str:
        price = self.price_for(plan=subscription.plan)
        if not price:
            raise CheckoutError("This plan cannot be paid online yet.")
        metadata = checkout_metadata(subscription)
        subscription_data: dict[str, Any] = {"metadata": metadata}
        params: dict[str, Any] = {
            "mode": "subscription",
            "client_reference_id": str(subscription.pk),
            "line_items": [{"price": price, "quantity": 1}],
            "success_url": success_url,
            "cancel_url": cancel_url,
            "metadata": metadata,
            "subscription_data": subscription_data,
        }
        if trial_days > 0:
            subscription_data["trial_period_days"] = trial_days
            # The plan says whether a trial needs a card; without one Stripe asks for it
            # before the first charge.
            params["payment_method_collection"] = (
                "always" if subscription.plan.requires_card_for_trial else "if_required"
            )
        try:
            params["customer"] = subscription.provider_customer = self.customer_for(
                subscription=subscription
            )
            session = stripe_client().v1.checkout.sessions.create(
                params=params,  # type: ignore[arg-type]  # the SDK's TypedDict, built above
                options={"idempotency_key": f"checkout-{subscription.pk}-{attempt}"},
            )
        except stripe.StripeError as error:
            raise CheckoutError(UNREACHABLE) from error
        subscription.save(update_fields=["provider_customer", "updated_at"])
        return str(session.url)

    def portal_url(self, *, reader: "User", return_url: str) -> str | None:
        customer = (
            Subscription.objects.for_reader(reader)
            .exclude(provider_customer="")
            .values_list("provider_customer", flat=True)
            .first()
        )
        if not customer:
            return None
        try:
            session = stripe_client().v1.billing_portal.sessions.create(
                params={"customer": customer, "return_url": return_url},
                options={"idempotency_key": f"portal-{customer}-{secrets.token_hex(8)}"},
            )
        except stripe.StripeError as error:
            raise ProviderError(UNREACHABLE_NOW) from error
        return str(session.url)

    def fetch_subscription(
        self, *, reference: str, reported: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        if not reference:
            return None
        # Expanded, the card it charges comes along: its summary and fingerprint.
        found = stripe_client().v1.subscriptions.retrieve(
            reference, params={"expand": ["default_payment_method"]}
        )
        return found.to_dict()

    def _update(self, subscription: Subscription, params: dict[str, Any], key: str) -> Remote:
        try:
            updated = stripe_client().v1.subscriptions.update(
                subscription.provider_reference,
                params={**params, "expand": ["default_payment_method"]},  # type: ignore[arg-type,typeddict-item]
                options={"idempotency_key": f"{key}-{subscription.pk}"},
            )
        except stripe.StripeError as error:
            raise ProviderError(UNREACHABLE_NOW) from error
        return updated.to_dict()

    def next_charge(self, *, subscription: Subscription, now: datetime) -> NextCharge | None:
        """Stripe's preview of the next invoice (credit, discounts and all)."""
        local = super().next_charge(subscription=subscription, now=now)
        if local is None or not subscription.provider_reference.startswith("sub_"):
            return local
        try:
            preview = (
                stripe_client()
                .v1.invoices.create_preview(
                    params={"subscription": subscription.provider_reference}
                )
                .to_dict()
            )
        except stripe.StripeError:
            return local  # the plan's price: the page still says when
        at = preview.get("next_payment_attempt") or preview.get("period_end")
        return NextCharge(
            at=datetime.fromtimestamp(int(at), tz=UTC) if at else local.at,
            amount=from_cents(preview.get("amount_due")),
            currency=str(preview.get("currency") or local.currency).upper(),
        )

    def _switch_params(
        self, subscription: Subscription, plan: Plan, proration_date: int
    ) -> dict[str, Any]:
        price = self.price_for(plan=plan)
        if not price:
            raise ProviderError("This plan cannot be paid online yet.")
        try:
            remote = stripe_client().v1.subscriptions.retrieve(subscription.provider_reference)
        except stripe.StripeError as error:
            raise ProviderError(UNREACHABLE_NOW) from error
        item = remote["items"]["data"][0]["id"]
        return {
            "items": [{"id": item, "price": price}],
            # In a trial nothing is charged; otherwise the change is invoiced at once, the
            # unused time credited (paywall.services.proration states the rule).
            "proration_behavior": "none" if subscription.is_trialing else "always_invoice",
            "proration_date": proration_date,
        }

    def preview_switch(self, *, subscription: Subscription, plan: Plan, now: datetime) -> Proration:
        local = local_proration(subscription=subscription, plan=plan, now=now)
        if local.in_trial:
            return local
        try:
            details = self._switch_params(subscription, plan, local.proration_date)
            params: dict[str, Any] = {
                "subscription": subscription.provider_reference,
                "subscription_details": details,
            }
            invoice = stripe_client().v1.invoices.create_preview(
                params=params  # type: ignore[arg-type]  # the SDK's TypedDict, built above
            )
            preview = invoice.to_dict()
        except (ProviderError, stripe.StripeError):
            return local  # our arithmetic of the same rule
        due = from_cents(preview.get("amount_due"))
        balance = from_cents(-(preview.get("ending_balance") or 0))
        credit = from_cents(
            -sum(
                line.get("amount", 0)
                for line in (preview.get("lines") or {}).get("data", [])
                if line.get("amount", 0) < 0
            )
        )
        return Proration(
            plan=plan,
            charge_now=due,
            credit=credit or local.credit,
            carried_credit=max(balance, Decimal("0.00")),
            new_period_end=local.new_period_end,
            in_trial=False,
            proration_date=local.proration_date,
            from_provider=True,
        )

    def switch_plan(
        self, *, subscription: Subscription, plan: Plan, proration_date: int, now: datetime
    ) -> Remote:
        params = self._switch_params(subscription, plan, proration_date)
        return self._update(subscription, params, f"switch-{plan.slug}-{proration_date}")

    def set_cancel_at_period_end(
        self, *, subscription: Subscription, cancel: bool, now: datetime
    ) -> Remote:
        key = f"{'cancel' if cancel else 'resume'}-{int(now.timestamp())}"
        return self._update(subscription, {"cancel_at_period_end": cancel}, key)

    def retention_coupon(self, *, months: int, plan: Plan) -> str:
        """Our "N months free" coupon at Stripe, made the first time it is offered: on a
        monthly plan the next N invoices are free; on an annual plan the next invoice is
        reduced by N twelfths of its price."""
        client = stripe_client()
        currency = plan.currency.lower()
        off = cents(plan.price * months / 12)
        coupon = (
            f"newsroom-{months}-months-free"
            if plan.is_monthly
            else f"newsroom-{months}-months-free-{off}-{currency}"
        )
        try:
            client.v1.coupons.retrieve(coupon)
        except stripe.InvalidRequestError:
            name = f"{months} month{'s' if months != 1 else ''} free"
            if plan.is_monthly:
                client.v1.coupons.create(
                    params={
                        "id": coupon,
                        "name": name,
                        "percent_off": 100,
                        "duration": "repeating",
                        "duration_in_months": months,
                    },
                    options={"idempotency_key": f"coupon-{coupon}"},
                )
            else:
                client.v1.coupons.create(
                    params={
                        "id": coupon,
                        "name": name,
                        "amount_off": off,
                        "currency": currency,
                        "duration": "once",
                    },
                    options={"idempotency_key": f"coupon-{coupon}"},
                )
        return coupon

    def give_free_months(self, *, subscription: Subscription, months: int, now: datetime) -> Remote:
        """A trial runs N months longer; a paid subscription gets the coupon above."""
        if subscription.is_trialing:
            end = shift_months(subscription.current_period_end or now, months)
            params = {"trial_end": int(end.timestamp()), "proration_behavior": "none"}
            return self._update(subscription, params, "retention")
        try:
            coupon = self.retention_coupon(months=months, plan=subscription.plan)
        except stripe.StripeError as error:
            raise ProviderError(UNREACHABLE_NOW) from error
        return self._update(subscription, {"discounts": [{"coupon": coupon}]}, "retention")

    def end_trial_now(self, *, subscription: Subscription, now: datetime) -> Remote:
        return self._update(
            subscription, {"trial_end": "now", "proration_behavior": "none"}, "end-trial"
        )

    def refund_ends_access(self, *, subscription: Subscription, charge: dict[str, Any]) -> bool:
        """Whether the charge paid the latest invoice: by its invoice, else its payment."""
        if not charge.get("refunded") or not subscription.provider_reference.startswith("sub_"):
            return False
        remote = (
            stripe_client()
            .v1.subscriptions.retrieve(
                subscription.provider_reference, params={"expand": ["latest_invoice.payments"]}
            )
            .to_dict()
        )
        latest = remote.get("latest_invoice") or {}
        if isinstance(latest, str):
            return latest == charge.get("invoice")
        if charge.get("invoice"):
            return bool(latest.get("id") == charge.get("invoice"))
        intents = {latest.get("payment_intent")} | {
            (payment.get("payment") or {}).get("payment_intent")
            for payment in (latest.get("payments") or {}).get("data", [])
        }
        return bool(charge.get("payment_intent")) and charge.get("payment_intent") in intents

    def end_now(self, *, subscription: Subscription, now: datetime) -> Remote:
        try:
            ended = stripe_client().v1.subscriptions.cancel(
                subscription.provider_reference,
                options={"idempotency_key": f"end-{subscription.pk}"},
            )
        except stripe.StripeError as error:
            raise ProviderError(UNREACHABLE_NOW) from error
        return ended.to_dict()


class TestProvider(ManualProvider):
    """The local checkout page (TEST MODE): its events go through the real webhook handler."""

    __test__ = False  # not a pytest test class
    name = "test"
    uses_checkout = True
    fetches_state = False

    def start_checkout(
        self,
        *,
        subscription: Subscription,
        trial_days: int,
        success_url: str,
        cancel_url: str,
        attempt: str,
    ) -> str:
        return reverse("paywall:test_checkout", kwargs={"pk": subscription.pk})

    def portal_url(self, *, reader: "User", return_url: str) -> str | None:
        return None

    def next_charge(self, *, subscription: Subscription, now: datetime) -> NextCharge | None:
        """None for a trial started without a card: there is nothing to charge at its end."""
        if not subscription.card_fingerprint:
            return None
        return super().next_charge(subscription=subscription, now=now)


PROVIDERS: dict[str, type[PaymentProvider]] = {
    "manual": ManualProvider,
    "stripe": StripeProvider,
    "test": TestProvider,
}


def get_provider(name: str | None = None) -> PaymentProvider:
    chosen = name or str(getattr(settings, "PAYWALL_PAYMENT_PROVIDER", "manual"))
    return PROVIDERS[chosen]()


# Providers that renew a subscription on their own and tell us by webhook (the expiry waits
# for them: paywall.services.subscriptions.PROVIDER_RENEWAL_MARGIN).
PROVIDERS_THAT_RENEW = frozenset({StripeProvider.name})
