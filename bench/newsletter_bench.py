"""Newsletter benchmark: one issue to 100,000 confirmed subscribers, and signup POSTs.

Runs against a throw-away SQLite database, or BENCH_DATABASE_URL (e.g. a PostgreSQL
database of its own: it is EMPTIED first), with a counting email backend that serialises
each message fully, as the SMTP backend does before it writes to the socket.
Prints messages per second and the process's peak memory. Targets: >= 2,000 messages/s,
< 300 MB peak.

    .venv/bin/python bench/newsletter_bench.py [--subscribers 100000] [--signups 2000]
"""

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

TMP = tempfile.mkdtemp(prefix="newsletter-bench-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{TMP}/bench.sqlite3")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ["DEBUG"] = "0"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
os.environ["CACHE_URL"] = "locmemcache://bench"
os.environ["MEDIA_ROOT"] = TMP
os.environ["ORIGINALS_ROOT"] = os.path.join(TMP, "originals")
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["SESSION_COOKIE_SECURE"] = "0"
os.environ["CSRF_COOKIE_SECURE"] = "0"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from counting_backend import CountingBackend  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Section  # noqa: E402
from newsletters.models import Newsletter, NewsletterIssue, Subscriber, Subscription  # noqa: E402
from newsletters.services.sending import send_issue  # noqa: E402
from newsletters.services.subscribers_csv import export_lines  # noqa: E402

MB = 1024 * 1024


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB


def seed(count: int) -> NewsletterIssue:
    newsletter = Newsletter.objects.create(
        name="Worldcrunch Today", slug="worldcrunch-today", description="Daily.", in_masthead=True
    )
    section = Section.objects.create(name="World", slug="world")
    articles = [
        Article.objects.create(
            headline=f"Story {n} from the world's press",
            dek="A paragraph of standfirst, as long as the ones editors write for the cards. " * 2,
            body="<p>Body text that never goes in an email.</p>",
            section=section,
            status=Article.Status.PUBLISHED,
        )
        for n in range(6)
    ]
    issue = NewsletterIssue.objects.create(
        newsletter=newsletter,
        subject="Worldcrunch Today: the benchmark edition",
        preheader="Six stories from six countries.",
        intro="Good morning. " * 20,
    )
    for position, article in enumerate(articles):
        issue.items.create(article=article, position=position)
    now = timezone.now()
    chunk = 5000
    for start in range(0, count, chunk):
        subscribers = Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"reader{n}@example.org",
                    status=Subscriber.Status.CONFIRMED,
                    confirmed_at=now,
                )
                for n in range(start, min(start + chunk, count))
            ]
        )
        if subscribers[0].pk is None:  # backends that don't return ids
            subscribers = Subscriber.objects.filter(email__in=[s.email for s in subscribers]).only(
                "pk"
            )
        Subscription.objects.bulk_create(
            [Subscription(subscriber=s, newsletter=newsletter) for s in subscribers]
        )
    return issue


def bench_send(count: int, batch_size: int) -> None:
    started = time.perf_counter()
    issue = seed(count)
    print(f"seeded {count:,} confirmed subscribers in {time.perf_counter() - started:.1f} s")
    rss_before = peak_rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    report = send_issue(issue_id=issue.pk, batch_size=batch_size, connection=CountingBackend())
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"send: {report.sent:,} messages in {elapsed:.1f} s = {report.sent / elapsed:,.0f} "
        f"messages/s wall clock (target >= 2,000); {report.sent / cpu:,.0f} messages per "
        f"CPU-second of this process; {CountingBackend.bytes / report.sent / 1024:.1f} KB "
        f"per message; issue {report.status}"
    )
    print(
        f"peak memory: {peak_rss_mb():.0f} MB for the whole process "
        f"({rss_before:.0f} MB before sending; target < 300 MB)"
    )
    assert report.sent == count == CountingBackend.messages, "every subscriber exactly once"


def bench_export() -> None:
    """The admin's CSV export reads in chunks: Python memory stays flat whatever the count."""
    tracemalloc.start()
    started = time.perf_counter()
    rows = size = 0
    for line in export_lines(Subscriber.objects.all()):
        rows += 1
        size += len(line)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"export: {rows - 1:,} subscribers, {size / MB:.1f} MB of CSV in {elapsed:.1f} s "
        f"(under tracemalloc); peak Python memory while streaming {peak / MB:.1f} MB"
    )


def bench_signup(count: int) -> None:
    # Pages link the stylesheet; without collectstatic, name it as in development.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    client = Client()
    client.get("/newsletters/")  # warm up templates and URL resolvers
    CountingBackend.messages = 0
    settings.EMAIL_BACKEND = "counting_backend.CountingBackend"
    started, cpu_started = time.perf_counter(), time.process_time()
    for n in range(count):
        response = client.post(
            "/newsletters/signup/",
            {"email": f"new{n}@example.net", "placement": "masthead", "source": "/"},
            REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        )
        assert response.status_code == 302, response.status_code
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"signup: {count:,} POSTs in {elapsed:.1f} s = {count / elapsed:,.0f} signups/s wall "
        f"clock, {count / cpu:,.0f} per CPU-second (one process; each POST also renders and "
        f"sends its confirmation email: {CountingBackend.messages:,} sent)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--signups", type=int, default=2_000)
    parser.add_argument("--batch-size", type=int, default=settings.NEWSLETTER_BATCH_SIZE)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if "BENCH_DATABASE_URL" in os.environ:
        call_command("flush", interactive=False, verbosity=0)
    print(f"database: {connection.vendor}; batch size {args.batch_size}")
    bench_send(args.subscribers, args.batch_size)
    bench_export()
    bench_signup(args.signups)


if __name__ == "__main__":
    main()
