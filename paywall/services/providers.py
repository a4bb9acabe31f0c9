"""Payment providers behind one small interface.

Only the `manual` provider ships: trials need no card, and staff record payments received
by other means (invoice, bank transfer) with the admin's "Mark paid" action. No card is
ever charged here. A card provider later implements the same three methods and is chosen
with the PAYWALL_PAYMENT_PROVIDER setting.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.conf import settings

if TYPE_CHECKING:  # for annotations only: the models import nothing from here, keep it so
    from paywall.models import Subscription


@dataclass(frozen=True)
class PaymentResult:
    paid: bool
    reference: str = ""
    message: str = ""


class PaymentProvider(Protocol):
    name: str

    def begin(self, *, subscription: "Subscription") -> PaymentResult:
        """A subscription without a trial was created: collect its first payment."""

    def record_payment(self, *, subscription: "Subscription", reference: str) -> PaymentResult:
        """A payment for one period was received."""

    def cancel(self, *, subscription: "Subscription") -> None:
        """Stop future renewals at the provider."""


class ManualProvider:
    """No card, no charge: payments are recorded by staff in the admin."""

    name = "manual"

    def begin(self, *, subscription: "Subscription") -> PaymentResult:
        return PaymentResult(
            paid=False,
            message="We will email you payment instructions; your subscription starts as "
            "soon as the payment is recorded.",
        )

    def record_payment(self, *, subscription: "Subscription", reference: str) -> PaymentResult:
        return PaymentResult(paid=True, reference=reference or "recorded by staff")

    def cancel(self, *, subscription: "Subscription") -> None:
        return None


# "test" becomes the local checkout provider (TEST MODE) in the next step.
PROVIDERS = {"manual": ManualProvider, "test": ManualProvider}


def get_provider(name: str | None = None) -> PaymentProvider:
    chosen = name or str(getattr(settings, "PAYWALL_PAYMENT_PROVIDER", "manual"))
    return PROVIDERS[chosen]()
