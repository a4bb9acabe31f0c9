"""Payment providers behind one small interface, chosen with PAYWALL_PAYMENT_PROVIDER.

- `stripe`: Stripe Checkout (subscription mode) through the official SDK, the Customer Portal
  for cards and receipts, and webhooks (paywall.services.webhooks) that apply the
  subscription as fetched from Stripe's API.
- `test`: the default without a Stripe key. A local checkout page clearly marked TEST MODE;
  confirming it feeds Stripe-shaped events to the same webhook handler (see
  paywall.services.test_checkout), so `make run` and the demo run the whole pipeline.
- `manual`: no card; staff record payments with the admin's "Mark paid" action.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import stripe
from django.conf import settings
from django.urls import reverse

from paywall.models import Subscription

if TYPE_CHECKING:  # for annotations only
    from django.contrib.auth.models import User

UNREACHABLE = (
    "We could not reach our payment service, so nothing was charged and no subscription "
    "was started. Please try again in a few minutes."
)


class CheckoutError(Exception):
    """A reader-facing reason why checkout could not start (nothing was created there)."""


@dataclass(frozen=True)
class PaymentResult:
    paid: bool
    reference: str = ""
    message: str = ""


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


def checkout_metadata(subscription: Subscription) -> dict[str, str]:
    """What a checkout carries: our subscription, the reader, the article that started it."""
    return {
        "subscription_id": str(subscription.pk),
        "reader_id": str(subscription.user_id),
        "article_id": str(subscription.started_from_id or ""),
    }


def stripe_client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
    )


class StripeProvider(ManualProvider):
    """Stripe Checkout, the Customer Portal and Stripe's subscription as the truth."""

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
                subscription.provider_reference, params={"cancel_at_period_end": True}
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
        price = settings.STRIPE_PRICE_IDS.get(subscription.plan.slug)
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
            # A trial asks for no card; Stripe asks for one before the first charge.
            params["payment_method_collection"] = "if_required"
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
        session = stripe_client().v1.billing_portal.sessions.create(
            params={"customer": customer, "return_url": return_url}
        )
        return str(session.url)

    def fetch_subscription(
        self, *, reference: str, reported: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        if not reference:
            return None
        return stripe_client().v1.subscriptions.retrieve(reference).to_dict()


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


PROVIDERS: dict[str, type[PaymentProvider]] = {
    "manual": ManualProvider,
    "stripe": StripeProvider,
    "test": TestProvider,
}


def get_provider(name: str | None = None) -> PaymentProvider:
    chosen = name or str(getattr(settings, "PAYWALL_PAYMENT_PROVIDER", "manual"))
    return PROVIDERS[chosen]()
