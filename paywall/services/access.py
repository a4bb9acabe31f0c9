"""The one access decision: may this reader read this article in full, now?

Every channel that carries article text asks `decide_access` and nothing else: the article
page (through `paywall.gate`), the feeds, newsletter emails, search snippets (through
`teaser.public_body`) and any API. A channel that serves readers it cannot identify (an RSS
feed, an email to a list) asks on behalf of `Reader.nobody()`, an anonymous reader with no
free reads left:

    from paywall.services.access import Reader, decide_access

    access = decide_access(reader=Reader.nobody(), article=article, now=timezone.now())
    if access.full:
        ...  # the whole body may go out
    else:
        ...  # only the dek / teaser, with a link to the article page

For `Reader.nobody()` the answer is full only when the article is `is_free`, its section is
one of the policy's free sections, or the paywall is switched off.

`decide_access` is pure: it reads the cached policy (no SQL on a warm cache) and the state
already on the Reader, and writes nothing. Recording a metered read is
`paywall.gate.open_article`'s job.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from paywall.models import SubscriptionPeriod

from .meter import Meter
from .policy import Policy, get_policy


@dataclass(frozen=True)
class Access:
    full: bool
    # "paywall-off", "free-article", "free-section", "staff", "subscriber", "trial", "gift",
    # "already-read", "metered", "over-limit", "no-free-reads".
    reason: str
    # Free articles left after this one, for metered readers; None when not metered.
    remaining: int | None

    @property
    def counts_read(self) -> bool:
        """True when this read must be recorded on the reader's meter."""
        return self.reason == "metered"

    @property
    def gated(self) -> bool:
        return not self.full


@dataclass(frozen=True)
class SubscriptionState(SubscriptionPeriod):
    """What access needs to know about a reader's subscription; the rules come from the model."""

    subscription_id: int
    status: str
    current_period_end: datetime | None


@dataclass(frozen=True)
class GiftGrant:
    """A valid gift link: full access to one article."""

    gift_id: int
    article_id: int


@dataclass(frozen=True)
class Reader:
    """Who is reading, as the paywall sees them (built by paywall.readers.reader_from_request)."""

    user_id: int | None = None
    is_staff: bool = False
    subscription: SubscriptionState | None = None
    meter: Meter = field(default_factory=Meter)
    gift: GiftGrant | None = None
    # Why a gift link in the request gave no access ("This gift link has expired…").
    gift_error: str = ""
    # False for readers the meter does not apply to at all (Reader.nobody()).
    metered: bool = True

    @classmethod
    def nobody(cls) -> "Reader":
        """An anonymous reader with no free reads left: for feeds, emails and APIs."""
        return cls(metered=False)

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None


def decide_access(
    *, reader: Reader, article: Any, now: datetime, policy: Policy | None = None
) -> Access:
    """Full text or teaser for this reader and article; the only place the rule lives.

    article is an articles.models.Article, left untyped: the paywall imports no article code.
    """
    policy = policy or get_policy()
    if not policy.enabled:
        return Access(full=True, reason="paywall-off", remaining=None)
    if article.is_free:
        return Access(full=True, reason="free-article", remaining=None)
    if article.section_id in policy.free_section_ids:
        return Access(full=True, reason="free-section", remaining=None)
    if reader.is_staff:
        return Access(full=True, reason="staff", remaining=None)
    if reader.subscription and reader.subscription.grants_access(now):
        reason = "trial" if reader.subscription.is_trialing else "subscriber"
        return Access(full=True, reason=reason, remaining=None)
    if reader.gift and reader.gift.article_id == article.pk:
        return Access(full=True, reason="gift", remaining=None)
    if not reader.metered:
        return Access(full=False, reason="no-free-reads", remaining=0)

    allowance = policy.allowance(signed_in=reader.signed_in)
    counted = reader.meter.counted(now=now, window_days=policy.window_days)
    if article.pk in counted:
        return Access(full=True, reason="already-read", remaining=max(allowance - len(counted), 0))
    if len(counted) < allowance:
        return Access(full=True, reason="metered", remaining=allowance - len(counted) - 1)
    return Access(full=False, reason="over-limit", remaining=0)
