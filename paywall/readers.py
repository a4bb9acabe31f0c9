"""Translate a request into the paywall's Reader (the only paywall code that sees a request)."""

from datetime import datetime

from django.utils import timezone

from paywall.models import Subscription

from .services.access import Reader, SubscriptionState
from .services.gifts import QUERY_PARAMETER, open_gift
from .services.meter import COOKIE_NAME, decode_cookie, load_reader_meter
from .services.policy import Policy, get_policy


def subscription_state(*, user_id: int) -> SubscriptionState | None:
    """The reader's live subscription, if any: one query."""
    row = (
        Subscription.objects.live()
        .filter(user_id=user_id)
        .values_list("pk", "status", "current_period_end")
        .first()
    )
    return SubscriptionState(*row) if row else None


def reader_from_request(
    request, *, now: datetime | None = None, policy: Policy | None = None
) -> Reader:
    """The Reader behind a request: no SQL for anonymous readers, at most two when signed in.

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
    subscription = subscription_state(user_id=user.pk)
    if subscription and subscription.grants_access(now):
        return Reader(user_id=user.pk, subscription=subscription)
    meter = load_reader_meter(user_id=user.pk, now=now, window_days=policy.window_days)
    gift = open_gift(token, now=now)
    return Reader(
        user_id=user.pk,
        subscription=subscription,
        meter=meter,
        gift=gift.grant,
        gift_error=gift.error,
    )
