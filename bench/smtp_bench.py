"""Newsletter sending to a real SMTP server: messages/s for one and for two workers.

    .venv/bin/python bench/smtp_bench.py [--subscribers 20000]

An SMTP server (aiosmtpd) on 127.0.0.1, an ephemeral port, in a process of its own, takes
every message and counts it. A PostgreSQL database of the bench's own (EMPTIED first;
--database-url) holds three issues of three newsletters, each with --subscribers
confirmed subscribers. Each worker is a process running send_issue (the code the task
worker and `send_newsletter` run): Delivery rows, the lease, MIME per subscriber,
NEWSLETTER_SMTP_CONNECTIONS SMTP connections per batch, each delivery marked handed over
then sent. One worker sends the first issue; then two workers send the other two at the
same time (an issue is sent by one worker at a time: its lease). Prints messages/s, each
worker's peak resident memory, where the CPU went (milliseconds per message of the
workers, the server, PostgreSQL and the whole machine), and which targets are met (issue
15: at least 1,000/s per worker, at least 1.8 times that with two, under 300 MB per
worker). Load average printed with every figure.
"""

import argparse
import asyncio
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
PER_WORKER_TARGET = 1000
SCALING_TARGET = 1.8
MEMORY_TARGET_MB = 300


def log(message: str) -> None:
    print(message, flush=True)


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def cpu_seconds(pid: int) -> float:
    """User + system CPU a process (all its threads) has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu_seconds() -> float:
    """CPU used by every PostgreSQL process so far, with the backends that have ended
    (counted in the postmaster's children's time). Other clients' work counts too."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        if text.split(" (", 1)[1].startswith("postgres)"):
            fields = text.rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


def busy_cpu_seconds() -> float:
    """CPU time the whole machine has spent not idle, from /proc/stat."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = (
        int(f) for f in Path("/proc/stat").read_text().split()[1:9]
    )
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str, smtp_port: int) -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": database_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "SECRET_KEY": "smtp-bench-only-secret-key",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "CACHE_URL": "locmemcache://smtp-bench",
        "ALLOWED_HOSTS": "127.0.0.1",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }


# --- the SMTP server process -------------------------------------------------------------


class CountingHandler:
    def __init__(self) -> None:
        self.messages = 0
        self.bytes = 0

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        self.bytes += len(envelope.content)
        return "250 Message accepted for delivery"


def serve_smtp(port: int, count_file: Path) -> None:
    """Serve until SIGTERM, then write how many messages were taken."""
    from aiosmtpd.smtp import SMTP

    handler = CountingHandler()
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(
        loop.create_server(lambda: SMTP(handler, hostname="bench.local"), "127.0.0.1", port)
    )
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    print("ready", flush=True)
    loop.run_forever()
    server.close()
    count_file.write_text(json.dumps({"messages": handler.messages, "bytes": handler.bytes}))


# --- the database ------------------------------------------------------------------------


def reset_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def seed(count: int) -> list[int]:
    """Three issues of three newsletters, each to `count` confirmed subscribers."""
    import django

    django.setup()
    from django.utils import timezone

    from articles.models import Article, Section
    from newsletters.models import Newsletter, NewsletterIssue, Subscriber, Subscription

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
    now = timezone.now()
    issues = []
    for number in range(3):
        newsletter = Newsletter.objects.create(
            name=f"Worldcrunch {number}", slug=f"worldcrunch-{number}", description="Daily."
        )
        issue = NewsletterIssue.objects.create(
            newsletter=newsletter,
            subject=f"Worldcrunch {number}: the benchmark edition",
            preheader="Six stories from six countries.",
            intro="Good morning. " * 20,
        )
        for position, article in enumerate(articles):
            issue.items.create(article=article, position=position)
        for start in range(0, count, 5000):
            subscribers = Subscriber.objects.bulk_create(
                [
                    Subscriber(
                        email=f"reader{number}-{n}@example.org",
                        status=Subscriber.Status.CONFIRMED,
                        confirmed_at=now,
                    )
                    for n in range(start, min(start + 5000, count))
                ]
            )
            Subscription.objects.bulk_create(
                [Subscription(subscriber=s, newsletter=newsletter) for s in subscribers]
            )
        issues.append(issue.pk)
    return issues


# --- a worker process --------------------------------------------------------------------


def work(issue_id: int) -> None:
    import django

    django.setup()
    from newsletters.models import Delivery
    from newsletters.services.sending import send_issue

    started, cpu_started = time.perf_counter(), time.process_time()
    report = send_issue(issue_id=issue_id)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    sent_rows = Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.SENT).count()
    print(
        json.dumps(
            {
                "sent": report.sent,
                "sent_rows": sent_rows,
                "seconds": elapsed,
                "cpu_seconds": cpu,
                "started": started,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "status": report.status,
            }
        ),
        flush=True,
    )


def run_workers(
    env: dict[str, str], issue_ids: list[int], server_pid: int
) -> tuple[float, list[dict], dict[str, float]]:
    """(each worker's longest send in seconds, each worker's report, CPU seconds meanwhile
    of the SMTP server, of PostgreSQL and of the whole machine)."""
    cpu = {"server": cpu_seconds(server_pid), "postgres": postgres_cpu_seconds()}
    cpu["machine"] = busy_cpu_seconds()
    began = time.perf_counter()
    processes = [
        subprocess.Popen(
            [str(PYTHON), __file__, "--worker", str(pk)], env=env, stdout=subprocess.PIPE, text=True
        )
        for pk in issue_ids
    ]
    outputs = [process.communicate(timeout=900)[0] for process in processes]
    wall = time.perf_counter() - began
    cpu["server"] = cpu_seconds(server_pid) - cpu["server"]
    cpu["postgres"] = postgres_cpu_seconds() - cpu["postgres"]
    cpu["machine"] = busy_cpu_seconds() - cpu["machine"]
    reports = [json.loads(out.strip().splitlines()[-1]) for out in outputs]
    # Process start-up (Django's setup) is not sending: count each worker's own send time.
    return max(report["seconds"] for report in reports) or wall, reports, cpu


def cpu_per_message(reports: list[dict], cpu: dict[str, float], seconds: float) -> str:
    """Where the cores go: CPU milliseconds per message of the workers, the SMTP server,
    PostgreSQL and the whole machine (from start-up to exit of the workers), beside the
    core time there was per message while they sent."""
    sent = max(sum(report["sent"] for report in reports), 1)
    workers = sum(report["cpu_seconds"] for report in reports)

    def ms(seconds: float) -> str:
        return f"{seconds / sent * 1000:.2f} ms"

    return (
        f"CPU per message: workers {ms(workers)}, server {ms(cpu['server'])}, "
        f"PostgreSQL {ms(cpu['postgres'])}, whole machine {ms(cpu['machine'])}; "
        f"{os.cpu_count()} cores x send time = {ms(os.cpu_count() * seconds)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=20_000, help="per issue")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_SMTP_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_smtp_bench"
        ),
        help="a PostgreSQL database for the bench alone: it is EMPTIED first",
    )
    parser.add_argument("--smtp-server", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--count-file", help=argparse.SUPPRESS)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.smtp_server:
        serve_smtp(args.smtp_server, Path(args.count_file))
        return 0
    if args.worker:
        work(args.worker)
        return 0
    if args.seed:
        print(json.dumps(seed(args.seed)))
        return 0

    port = free_port()
    env = environment(args.database_url, port)
    reset_database(args.database_url)
    subprocess.run([str(PYTHON), "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    started = time.perf_counter()
    seeded = subprocess.run(
        [str(PYTHON), __file__, "--seed", str(args.subscribers)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    issues = json.loads(seeded.strip().splitlines()[-1])
    log(
        f"seeded 3 issues x {args.subscribers:,} confirmed subscribers in "
        f"{time.perf_counter() - started:.0f} s ({load()})"
    )
    count_file = Path(f"/tmp/newsroom-smtp-bench-{os.getpid()}.json")
    server = subprocess.Popen(
        [str(PYTHON), __file__, "--smtp-server", str(port), "--count-file", str(count_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        if server.stdout.readline().strip() != "ready":
            raise SystemExit("the SMTP server did not start")
        log(f"aiosmtpd on 127.0.0.1:{port}, in its own process")
        one_seconds, one, one_cpu = run_workers(env, issues[:1], server.pid)
        one_rate = one[0]["sent"] / one_seconds
        log(
            f"1 worker : {one[0]['sent']:,} messages in {one_seconds:.1f} s = {one_rate:,.0f}/s; "
            f"peak memory {one[0]['peak_mb']:.0f} MB ({load()})"
        )
        log(f"           {cpu_per_message(one, one_cpu, one_seconds)}")
        two_seconds, two, two_cpu = run_workers(env, issues[1:], server.pid)
        sent_two = sum(report["sent"] for report in two)
        two_rate = sent_two / two_seconds
        memory = ", ".join(f"{report['peak_mb']:.0f} MB" for report in two)
        log(
            f"2 workers: {sent_two:,} messages in {two_seconds:.1f} s = {two_rate:,.0f}/s; "
            f"peak memory {memory} ({load()})"
        )
        log(f"           {cpu_per_message(two, two_cpu, two_seconds)}")
        # What the cores allow: every message costs the whole machine this much CPU, so two
        # workers can be no faster than the cores divided by it, whatever the code does.
        machine_ms = two_cpu["machine"] / max(sent_two, 1) * 1000
        ceiling = (os.cpu_count() or 1) * 1000 / machine_ms
        log(
            f"ceiling on this machine: {os.cpu_count()} cores / {machine_ms:.2f} ms a message "
            f"= {ceiling:,.0f}/s, at most {ceiling / one_rate:.2f} x one worker"
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    taken = json.loads(count_file.read_text())
    count_file.unlink()
    expected = args.subscribers * 3
    recorded = sum(report["sent_rows"] for report in one + two)
    size_kb = taken["bytes"] / max(taken["messages"], 1) / 1024
    log(
        f"the server took {taken['messages']:,} messages ({size_kb:.1f} KB each); "
        f"{recorded:,} Delivery rows are sent; {expected:,} subscribers"
    )
    peak = max(report["peak_mb"] for report in one + two)
    verdicts = [
        (
            f"target 4: one worker {one_rate:,.0f} messages/s (at least {PER_WORKER_TARGET:,})",
            one_rate >= PER_WORKER_TARGET,
        ),
        (
            f"target 4: two workers {two_rate / one_rate:.2f} x one (at least {SCALING_TARGET})",
            two_rate >= SCALING_TARGET * one_rate,
        ),
        (
            f"target 4: peak memory per worker {peak:.0f} MB (under {MEMORY_TARGET_MB})",
            peak < MEMORY_TARGET_MB,
        ),
        (
            "every subscriber sent exactly once, and recorded",
            taken["messages"] == recorded == expected,
        ),
    ]
    for line, met in verdicts:
        log(f"{line}: {'met' if met else 'NOT MET'}")
    load_1, load_5, _ = os.getloadavg()
    log(f"machine: {os.cpu_count()} CPUs, load average {load_1:.1f} (1 min), {load_5:.1f} (5 min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
