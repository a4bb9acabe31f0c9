"""Revenue figures for editors: MRR, subscribers by plan, trials, trial-to-paid, churn and
the articles whose paywall started paid subscriptions.

Everything is read from Subscription and its SubscriptionEvent history (written only by
change_status), so a figure for a past moment is the history replayed, not a stored total.
The definitions, as the page shows them, are in DEFINITIONS; each figure is a few queries
whatever the number of subscriptions.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery, Sum

from articles.models import Article
from paywall.models import (
    PAYING_STATUSES,
    Plan,
    Subscription,
    SubscriptionEvent,
    SubscriptionStatus,
)

Status = SubscriptionStatus

# A first payment: the moment a subscription becomes paid (renewals and resumes are not).
FIRST_PAYMENT_FROM: tuple[str, ...] = (Status.PENDING, Status.TRIALING)

DEFINITIONS: list[tuple[str, str]] = [
    (
        "Paywall hit rate",
        "Readers who met the paywall / readers. We count page views, not people, so the "
        "page shows paywalls shown per 100 metered reads as its closest figure.",
    ),
    (
        "MRR (monthly recurring revenue)",
        "The monthly value of every paying subscription at a moment: a monthly plan at its "
        "price, an annual plan at its price / 12. Paying means active (or past due while the "
        "payment is retried); trials and canceled subscriptions are not paying. The change "
        "is MRR now minus MRR at the start of the period.",
    ),
    (
        "Active subscribers by plan",
        "Paying subscriptions on each plan now; trials are shown beside them, not in them.",
    ),
    ("Trial starts", "Trials that started in the period."),
    (
        "Trial-to-paid rate",
        "Trials that became paid / trials that ended, in the period. A trial ends when it "
        "is first paid or when its free days run out, whichever comes first.",
    ),
    (
        "Churn",
        "Paid subscriptions that ended in the period. Voluntary: the reader (or staff) "
        "canceled and the paid period ran out. Failed payment: it ended from any other "
        "status (past due, unpaid, or active and not renewed). The rate is churned / "
        "paying subscriptions at the start of the period.",
    ),
    (
        "Paid conversions per article",
        "Subscriptions started from an article's paywall that made their first payment in "
        "the period.",
    ),
]

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PlanCount:
    plan: Plan
    paying: int
    trialing: int
    mrr: Decimal


@dataclass(frozen=True)
class Revenue:
    start: datetime
    end: datetime
    mrr: Decimal
    mrr_at_start: Decimal
    by_plan: list[PlanCount]
    trial_starts: int
    trials_ended: int
    trials_paid: int
    churn_voluntary: int
    churn_failed_payment: int
    paying_at_start: int

    @property
    def currency(self) -> str:
        """The plans' currency (the figures add prices, so they assume a single one)."""
        return self.by_plan[0].plan.currency if self.by_plan else "USD"

    @property
    def mrr_change(self) -> Decimal:
        return self.mrr - self.mrr_at_start

    @property
    def paying(self) -> int:
        return sum(row.paying for row in self.by_plan)

    @property
    def trial_to_paid_rate(self) -> float | None:
        """Percent; None when no trial ended in the period."""
        return self.trials_paid / self.trials_ended * 100 if self.trials_ended else None

    @property
    def churned(self) -> int:
        return self.churn_voluntary + self.churn_failed_payment

    @property
    def churn_rate(self) -> float | None:
        """Percent of the paying subscriptions at the start; None when there were none."""
        return self.churned / self.paying_at_start * 100 if self.paying_at_start else None


def monthly_value(*, price: Decimal, interval: str) -> Decimal:
    """What one subscription adds to MRR: the price, or a twelfth of an annual price."""
    return price / 12 if interval == Plan.Interval.YEAR else price


def _status_at(moment: datetime) -> Subquery:
    """A subscription's status at a moment: the target of its last event until then."""
    return Subquery(
        SubscriptionEvent.objects.filter(subscription=OuterRef("pk"), at__lte=moment)
        .order_by("-at", "-pk")
        .values("to_status")[:1]
    )


def _mrr_at(*, start: datetime, end: datetime) -> tuple[Decimal, Decimal, int]:
    """MRR at the start and at the end, and the paying count at the start (one query)."""
    rows = (
        Subscription.objects.annotate(then=_status_at(start), now=_status_at(end))
        .filter(Q(then__in=PAYING_STATUSES) | Q(now__in=PAYING_STATUSES))
        .values("plan__interval")
        .annotate(
            start_total=Sum("plan__price", filter=Q(then__in=PAYING_STATUSES)),
            end_total=Sum("plan__price", filter=Q(now__in=PAYING_STATUSES)),
            start_count=Count("pk", filter=Q(then__in=PAYING_STATUSES)),
        )
    )
    at_start, at_end, paying_at_start = Decimal(0), Decimal(0), 0
    for row in rows:
        interval = row["plan__interval"]
        at_start += monthly_value(price=Decimal(row["start_total"] or 0), interval=interval)
        at_end += monthly_value(price=Decimal(row["end_total"] or 0), interval=interval)
        paying_at_start += row["start_count"]
    return _cents(at_start), _cents(at_end), paying_at_start


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def subscribers_by_plan() -> list[PlanCount]:
    """Paying and trialing subscriptions per plan now, every plan listed (one query)."""
    plans = Plan.objects.annotate(
        paying=Count("subscriptions", filter=Q(subscriptions__status__in=PAYING_STATUSES)),
        trialing=Count("subscriptions", filter=Q(subscriptions__status=Status.TRIALING)),
    ).order_by("order", "price")
    return [
        PlanCount(
            plan=plan,
            paying=plan.paying,
            trialing=plan.trialing,
            mrr=_cents(monthly_value(price=plan.price, interval=plan.interval) * plan.paying),
        )
        for plan in plans
    ]


def _trials(*, start: datetime, end: datetime) -> tuple[int, int]:
    """Trials that ended in (start, end] and how many of those became paid (one query)."""
    rows = (
        Subscription.objects.filter(trial_ends_at__isnull=False)
        .annotate(
            paid_at=Min(
                "events__at",
                filter=Q(
                    events__to_status=Status.ACTIVE, events__from_status__in=FIRST_PAYMENT_FROM
                ),
            )
        )
        .filter(
            Q(trial_ends_at__gt=start, trial_ends_at__lte=end)
            | Q(paid_at__gt=start, paid_at__lte=end)
        )
        .values_list("trial_ends_at", "paid_at")
    )
    ended = paid = 0
    for trial_ends_at, paid_at in rows:
        ended_at = min(trial_ends_at, paid_at) if paid_at else trial_ends_at
        if start < ended_at <= end:
            ended += 1
            paid += paid_at is not None and paid_at <= end
    return ended, paid


def _churn(*, start: datetime, end: datetime) -> tuple[int, int]:
    """Paid subscriptions that ended in (start, end]: (voluntary, failed payment)."""
    was_paid = Exists(
        SubscriptionEvent.objects.filter(
            subscription=OuterRef("subscription"),
            to_status=Status.ACTIVE,
            at__lte=OuterRef("at"),
        )
    )
    totals = SubscriptionEvent.objects.filter(
        was_paid, to_status=Status.EXPIRED, at__gt=start, at__lte=end
    ).aggregate(
        voluntary=Count("pk", filter=Q(from_status=Status.CANCELED)),
        failed=Count("pk", filter=~Q(from_status=Status.CANCELED)),
    )
    return totals["voluntary"], totals["failed"]


def revenue_report(*, now: datetime, days: int = 30) -> Revenue:
    """The revenue figures for the `days` days up to now (five queries)."""
    start = now - timedelta(days=days)
    mrr_at_start, mrr, paying_at_start = _mrr_at(start=start, end=now)
    trials_ended, trials_paid = _trials(start=start, end=now)
    voluntary, failed = _churn(start=start, end=now)
    return Revenue(
        start=start,
        end=now,
        mrr=mrr,
        mrr_at_start=mrr_at_start,
        by_plan=subscribers_by_plan(),
        # A trial starts from nothing or a pending checkout; a trial extended or resumed
        # after a cancel is not a new start.
        trial_starts=SubscriptionEvent.objects.filter(
            to_status=Status.TRIALING,
            from_status__in=["", Status.PENDING],
            at__gt=start,
            at__lte=now,
        ).count(),
        trials_ended=trials_ended,
        trials_paid=trials_paid,
        churn_voluntary=voluntary,
        churn_failed_payment=failed,
        paying_at_start=paying_at_start,
    )


@dataclass(frozen=True)
class MrrDay:
    day: date
    mrr: Decimal


def mrr_by_day(*, now: datetime, days: int = 30) -> list[MrrDay]:
    """MRR at the end of each of the last `days` days (today: now), oldest first.

    One query: the events of every subscription that was ever paying, replayed in order.
    """
    ever_paid = SubscriptionEvent.objects.filter(to_status__in=PAYING_STATUSES).values(
        "subscription"
    )
    events = (
        SubscriptionEvent.objects.filter(subscription__in=ever_paid, at__lte=now)
        .order_by("at", "pk")
        .values_list(
            "subscription_id", "at", "to_status", "subscription__plan__price",
            "subscription__plan__interval",
        )
    )  # fmt: skip
    days_shown = [now.date() - timedelta(days=n) for n in range(days - 1, -1, -1)]
    # Each day's MRR is the MRR at its end: the next midnight, or now for today.
    ends = [
        min(now, datetime.combine(day + timedelta(days=1), time(), tzinfo=now.tzinfo))
        for day in days_shown
    ]
    paying: dict[int, Decimal] = {}
    rows: list[MrrDay] = []
    pending = iter(events)
    upcoming = next(pending, None)
    for day, end in zip(days_shown, ends, strict=True):
        while upcoming is not None and upcoming[1] <= end:
            pk, _, status, price, interval = upcoming
            if status in PAYING_STATUSES:
                paying[pk] = monthly_value(price=price, interval=interval)
            else:
                paying.pop(pk, None)
            upcoming = next(pending, None)
        rows.append(MrrDay(day=day, mrr=_cents(sum(paying.values(), Decimal(0)))))
    return rows


def articles_leading_to_paid(
    *, now: datetime, days: int = 30, limit: int = 20
) -> list[dict[str, Any]]:
    """Articles whose paywall started the most subscriptions first paid in the period."""
    since = now - timedelta(days=days)
    counts = dict(
        SubscriptionEvent.objects.filter(
            subscription__started_from__isnull=False,
            to_status=Status.ACTIVE,
            from_status__in=FIRST_PAYMENT_FROM,
            at__gt=since,
            at__lte=now,
        )
        .values("subscription__started_from")
        .annotate(conversions=Count("subscription", distinct=True))
        .order_by("-conversions", "subscription__started_from")
        .values_list("subscription__started_from", "conversions")[:limit]
    )
    articles = Article.objects.in_bulk(list(counts))
    return [
        {"article": articles[pk], "conversions": total}
        for pk, total in counts.items()
        if pk in articles
    ]
