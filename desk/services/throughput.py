"""The desk's figures for the dashboard: translations published this week per translator and
language, the median time from assignment to publication, and overdue assignments."""

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..languages import language_name
from ..models import SourceStory

WEEK = timedelta(days=7)
OVERDUE_LISTED = 8


@dataclass(frozen=True)
class Throughput:
    translator: str
    language: str
    published: int
    median_hours: float | None  # from assignment to publication

    @property
    def median_label(self) -> str:
        """ "5 h", or "2.5 days" from two days on; "–" when no assignment time is known."""
        if self.median_hours is None:
            return "–"
        if self.median_hours < 48:
            return f"{self.median_hours:.0f} h"
        return f"{self.median_hours / 24:.1f} days"


@dataclass(frozen=True)
class DeskFigures:
    rows: list[Throughput]
    overdue: list[SourceStory]
    overdue_count: int
    published_total: int


def desk_figures(*, now: datetime) -> DeskFigures:
    """Three queries, however many stories: published this week, overdue (count, list)."""
    published = (
        SourceStory.objects.published_since(now - WEEK)
        .values_list(
            "translator__username",
            "translator__translator_profile__author__name",
            "language",
            "assigned_at",
            "published_at",
        )
        .order_by()
    )
    groups: dict[tuple[str, str], list[float]] = {}
    counts: dict[tuple[str, str], int] = {}
    for username, byline, language, assigned_at, published_at in published:
        key = (byline or username or "Unassigned", language)
        counts[key] = counts.get(key, 0) + 1
        if assigned_at and published_at:
            hours = (published_at - assigned_at).total_seconds() / 3600
            groups.setdefault(key, []).append(hours)
    rows = [
        Throughput(
            translator=translator,
            language=language_name(language),
            published=count,
            median_hours=statistics.median(groups[(translator, language)])
            if groups.get((translator, language))
            else None,
        )
        for (translator, language), count in sorted(counts.items())
    ]
    overdue = SourceStory.objects.overdue(now).select_related("translator", "source")
    return DeskFigures(
        rows=rows,
        overdue=list(overdue.order_by("deadline")[:OVERDUE_LISTED]),
        overdue_count=overdue.count(),
        published_total=sum(counts.values()),
    )
