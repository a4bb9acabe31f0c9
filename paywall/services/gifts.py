"""Gift links: a subscriber lets anyone read one article in full, without touching a meter.

The link carries a signed token (gift id, article id, expiry; newsroom.lib.signing), so a
forged, garbled or expired token is turned away without a query. A well-signed token opens
its article only while its row exists, is not revoked, and its giver's subscription still
grants access: a giver (or staff) can take a gift back, and a lapsed subscriber gives nothing.
Whatever the reason, the reader falls back to the meter with a clear message.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction

from newsroom.lib.signing import ExpiredToken, InvalidToken, make_gift_token, read_gift_token
from newsroom.lib.urls import absolute_url
from paywall.models import GiftLink, Subscription

from .access import GiftGrant
from .policy import get_policy

QUERY_PARAMETER = "gift"

NOT_VALID = "This gift link is not valid. The usual limit of free articles applies."
EXPIRED = "This gift link has expired. The usual limit of free articles applies."
# One message whether the giver revoked the link or no longer subscribes: the reader of a
# gift has no business learning the giver's subscription status.
NO_LONGER_ACTIVE = "This gift link is no longer active. The usual limit of free articles applies."


class GiftError(Exception):
    """A reader-facing reason why a gift link cannot be created."""


@dataclass(frozen=True)
class GiftCheck:
    grant: GiftGrant | None = None
    error: str = ""


def month_start(now: datetime) -> datetime:
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def can_give(*, giver_id: int, now: datetime) -> bool:
    """True while this reader's subscription grants access: only then do their gifts work."""
    return Subscription.objects.granting_access(now).filter(user_id=giver_id).exists()


def gifts_left(*, user: User, now: datetime) -> int:
    """Gift links this reader may still create this calendar month (revoked ones count)."""
    used = GiftLink.objects.filter(giver=user, created_at__gte=month_start(now)).count()
    return quota_left(used=used)


def quota_left(*, used: int) -> int:
    """Gift links left this month when `used` were made in it."""
    return max(get_policy().gift_links_per_month - used, 0)


def token_for(gift: GiftLink) -> str:
    return make_gift_token(gift_id=gift.pk, article_id=gift.article_id, expires_at=gift.expires_at)


def create_gift_link(*, giver: User, article: Any, now: datetime) -> tuple[GiftLink, str]:
    """A new gift link for article, within the monthly quota; returns the row and token."""
    with transaction.atomic():
        # Simultaneous creations by one giver wait here in turn, so each one counts the
        # links the others made and the quota holds (on SQLite writers are serial anyway).
        get_user_model().objects.select_for_update().only("pk").get(pk=giver.pk)
        if not can_give(giver_id=giver.pk, now=now):
            raise GiftError("Gift links are for subscribers.")
        if gifts_left(user=giver, now=now) <= 0:
            raise GiftError(
                "You have used all your gift links for this month. New ones arrive on the 1st."
            )
        gift = GiftLink.objects.create(
            giver=giver,
            article=article,
            created_at=now,
            expires_at=now + timedelta(days=get_policy().gift_link_days),
        )
    return gift, token_for(gift)


def revoke_gift_link(*, gift: GiftLink, now: datetime) -> GiftLink:
    """Take a gift back: from now on its link opens nothing. Revoking twice changes nothing."""
    if gift.revoked_at is None:
        GiftLink.objects.filter(pk=gift.pk, revoked_at__isnull=True).update(revoked_at=now)
        gift.revoked_at = now
    return gift


def check_token(token: str | None, *, now: datetime) -> GiftCheck:
    """The grant a gift token's signature and expiry allow, with no query. Never raises."""
    if not token:
        return GiftCheck()
    try:
        claim = read_gift_token(token, now=now)
    except ExpiredToken:
        return GiftCheck(error=EXPIRED)
    except InvalidToken:
        return GiftCheck(error=NOT_VALID)
    return GiftCheck(grant=GiftGrant(gift_id=claim.gift_id, article_id=claim.article_id))


def open_gift(token: str | None, *, now: datetime) -> GiftCheck:
    """The grant of a gift link being opened now, or why it gives none. Never raises.

    Beyond the token: its row still exists and is not revoked, and its giver still has a
    subscription that grants access. Two queries, only for a well-signed, unexpired token.
    """
    check = check_token(token, now=now)
    if check.grant is None:
        return check
    giver_id = (
        GiftLink.objects.usable(now)
        .filter(pk=check.grant.gift_id)
        .values_list("giver_id", flat=True)
        .first()
    )
    if giver_id is None or not can_give(giver_id=giver_id, now=now):
        return GiftCheck(error=NO_LONGER_ACTIVE)
    return check


def link_for(gift: GiftLink) -> str:
    """The shareable address of a gift link, on SITE_URL like every link we hand out."""
    return absolute_url(f"{gift.article.get_absolute_url()}?{QUERY_PARAMETER}={token_for(gift)}")
