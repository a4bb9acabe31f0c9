"""The meter policy as an immutable value, cached so the anonymous path never queries SQL."""

from dataclasses import dataclass, field
from typing import Any

from newsroom.caching import SharedValue
from paywall import wording
from paywall.models import MeterPolicy

# v2: the policy carries the paywall's wording.
CACHE_KEY = "paywall:policy:v2"
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
    # The wording (paywall/wording.py): what the wall, the meter notice and the plans say.
    wall_heading: str = wording.WALL_HEADING
    wall_lead: str = wording.WALL_LEAD
    wall_promise: str = wording.WALL_PROMISE
    value_propositions: tuple[str, ...] = wording.lines(wording.VALUE_PROPOSITIONS)
    plan_benefit_lines: tuple[str, ...] = wording.lines(wording.PLAN_BENEFITS)
    meter_notice_left: str = wording.METER_NOTICE_LEFT
    meter_notice_one_left: str = wording.METER_NOTICE_ONE_LEFT
    meter_notice_last: str = wording.METER_NOTICE_LAST

    @property
    def plan_benefits(self) -> list[str]:
        """The benefits as readers read them, with the gift-link figures filled in."""
        return [
            wording.fill_benefit(
                line, gift_links=self.gift_links_per_month, gift_days=self.gift_link_days
            )
            for line in self.plan_benefit_lines
        ]

    def meter_notice(self, remaining: int) -> str:
        """What the notice above a metered story says with this many free articles left."""
        if remaining <= 0:
            return self.meter_notice_last
        if remaining == 1:
            return self.meter_notice_one_left
        return self.meter_notice_left.replace("{remaining}", str(remaining))

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
        **wording_of(row),
    )


def wording_of(row: MeterPolicy) -> dict[str, Any]:
    """The policy's wording fields from a row (saved or not, as the admin's preview has it)."""
    return {
        "wall_heading": row.wall_heading,
        "wall_lead": row.wall_lead,
        "wall_promise": row.wall_promise,
        "value_propositions": wording.lines(row.value_propositions),
        "plan_benefit_lines": wording.lines(row.plan_benefits),
        "meter_notice_left": row.meter_notice_left,
        "meter_notice_one_left": row.meter_notice_one_left,
        "meter_notice_last": row.meter_notice_last,
    }


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
