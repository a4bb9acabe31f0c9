"""The plans offered on the paywall, cached: a gated page adds no query for them."""

from collections.abc import Iterable

from newsroom.caching import SharedValue
from paywall.models import Plan

CACHE_KEY = "paywall:plans:v1"
CACHE_SECONDS = 300


def load_plans() -> list[Plan]:
    return list(Plan.objects.filter(is_active=True))


# Every gated page shows them: read them in the generation's round trip. Plan is
# registered in paywall/apps.py: a change forgets them, now and at commit.
PLANS: SharedValue[list[Plan]] = SharedValue(
    key=CACHE_KEY, load=load_plans, seconds=CACHE_SECONDS, read_with_generation=True
)


def offered_plans() -> list[Plan]:
    """The active plans (shared by the requests of a process: treat them as read-only)."""
    return PLANS.get()


def plans_fingerprint(plans: Iterable[Plan]) -> tuple[tuple[object, ...], ...]:
    """Every field of every plan, as a hashable value: equal exactly when the offer is."""
    return tuple(
        tuple(getattr(plan, field.attname) for field in plan._meta.concrete_fields)
        for plan in plans
    )


def forget_plans() -> None:
    PLANS.forget()
