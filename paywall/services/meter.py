"""The free-article meter: which articles a reader has read within the rolling window.

Anonymous readers carry their meter in a cookie signed with Django's signing, so any number
of app servers agree without server state. A missing, expired, garbled or forged cookie is
an empty meter, never an error. Signed-in readers' meters are MeterRead rows.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.core import signing

from articles.models import Article
from paywall.models import MeterRead

COOKIE_NAME = "wc_meter"
COOKIE_SALT = "paywall.meter"
# A reader over the limit never adds entries, so a cookie holds at most a few dozen.
MAX_COOKIE_ENTRIES = 200
# Ids a database row can have; anything else in a cookie is noise (and would overflow SQLite).
LARGEST_ID = 2**63 - 1


@dataclass(frozen=True)
class Meter:
    """Article id -> when it was counted. Immutable: with_read returns a new meter."""

    reads: dict[int, datetime] = field(default_factory=dict)

    def window_start(self, *, now: datetime, window_days: int) -> datetime:
        return now - timedelta(days=window_days)

    def counted(self, *, now: datetime, window_days: int) -> dict[int, datetime]:
        start = self.window_start(now=now, window_days=window_days)
        return {pk: at for pk, at in self.reads.items() if start < at <= now}

    def has_read(self, article_id: int, *, now: datetime, window_days: int) -> bool:
        return article_id in self.counted(now=now, window_days=window_days)

    def count(self, *, now: datetime, window_days: int) -> int:
        return len(self.counted(now=now, window_days=window_days))

    def with_read(self, article_id: int, *, now: datetime, window_days: int) -> "Meter":
        """This meter plus one read, trimmed to the window (the cookie never grows stale)."""
        reads = self.counted(now=now, window_days=window_days)
        reads[article_id] = now
        return Meter(reads=reads)


def encode_cookie(meter: Meter) -> str:
    """The meter as a compact signed value: "article.epoch-article.epoch:signature".

    Every page view of a metered reader writes it, so it is kept to Django's Signer (an
    HMAC of the payload with SECRET_KEY) over plain digits: no JSON, compression or
    signing timestamp. Each read carries its own time, which is what the window counts.
    """
    newest = sorted(meter.reads.items(), key=lambda item: item[1], reverse=True)
    payload = "-".join(f"{pk}.{int(at.timestamp())}" for pk, at in newest[:MAX_COOKIE_ENTRIES])
    return signing.Signer(salt=COOKIE_SALT).sign(payload)


def decode_cookie(value: str | None) -> Meter:
    """The meter in a cookie value; anything but a genuine, fresh cookie is an empty meter."""
    if not value:
        return Meter()
    try:
        payload = signing.Signer(salt=COOKIE_SALT).unsign(value)
        reads = {}
        for entry in payload.split("-")[:MAX_COOKIE_ENTRIES] if payload else ():
            pk, stamp = (int(part) for part in entry.split("."))
            if 0 < pk <= LARGEST_ID:
                reads[pk] = datetime.fromtimestamp(stamp, tz=UTC)
    except (signing.BadSignature, TypeError, ValueError, OverflowError, OSError):
        return Meter()
    # Reads older than the window are ignored by Meter.counted, whatever the window is now.
    return Meter(reads=reads)


def load_reader_meter(*, user_id: int, now: datetime, window_days: int) -> Meter:
    """A signed-in reader's reads within the window: one query."""
    since = now - timedelta(days=window_days)
    rows = MeterRead.objects.filter(user_id=user_id, read_at__gt=since).values_list(
        "article_id", "read_at"
    )
    return Meter(reads=dict(rows))


def record_reader_read(*, user_id: int, article_id: int, now: datetime) -> None:
    """Count an article for a signed-in reader (a reread after the window counts again)."""
    MeterRead.objects.update_or_create(
        user_id=user_id, article_id=article_id, defaults={"read_at": now}
    )


def carry_over(*, user_id: int, meter: Meter, now: datetime, window_days: int) -> int:
    """Copy an anonymous meter into a reader's account on sign-up or sign-in."""
    reads = meter.counted(now=now, window_days=window_days)
    if not reads:
        return 0
    existing = dict(
        MeterRead.objects.filter(user_id=user_id, article_id__in=reads).values_list(
            "article_id", "read_at"
        )
    )
    new = [
        MeterRead(user_id=user_id, article_id=pk, read_at=at)
        for pk, at in reads.items()
        if pk not in existing
    ]
    # Articles deleted since the anonymous read would violate the foreign key: skip them.
    live_ids = set(
        Article.objects.filter(pk__in=[row.article_id for row in new]).values_list("pk", flat=True)
    )
    new = [row for row in new if row.article_id in live_ids]
    MeterRead.objects.bulk_create(new, ignore_conflicts=True)
    for pk, at in reads.items():
        if pk in existing and existing[pk] < at:
            MeterRead.objects.filter(user_id=user_id, article_id=pk).update(read_at=at)
    return len(new)
