"""Figures for the editors' dashboard: newsletter signups per day."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from newsletters.models import Subscriber


@dataclass(frozen=True)
class SignupDay:
    day: date
    signups: int  # addresses that filled in the form that day
    confirmed: int  # addresses that clicked their confirmation link that day


def signups_per_day(*, now: datetime, days: int = 30) -> list[SignupDay]:
    """One row per day, oldest first, ending today (in the site's time zone)."""
    today = timezone.localdate(now)
    since = today - timedelta(days=days - 1)
    start = timezone.make_aware(datetime.combine(since, datetime.min.time()))
    tz = timezone.get_current_timezone()

    def per_day(field: str) -> dict[date, int]:
        rows = (
            Subscriber.objects.filter(**{f"{field}__gte": start, f"{field}__lte": now})
            .annotate(day=TruncDate(field, tzinfo=tz))
            .values("day")
            .annotate(count=Count("pk"))
        )
        return {row["day"]: row["count"] for row in rows}

    signups, confirmed = per_day("created_at"), per_day("confirmed_at")
    return [
        SignupDay(day=day, signups=signups.get(day, 0), confirmed=confirmed.get(day, 0))
        for day in (since + timedelta(days=n) for n in range(days))
    ]
