"""The editors' funnel: metered reads, paywalls shown, gift links opened, trials, conversions.

High-volume steps (one per page view) are counted in the cache, never in the database, and
`flush_funnel` (the management command, also run when an editor opens the funnel page)
moves them into FunnelDay rows. Trials started and converted come from SubscriptionEvent
rows that change_status writes anyway.

A page view does not even wait for the cache: each process adds its counts up in memory
and pushes them to the shared cache PUSH_SECONDS after the first one (and at exit, and
before a flush or a lookup in the same process). A process killed outright loses at most
that many seconds of counts; a flush in another process sees counts that late. Counts the
cache does not take (an outage) stay in the process until a push succeeds.
"""

import atexit
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncDate

from articles.models import Article
from newsroom.lib import cache_outage
from paywall.models import FunnelDay, Subscription, SubscriptionEvent

STEPS = ("metered_reads", "paywalls_shown", "gift_links_opened")
# Counters outlive a missed flush by this long.
COUNTER_SECONDS = 8 * 24 * 3600
FLUSH_DAYS = 7


def _key(step: str, day: date, article_id: int) -> str:
    return f"paywall:funnel:{day.isoformat()}:{step}:{article_id}"


def _slots_key(day: date) -> str:
    return f"paywall:funnel:{day.isoformat()}:slots"


def _slot_key(day: date, slot: int) -> str:
    return f"paywall:funnel:{day.isoformat()}:slot:{slot}"


PUSH_SECONDS = 2.0


# (step, day, article id): one funnel count not yet in the shared cache.
PendingKey = tuple[str, date, int]


class _PendingCounts:
    """Counts made in this process and not yet added to the shared cache."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: Counter[PendingKey] = Counter()
        self.timer: threading.Timer | None = None

    def add(self, key: PendingKey) -> None:
        with self.lock:
            self.counts[key] += 1
            if self.timer is None:
                self.timer = threading.Timer(PUSH_SECONDS, push_pending)
                self.timer.daemon = True
                self.timer.start()

    def take(self) -> Counter[PendingKey]:
        with self.lock:
            counts, self.counts = self.counts, Counter()
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            return counts

    def put_back(self, counts: Counter[PendingKey]) -> None:
        """Keep counts the cache did not take, for the next push."""
        with self.lock:
            self.counts.update(counts)
            if self.timer is None:
                self.timer = threading.Timer(PUSH_SECONDS, push_pending)
                self.timer.daemon = True
                try:
                    self.timer.start()
                except RuntimeError:  # the interpreter is exiting: no later push will come
                    self.timer = None


_pending = _PendingCounts()


def count_step(*, step: str, article_id: int, now: datetime) -> None:
    """Add one to a funnel step for an article: in this process's memory, no I/O."""
    _pending.add((step, now.date(), article_id))


def push_pending() -> None:
    """Add this process's pending counts to the shared cache.

    While the cache is unreachable the counts stay pending (and the push is retried every
    PUSH_SECONDS), so an outage delays counts but loses none.
    """
    counts = _pending.take()
    had_counts = bool(counts)
    for key in list(counts):
        step, day, article_id = key
        if not _add(step=step, day=day, article_id=article_id, amount=counts[key]):
            _pending.put_back(counts)  # this one and those not tried yet
            cache_outage.report_failure()
            return
        del counts[key]
    if had_counts:
        cache_outage.report_success()


atexit.register(push_pending)


def _add(*, step: str, day: date, article_id: int, amount: int) -> bool:
    """Add to a counter; False when the cache did not take it (unreachable)."""
    key = _key(step, day, article_id)
    try:
        try:
            # The common case: one cache operation (None: django-redis ignored an error).
            return cache.incr(key, amount) is not None
        except ValueError:  # the first count of the day (or an evicted counter)
            created = cache.add(key, amount, COUNTER_SECONDS)
            if not created:
                # Another process created it meanwhile, or the cache is unreachable.
                return cache.incr(key, amount) is not None
    except Exception:  # a backend that raises instead of ignoring its connection errors
        return False
    _register(day, article_id)
    return True


def _register(day: date, article_id: int) -> None:
    """Note that an article has counters today, so the flush finds them without a scan.

    Each registration takes its own slot from an atomic counter: concurrent writers never
    overwrite each other, and an article registered twice is simply deduplicated.
    """
    try:
        cache.add(_slots_key(day), 0, COUNTER_SECONDS)
        try:
            slot = cache.incr(_slots_key(day))
        except ValueError:
            cache.set(_slots_key(day), 1, COUNTER_SECONDS)
            slot = 1
        if slot is None:
            cache_outage.report_failure()
        else:
            cache.set(_slot_key(day, slot), article_id, COUNTER_SECONDS)
    except Exception:  # the count itself is in the cache: never push it twice
        cache_outage.report_failure()


def touched_articles(day: date) -> set[int]:
    """Articles with funnel counters in the cache for a day."""
    push_pending()
    slots = cache.get(_slots_key(day)) or 0
    found: set[int] = set()
    for start in range(1, slots + 1, 1000):
        keys = [_slot_key(day, slot) for slot in range(start, min(start + 1000, slots + 1))]
        found.update(int(pk) for pk in cache.get_many(keys).values())
    return found


def flush(*, now: datetime, article_ids: Iterable[int] | None = None) -> int:
    """Move cached counters of the last FLUSH_DAYS days into FunnelDay; returns rows touched.

    article_ids limits the flush to those articles; by default, every article with counters.
    """
    push_pending()
    only = set(article_ids) if article_ids is not None else None
    touched = 0
    for day in (now.date() - timedelta(days=n) for n in range(FLUSH_DAYS)):
        article_ids = touched_articles(day) if only is None else set(only)
        # Articles deleted since they were read have nowhere to go.
        article_ids &= set(Article.objects.filter(pk__in=article_ids).values_list("pk", flat=True))
        keys = {_key(step, day, pk): (step, pk) for step in STEPS for pk in article_ids}
        per_article: dict[int, dict[str, int]] = {}
        for key, value in cache.get_many(list(keys)).items():
            if value:
                step, pk = keys[key]
                per_article.setdefault(pk, {})[step] = int(value)
        for pk, counts in per_article.items():
            with transaction.atomic():
                row, _ = FunnelDay.objects.get_or_create(date=day, article_id=pk)
                FunnelDay.objects.filter(pk=row.pk).update(
                    **{step: F(step) + amount for step, amount in counts.items()}
                )
            # Subtract what was saved rather than deleting, so increments made meanwhile stay.
            for step, amount in counts.items():
                try:
                    cache.decr(_key(step, day, pk), amount)
                except ValueError:
                    pass
            touched += 1
    return touched


def most_read_article_ids(*, now: datetime, days: int = 7, limit: int = 5) -> list[int]:
    """The articles with the most metered reads over the last `days` days, most read first:
    the funnel's flushed counts (FunnelDay), so the rail's "most read" costs one query."""
    since = now.date() - timedelta(days=days - 1)
    rows = (
        FunnelDay.objects.filter(date__gte=since, article__in=Article.objects.published())
        .values("article")
        .annotate(reads=Sum("metered_reads"))
        .filter(reads__gt=0)
        .order_by("-reads", "article")[:limit]
    )
    return [row["article"] for row in rows]


@dataclass(frozen=True)
class FunnelRow:
    day: date
    metered_reads: int
    paywalls_shown: int
    trials_started: int
    trials_converted: int
    gift_links_opened: int


def daily_report(*, now: datetime, days: int = 30) -> list[FunnelRow]:
    """One row per day, newest first, for the admin's funnel page."""
    since = now.date() - timedelta(days=days - 1)
    steps = {
        row["date"]: row
        for row in FunnelDay.objects.filter(date__gte=since)
        .values("date")
        .annotate(
            metered_reads=Sum("metered_reads"),
            paywalls_shown=Sum("paywalls_shown"),
            gift_links_opened=Sum("gift_links_opened"),
        )
    }
    events = {
        row["day"]: row
        for row in SubscriptionEvent.objects.filter(at__date__gte=since)
        .annotate(day=TruncDate("at"))
        .values("day")
        .annotate(
            started=Count("pk", filter=Q(to_status=Subscription.Status.TRIALING)),
            converted=Count(
                "pk",
                filter=Q(
                    from_status=Subscription.Status.TRIALING, to_status=Subscription.Status.ACTIVE
                ),
            ),
        )
    }
    rows = []
    for n in range(days):
        day = now.date() - timedelta(days=n)
        step, event = steps.get(day, {}), events.get(day, {})
        rows.append(
            FunnelRow(
                day=day,
                metered_reads=step.get("metered_reads") or 0,
                paywalls_shown=step.get("paywalls_shown") or 0,
                trials_started=event.get("started") or 0,
                trials_converted=event.get("converted") or 0,
                gift_links_opened=step.get("gift_links_opened") or 0,
            )
        )
    return rows


def trials_started_and_converted(*, now: datetime, days: int = 30) -> tuple[int, int]:
    """(trials started in the last `days` days, how many of those have converted since):
    one cohort, so the conversion rate can never pass 100 % (a day's conversions mostly come
    from trials started before the window)."""
    since = now.date() - timedelta(days=days - 1)
    # order_by(): the events' default ordering would otherwise join DISTINCT's columns.
    started = (
        SubscriptionEvent.objects.filter(
            at__date__gte=since, to_status=Subscription.Status.TRIALING
        )
        .order_by()
        .values("subscription_id")
    )
    converted = (
        SubscriptionEvent.objects.filter(
            subscription_id__in=started,
            from_status=Subscription.Status.TRIALING,
            to_status=Subscription.Status.ACTIVE,
        )
        .order_by()
        .values("subscription_id")
        .distinct()
        .count()
    )
    return started.distinct().count(), converted


def articles_leading_to_trials(
    *, now: datetime, days: int = 30, limit: int = 20
) -> list[dict[str, Any]]:
    """Articles whose paywall started the most trials, with paywalls shown beside them."""
    since = now - timedelta(days=days)
    trials = (
        Subscription.objects.filter(
            started_from__isnull=False, trial_ends_at__isnull=False, created_at__gte=since
        )
        .values("started_from")
        .annotate(trials=Count("pk"))
        .order_by("-trials")[:limit]
    )
    counts = {row["started_from"]: row["trials"] for row in trials}
    shown = dict(
        FunnelDay.objects.filter(article_id__in=counts, date__gte=since.date())
        .values("article_id")
        .annotate(total=Sum("paywalls_shown"))
        .values_list("article_id", "total")
    )
    articles = Article.objects.in_bulk(list(counts))
    return [
        {
            "article": articles[pk],
            "trials": total,
            "paywalls_shown": shown.get(pk) or 0,
            "rate": (total / shown[pk] * 100) if shown.get(pk) else None,
        }
        for pk, total in counts.items()
        if pk in articles
    ]
