"""Demo plans and meter policy, as the publication offers them (see PUBLICATION.md).

Idempotent: plans are matched by slug, the policy row is created only when missing.
"""

from decimal import Decimal

from .models import MeterPolicy, Plan

PLANS = [
    {
        "slug": "monthly",
        "name": "Monthly",
        "price": Decimal("2.90"),
        "currency": "USD",
        "interval": Plan.Interval.MONTH,
        "trial_days": 30,
        "tagline": "Flexible: cancel anytime.",
        "is_best_value": False,
        "order": 0,
    },
    {
        "slug": "annual",
        "name": "Annual",
        "price": Decimal("19.90"),
        "currency": "USD",
        "interval": Plan.Interval.YEAR,
        "trial_days": 0,
        "tagline": "Save $14.90 a year compared with monthly.",
        "is_best_value": True,
        "order": 1,
    },
]


def load_demo(stdout) -> None:
    created = 0
    for plan in PLANS:
        _, was_created = Plan.objects.get_or_create(
            slug=plan["slug"], defaults={k: v for k, v in plan.items() if k != "slug"}
        )
        created += was_created
    if not MeterPolicy.objects.exists():
        MeterPolicy.objects.create()
        stdout.write("Meter policy created: 3 free articles per 30 days.")
    stdout.write(f"Plans: {created} created, {len(PLANS) - created} already there.")
