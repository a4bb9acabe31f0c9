"""The meter policy as an immutable value, cached so the anonymous path never queries SQL."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles.caching import forget_request_memo, read_with_generation, request_memo
from paywall.models import MeterPolicy

CACHE_KEY = "paywall:policy:v1"
# Longest life of a cached policy; a change forgets it at once (every process of the machine
# shares the default cache folder; every app server, Redis).
CACHE_SECONDS = 60
# Every article page asks for the policy: read it in the generation's round trip.
read_with_generation(CACHE_KEY)


@dataclass(frozen=True)
class Policy:
    enabled: bool = True
    free_articles: int = 3
    window_days: int = 30
    teaser_paragraphs: int = 2
    registered_bonus: int = 2
    free_section_ids: frozenset[int] = field(default_factory=frozenset)
    gift_links_per_month: int = 10
    gift_link_days: int = 14

    def allowance(self, *, signed_in: bool) -> int:
        """Free articles per window: signed-in readers without a subscription get the bonus."""
        return self.free_articles + (self.registered_bonus if signed_in else 0)


def load_policy() -> Policy:
    row = MeterPolicy.objects.prefetch_related("free_sections").order_by("pk").first()
    if row is None:
        return Policy()
    return Policy(
        enabled=row.enabled,
        free_articles=row.free_articles,
        window_days=row.window_days,
        teaser_paragraphs=row.teaser_paragraphs,
        registered_bonus=row.registered_bonus,
        free_section_ids=frozenset(section.pk for section in row.free_sections.all()),
        gift_links_per_month=row.gift_links_per_month,
        gift_link_days=row.gift_link_days,
    )


def get_policy() -> Policy:
    """The current policy, from the cache when possible (no SQL on a warm cache).

    Read from the shared cache once per request, however many parts of the page ask.
    """
    return request_memo(CACHE_KEY, _cached_policy)


def _cached_policy() -> Policy:
    policy = cache.get(CACHE_KEY)
    if policy is None:
        policy = load_policy()
        cache.set(CACHE_KEY, policy, CACHE_SECONDS)
    return policy


def forget_policy() -> None:
    cache.delete(CACHE_KEY)
    forget_request_memo(CACHE_KEY)


def _policy_changed(using: str | None) -> None:
    forget_policy()
    # Again at commit: until then another process still reads the old row and may cache it.
    transaction.on_commit(forget_policy, using=using)


@receiver(post_save, sender=MeterPolicy)
@receiver(post_delete, sender=MeterPolicy)
def _policy_saved(using: str | None = None, **kwargs: object) -> None:
    _policy_changed(using)


@receiver(m2m_changed, sender=MeterPolicy.free_sections.through)
def _free_sections_changed(using: str | None = None, **kwargs: object) -> None:
    _policy_changed(using)
