"""Our plans on Stripe: a Product and a recurring Price per plan, made or brought up to date
by `manage.py stripe_plans`, their ids stored on the plan.

A Stripe price's amount and interval cannot change, so a plan whose price changed gets a new
Price (the old one is archived: existing subscribers keep paying it until they switch).
"""

import stripe
from django.conf import settings

from paywall.models import Plan

from .providers import ProviderError, cents, stripe_client


def sync_plans() -> list[str]:
    """Create or update the Product and Price of every active plan; one line per plan."""
    lines = []
    for plan in Plan.objects.filter(is_active=True):
        try:
            lines.extend(sync_plan(plan))
        except stripe.StripeError as error:
            raise ProviderError(
                f"{plan.slug}: Stripe refused or could not be reached: {error}"
            ) from error
    return lines


def sync_plan(plan: Plan) -> list[str]:
    client = stripe_client()
    lines = []
    name = f"{settings.SITE_NAME} {plan.name}"
    if plan.stripe_product_id:
        client.v1.products.update(
            plan.stripe_product_id,
            params={"name": name},
            options={"idempotency_key": f"product-{plan.pk}-{name}"},
        )
    else:
        product = client.v1.products.create(
            params={"name": name, "metadata": {"plan_slug": plan.slug}},
            options={"idempotency_key": f"product-{plan.pk}"},
        )
        plan.stripe_product_id = product.id
        plan.save(update_fields=["stripe_product_id"])
        lines.append(f"{plan.slug}: created product {product.id}")
    amount, currency = cents(plan.price), plan.currency.lower()
    if plan.stripe_price_id:
        price = client.v1.prices.retrieve(plan.stripe_price_id)
        recurring = price.recurring
        if (
            price.active
            and price.unit_amount == amount
            and price.currency == currency
            and recurring is not None
            and recurring.interval == plan.interval
        ):
            return [*lines, f"{plan.slug}: price {price.id} is up to date"]
    created = client.v1.prices.create(
        params={
            "product": plan.stripe_product_id,
            "unit_amount": amount,
            "currency": currency,
            "recurring": {"interval": plan.interval},
            "metadata": {"plan_slug": plan.slug},
        },
        options={"idempotency_key": f"price-{plan.pk}-{amount}-{currency}-{plan.interval}"},
    )
    if plan.stripe_price_id:
        client.v1.prices.update(
            plan.stripe_price_id,
            params={"active": False},
            options={"idempotency_key": f"archive-{plan.stripe_price_id}"},
        )
        lines.append(f"{plan.slug}: archived price {plan.stripe_price_id}")
    plan.stripe_price_id = created.id
    plan.save(update_fields=["stripe_price_id"])
    lines.append(
        f"{plan.slug}: created price {created.id} ({plan.price_display} a {plan.interval_noun})"
    )
    if settings.STRIPE_PRICE_IDS.get(plan.slug):
        lines.append(
            f"{plan.slug}: note: STRIPE_PRICE_IDS sets this plan's price, and wins over the "
            "stored one; remove it from the environment to use the stored price."
        )
    return lines
