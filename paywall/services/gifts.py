"""Gift links: a subscriber lets anyone read one article in full, without touching a meter.

The link carries a token signed with Django's signing (gift id, article id, expiry), so
checking it needs no query. A forged, garbled or expired token falls back to the meter
with a clear message.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core import signing

from paywall.models import GiftLink

from .access import GiftGrant
from .policy import get_policy

SALT = "paywall.gift"
QUERY_PARAMETER = "gift"


class GiftError(Exception):
    """A reader-facing reason why a gift link cannot be created."""


@dataclass(frozen=True)
class GiftCheck:
    grant: GiftGrant | None = None
    error: str = ""


def month_start(now: datetime) -> datetime:
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def gifts_left(*, user, now: datetime) -> int:
    """Gift links this reader may still create this calendar month."""
    used = GiftLink.objects.filter(giver=user, created_at__gte=month_start(now)).count()
    return max(get_policy().gift_links_per_month - used, 0)


def token_for(gift: GiftLink) -> str:
    payload = {"g": gift.pk, "a": gift.article_id, "x": int(gift.expires_at.timestamp())}
    return signing.dumps(payload, salt=SALT)


def create_gift_link(*, giver, article, now: datetime, can_give: bool) -> tuple[GiftLink, str]:
    """A new gift link for article, within the monthly quota; returns the row and token."""
    if not can_give:
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


def check_token(token: str | None, *, now: datetime) -> GiftCheck:
    """The grant in a gift token, or the reason it gives none. Never raises."""
    if not token:
        return GiftCheck()
    try:
        payload = signing.loads(token, salt=SALT)
        gift_id, article_id = int(payload["g"]), int(payload["a"])
        expires_at = datetime.fromtimestamp(int(payload["x"]), tz=UTC)
    except Exception:
        return GiftCheck(
            error="This gift link is not valid. The usual limit of free articles applies."
        )
    if expires_at <= now:
        return GiftCheck(
            error="This gift link has expired. The usual limit of free articles applies."
        )
    return GiftCheck(grant=GiftGrant(gift_id=gift_id, article_id=article_id))


def link_for(gift: GiftLink, *, build_absolute_uri) -> str:
    """The shareable address of a gift link (build_absolute_uri: the request's)."""
    path = f"{gift.article.get_absolute_url()}?{QUERY_PARAMETER}={token_for(gift)}"
    return build_absolute_uri(path)
