"""How one article does with readers, for its own admin page: reads under the meter, paywalls
shown, and the trials and paid subscriptions started from its paywall, over 7 and 30 days.

The same sources and definitions as the funnel page: FunnelDay for reads and paywalls (after
a flush of this article's cached counters); for trials and first payments, the events of
subscriptions started from its paywall, first payments as `revenue.DEFINITIONS` has them.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Sum

from paywall.models import FunnelDay, SubscriptionEvent

from . import funnel
from .revenue import FIRST_PAYMENT_FROM, Status

WINDOWS = (7, 30)


@dataclass(frozen=True)
class ArticleFigures:
    days: int
    metered_reads: int
    paywalls_shown: int
    gift_links_opened: int
    trials_started: int
    paid_conversions: int

    @property
    def paywall_rate(self) -> float | None:
        """Paywalls per 100 metered reads (None without a read)."""
        return self.paywalls_shown / self.metered_reads * 100 if self.metered_reads else None


def figures_for(*, article_id: int, now: datetime) -> list[ArticleFigures]:
    """One row per window (7 and 30 days), each ending now."""
    funnel.flush(now=now, article_ids=[article_id])
    rows = []
    for days in WINDOWS:
        since = now - timedelta(days=days)
        steps = FunnelDay.objects.filter(
            article_id=article_id, date__gt=(now - timedelta(days=days)).date()
        ).aggregate(
            metered_reads=Sum("metered_reads"),
            paywalls_shown=Sum("paywalls_shown"),
            gift_links_opened=Sum("gift_links_opened"),
        )
        events = SubscriptionEvent.objects.filter(
            subscription__started_from_id=article_id, at__gt=since, at__lte=now
        )
        trials = events.filter(to_status=Status.TRIALING).values("subscription").distinct()
        paid = (
            events.filter(to_status=Status.ACTIVE, from_status__in=FIRST_PAYMENT_FROM)
            .values("subscription")
            .distinct()
        )
        rows.append(
            ArticleFigures(
                days=days,
                metered_reads=steps["metered_reads"] or 0,
                paywalls_shown=steps["paywalls_shown"] or 0,
                gift_links_opened=steps["gift_links_opened"] or 0,
                trials_started=trials.count(),
                paid_conversions=paid.count(),
            )
        )
    return rows
