"""Translate a request into the paywall's Reader (the only paywall code that sees a request).

A signed-in reader's own rows (their live subscription, their meter's reads, the gift
links they made this month) are read in three queries once, then kept in the shared cache
under the reader (READER_ROWS, a newsroom.caching.ReaderValue) until one of those rows
changes: PaywallConfig.ready() registers the models, and a sign-in (which may carry an
anonymous meter over in bulk) forgets them too. Every page of theirs after the first
reads one cache entry instead.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from newsroom.caching import ReaderValue
from paywall.models import GiftLink, MeterRead, Subscription

from .services.access import Reader, SubscriptionState
from .services.gifts import QUERY_PARAMETER, month_start, open_gift, quota_left
from .services.meter import COOKIE_NAME, Meter, decode_cookie
from .services.policy import Policy, get_policy
from .services.subscriptions import access_ends_at

# A change the signals miss cannot outlive this (every writer we have sends them).
READER_ROWS_SECONDS = 300


def subscription_state(*, user_id: int) -> SubscriptionState | None:
    """The reader's live subscription, if any: one query."""
    row = (
        Subscription.objects.live()
        .filter(user_id=user_id)
        .values_list("pk", "status", "current_period_end", "provider")
        .first()
    )
    if row is None:
        return None
    pk, status, period_end, provider = row
    return SubscriptionState(pk, status, access_ends_at(provider=provider, period_end=period_end))


@dataclass(frozen=True)
class ReaderRows:
    """What the paywall reads of one signed-in reader's rows, as of loaded_at."""

    subscription: SubscriptionState | None
    # The meter's reads within window_days before loaded_at (a later window is inside it).
    reads: dict[int, datetime]
    window_days: int
    # When each gift link they made since the start of loaded_at's month was made.
    gifts_made: tuple[datetime, ...]
    loaded_at: datetime

    def meter(self) -> Meter:
        return Meter(reads=dict(self.reads))

    def gifts_left(self, *, now: datetime) -> int:
        """Gift links left this calendar month (as paywall.services.gifts.gifts_left)."""
        since = month_start(now)
        return quota_left(used=sum(1 for made in self.gifts_made if made >= since))


def load_reader_rows(user_id: int) -> ReaderRows:
    now, window_days = timezone.now(), get_policy().window_days
    reads = MeterRead.objects.filter(
        user_id=user_id, read_at__gt=now - timedelta(days=window_days)
    ).values_list("article_id", "read_at")
    gifts = GiftLink.objects.filter(giver_id=user_id, created_at__gte=month_start(now))
    return ReaderRows(
        subscription=subscription_state(user_id=user_id),
        reads=dict(reads),
        window_days=window_days,
        gifts_made=tuple(gifts.values_list("created_at", flat=True)),
        loaded_at=now,
    )


READER_ROWS: ReaderValue[ReaderRows] = ReaderValue(
    "paywall-rows:v1", load=load_reader_rows, seconds=READER_ROWS_SECONDS
)
# The models READER_ROWS is read from, and the field of each that names the reader.
READER_ROWS_MODELS = {Subscription: "user_id", MeterRead: "user_id", GiftLink: "giver_id"}


def reader_rows(*, user_id: int, policy: Policy) -> ReaderRows:
    """The reader's rows: cached, read again when the policy's window changed since."""
    rows = READER_ROWS.get(user_id)
    if rows.window_days != policy.window_days:
        READER_ROWS.forget(user_id)
        rows = READER_ROWS.get(user_id)
    return rows


def forget_reader_rows(sender, user, **kwargs) -> None:
    """On sign-in: the anonymous meter may have been carried over in bulk (no signals)."""
    READER_ROWS.forget(user.pk)


def reader_from_request(
    request, *, now: datetime | None = None, policy: Policy | None = None
) -> Reader:
    """The Reader behind a request: no SQL for anonymous readers; for a signed-in one, their
    cached rows (three queries when not cached).

    A gift link adds two queries (its row and its giver's subscription), except for
    subscribers, who need no gift.
    """
    now = now or timezone.now()
    policy = policy or get_policy()
    token = request.GET.get(QUERY_PARAMETER)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        meter = decode_cookie(request.COOKIES.get(COOKIE_NAME))
        gift = open_gift(token, now=now)
        return Reader(meter=meter, gift=gift.grant, gift_error=gift.error)
    if user.is_staff:
        gift = open_gift(token, now=now)
        return Reader(user_id=user.pk, is_staff=True, gift=gift.grant, gift_error=gift.error)
    rows = reader_rows(user_id=user.pk, policy=policy)
    subscription = rows.subscription
    if subscription and subscription.grants_access(now):
        return Reader(user_id=user.pk, subscription=subscription)
    gift = open_gift(token, now=now)
    return Reader(
        user_id=user.pk,
        subscription=subscription,
        meter=rows.meter(),
        gift=gift.grant,
        gift_error=gift.error,
    )
