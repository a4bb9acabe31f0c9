"""Subscribers in and out as CSV: a streamed export and an import that reports every row
it turns down."""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from newsroom.lib.email_addresses import normalise_email

from ..models import BlockedDomain, Newsletter, Subscriber, Subscription
from .subscribers import change_status

EXPORT_HEADER = [
    "email",
    "status",
    "newsletters",
    "created_at",
    "confirmed_at",
    "unsubscribed_at",
    "consent_at",
    "consent_source",
]


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


# A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """The value as a spreadsheet shows it, never runs it: a leading quote makes it text."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def restore_cell(value: str) -> str:
    """The inverse of neutralise_cell, so an exported file imports as it was."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def export_lines(subscribers: QuerySet[Subscriber], *, chunk_size: int = 2000) -> Iterator[str]:
    """CSV lines for these subscribers, read a chunk at a time so memory stays flat."""
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_HEADER)
    rows = (
        subscribers.order_by("pk")
        .prefetch_related("newsletters")
        .only(*[name for name in EXPORT_HEADER if name != "newsletters"])
        .iterator(chunk_size=chunk_size)
    )
    for subscriber in rows:
        cells = [
            subscriber.email,
            subscriber.status,
            " ".join(n.slug for n in subscriber.newsletters.all()),
            _iso(subscriber.created_at),
            _iso(subscriber.confirmed_at),
            _iso(subscriber.unsubscribed_at),
            _iso(subscriber.consent_at),
            subscriber.consent_source,
        ]
        yield writer.writerow([neutralise_cell(cell) for cell in cells])


@dataclass
class Rejected:
    line: int
    value: str
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0  # already known; the chosen newsletters were added
    rejected: list[Rejected] = field(default_factory=list)


def import_subscribers(
    *,
    lines: Iterable[str],
    newsletters: Iterable[Newsletter],
    source: str,
    now: datetime | None = None,
    chunk_size: int = 1000,
) -> ImportReport:
    """Add confirmed subscribers from CSV with an "email" column (consent gathered elsewhere,
    recorded as source). Nobody is added twice, and nobody who unsubscribed is re-added."""
    now = now or timezone.now()
    newsletters = list(newsletters)
    report = ImportReport()
    reader = csv.reader(lines)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        report.rejected.append(Rejected(1, "", "The file is empty."))
        return report
    if "email" not in header:
        report.rejected.append(
            Rejected(1, ",".join(header), 'The first row must name the columns, with "email".')
        )
        return report
    column = header.index("email")
    blocked = BlockedDomain.objects.block_list()
    seen: set[str] = set()
    chunk: list[tuple[int, str]] = []

    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        raw = restore_cell(row[column].strip()) if column < len(row) else ""
        email = normalise_email(raw)
        if not email:
            report.rejected.append(Rejected(line, raw, "No email address."))
            continue
        try:
            validate_email(email)
        except ValidationError:
            report.rejected.append(Rejected(line, raw, "Not a valid email address."))
            continue
        if blocked.blocks(email):
            report.rejected.append(Rejected(line, raw, "The domain is blocked."))
            continue
        if email in seen:
            report.rejected.append(Rejected(line, raw, "Already earlier in this file."))
            continue
        seen.add(email)
        chunk.append((line, email))
        if len(chunk) >= chunk_size:
            _import_chunk(chunk, newsletters, source, now, report)
            chunk = []
    if chunk:
        _import_chunk(chunk, newsletters, source, now, report)
    report.rejected.sort(key=lambda rejected: rejected.line)
    return report


def _import_chunk(
    chunk: list[tuple[int, str]],
    newsletters: list[Newsletter],
    source: str,
    now: datetime,
    report: ImportReport,
) -> None:
    with transaction.atomic():
        existing = {
            s.email: s
            for s in Subscriber.objects.filter(email__in=[email for _, email in chunk]).only(
                "pk", "email", "status"
            )
        }
        new = []
        for line, email in chunk:
            subscriber = existing.get(email)
            if subscriber is None:
                imported = Subscriber(
                    email=email,
                    created_at=now,
                    consent_at=now,
                    consent_text="Consent gathered before import.",
                    consent_source=f"Import: {source}"[:500],
                )
                new.append(
                    change_status(
                        subscriber=imported, to=Subscriber.Status.CONFIRMED, now=now, save=False
                    )
                )
            elif subscriber.is_unsubscribed:
                report.rejected.append(
                    Rejected(line, email, "Unsubscribed earlier: not added again.")
                )
            else:
                report.updated += 1
        Subscriber.objects.bulk_create(new)
        report.created += len(new)
        targets = (
            Subscriber.objects.filter(email__in=[email for _, email in chunk])
            .subscribed()
            .values_list("pk", flat=True)
        )
        Subscription.objects.bulk_create(
            [
                Subscription(subscriber_id=pk, newsletter=newsletter, created_at=now)
                for pk in targets
                for newsletter in newsletters
            ],
            ignore_conflicts=True,
        )
