"""The meter policy as an immutable value, cached so the anonymous path never queries SQL."""

from dataclasses import dataclass, field

from newsroom.caching import SharedValue
from paywall.models import MeterPolicy

CACHE_KEY = "paywall:policy:v1"
# Longest life of a cached policy; a change forgets it at once (every process of the machine
# shares the default cache folder; every app server, Redis).
CACHE_SECONDS = 60


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
    past_due_grace_days: int = 7
    retention_free_months: int = 1

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
        past_due_grace_days=row.past_due_grace_days,
        retention_free_months=row.retention_free_months,
    )


def get_policy() -> Policy:
    """The current policy, from the cache when possible (no SQL on a warm cache).

    Read from the shared cache once per request, however many parts of the page ask.
    """
    return POLICY.get()


def forget_policy() -> None:
    POLICY.forget()


# Every article page asks for the policy: read it in the generation's round trip. Its
# models are registered in paywall/apps.py: a change forgets it, now and at commit.
POLICY: SharedValue[Policy] = SharedValue(
    key=CACHE_KEY, load=load_policy, seconds=CACHE_SECONDS, read_with_generation=True
)
