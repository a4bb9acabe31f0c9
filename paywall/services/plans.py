"""The plans offered on the paywall, cached: a gated page adds no query for them."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.caching import forget_request_memo, read_with_generation, request_memo
from paywall.models import Plan

CACHE_KEY = "paywall:plans:v1"
CACHE_SECONDS = 300
# Every gated page shows them: read them in the generation's round trip.
read_with_generation(CACHE_KEY)


def offered_plans() -> list[Plan]:
    """The active plans (shared by the requests of a process: treat them as read-only)."""
    return request_memo(CACHE_KEY, _cached_plans)


def _cached_plans() -> list[Plan]:
    plans = cache.get(CACHE_KEY)
    if plans is None:
        plans = list(Plan.objects.filter(is_active=True))
        cache.set(CACHE_KEY, plans, CACHE_SECONDS)
    return plans


def plans_fingerprint(plans) -> tuple:
    """Every field of every plan, as a hashable value: equal exactly when the offer is."""
    return tuple(
        tuple(getattr(plan, field.attname) for field in plan._meta.concrete_fields)
        for plan in plans
    )


def forget_plans() -> None:
    cache.delete(CACHE_KEY)
    forget_request_memo(CACHE_KEY)


@receiver(post_save, sender=Plan)
@receiver(post_delete, sender=Plan)
def _plans_changed(using: str | None = None, **kwargs: object) -> None:
    forget_plans()
    # Again at commit: until then another process still reads the old rows and may cache them.
    transaction.on_commit(forget_plans, using=using)
