"""Stripe webhooks: 10,000 deliveries (10% duplicated, 10% out of order) to the real endpoint.

    .venv/bin/python bench/webhook_bench.py [--subscriptions 1500] [--deliveries 10000]
                                            [--workers 4]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/payments_bench_db  # the default

PostgreSQL, a database of the benchmark's own (created if missing, its paywall rows and
bench readers EMPTIED first). Each subscription lives a Stripe life in signed events
(checkout completed, created in trial, trial ending, first invoice paid, updated active,
then one of: stays active, switches to annual, is set to cancel, ends, or a renewal fails).
Stripe's API is a local HTTP double (a thread in this process) that serves each subscription
as Stripe would at the moment of delivery: the newest state generated so far.

Two runs over the same subscriptions, each POSTing signed events (Stripe's v1 scheme) to
/account/webhooks/stripe/ (every middleware, the signature check with the SDK):
  in order   each event once, in the order Stripe generated them, one at a time through
             Django's test client (the reference);
  shuffled   the deliveries, 10% of them a second copy of an earlier event, 10% moved later,
             delivered concurrently as Stripe does: gunicorn with --workers sync workers on
             an ephemeral port, and as many posting threads (`requests`) taking the next
             delivery from one shared cursor, so deliveries leave in the shuffled order and a
             duplicate can be in flight with its original. --workers 0: one at a time through
             the test client, as before.
Prints deliveries/s of the shuffled run (target >= 200/s), deliveries per CPU-second (all
processes: this one, the double, gunicorn's), the load average, and the number of
subscriptions whose final state (status, plan, period end; a past-due one's grace end is set
from the moment it is applied, so not compared) differs from the in-order run (target 0).
"""

import argparse
import bisect
import hashlib
import hmac
import json
import multiprocessing
import os
import random
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from servers import HOST, free_port, start_gunicorn, stop  # noqa: E402

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/payments_bench_db"
)
SECRET = "whsec_bench_only"
os.environ.update(
    {
        "DATABASE_URL": DATABASE_URL,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key"),
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "CACHE_URL": "locmemcache://webhook-bench",
        "EMAIL_URL": "dummymail://",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "PAYWALL_PAYMENT_PROVIDER": "stripe",
        "STRIPE_SECRET_KEY": "sk_test_bench_only",
        "STRIPE_WEBHOOK_SECRET": SECRET,
        "STRIPE_MAX_NETWORK_RETRIES": "0",
        "STRIPE_PRICE_IDS": "monthly=price_monthly,annual=price_annual",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
)


class StripeDouble(BaseHTTPRequestHandler):
    """GET /v1/subscriptions/<id>: the subscription as Stripe holds it now, i.e. its state
    after the newest event generated so far (`newest`, shared with the benchmark)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms stall
    states: dict[str, tuple[list[int], list[bytes]]] = {}
    newest: Any = None

    def do_GET(self):  # noqa: N802 (http.server's name)
        ref = self.path.split("?")[0].rsplit("/", 1)[-1]
        indexes, bodies = self.states.get(ref, ([], []))
        at = bisect.bisect_right(indexes, self.newest.value) - 1
        found = at >= 0
        body = bodies[at] if found else b'{"error": {"type": "invalid_request_error"}}'
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_double(events, newest, port) -> None:
    """In a process of its own, as Stripe is a machine of its own."""
    states: dict[str, tuple[list[int], list[bytes]]] = {}
    for index, (ref, _, _, state) in enumerate(events):
        indexes, bodies = states.setdefault(ref, ([], []))
        indexes.append(index)
        bodies.append(json.dumps(state).encode())
    StripeDouble.states, StripeDouble.newest = states, newest
    server = ThreadingHTTPServer(("127.0.0.1", 0), StripeDouble)
    port.value = server.server_port
    server.serve_forever()


def start_double(events) -> tuple[multiprocessing.Process, Any]:
    """The double for these events, and the shared index of the newest one generated."""
    newest, port = multiprocessing.Value("q", -1), multiprocessing.Value("i", 0)
    connection.close()  # the child must not share the database connection
    process = multiprocessing.get_context("fork").Process(
        target=serve_double, args=(events, newest, port), daemon=True
    )
    process.start()
    deadline = time.monotonic() + 30
    while not port.value and time.monotonic() < deadline:
        time.sleep(0.05)
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{port.value}"
    return process, newest


def stop_double(process: multiprocessing.Process) -> None:
    process.terminate()
    process.join(timeout=10)


def ensure_database() -> None:
    """Create the benchmark's own database if it is missing (PostgreSQL only)."""
    name = DATABASE_URL.rsplit("/", 1)[-1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


if DATABASE_URL.startswith("postgres"):
    ensure_database()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from paywall.models import (  # noqa: E402
    MeterPolicy,
    Plan,
    Refund,
    Subscription,
    SubscriptionEvent,
    TrialCard,
    WebhookEvent,
)

User = get_user_model()
DAY = 86400


def stamp(moment: datetime) -> int:
    return int(moment.timestamp())


def subscription_object(
    ref: str, ours: int, *, status: str, end: int, price: str, cancel: bool = False
) -> dict[str, Any]:
    return {
        "id": ref,
        "object": "subscription",
        "customer": f"cus_{ref}",
        "status": status,
        "cancel_at_period_end": cancel,
        "trial_end": end if status == "trialing" else None,
        "items": {
            "object": "list",
            "data": [
                {
                    "id": f"si_{ref}",
                    "object": "subscription_item",
                    "current_period_end": end,
                    "price": {"id": price, "object": "price"},
                }
            ],
        },
        "metadata": {"subscription_id": str(ours)},
    }


def life(ref: str, ours: int, variant: int, base: datetime) -> list[tuple[str, dict, dict]]:
    """One subscription's events in Stripe's order: (type, object sent, Stripe's state after)."""
    trial_end = stamp(base + timedelta(days=30))
    paid_end = stamp(base + timedelta(days=60))
    trial = subscription_object(ref, ours, status="trialing", end=trial_end, price="price_monthly")
    active = subscription_object(ref, ours, status="active", end=paid_end, price="price_monthly")
    session = {
        "id": f"cs_{ref}",
        "object": "checkout.session",
        "client_reference_id": str(ours),
        "subscription": ref,
        "customer": f"cus_{ref}",
    }
    invoice = {
        "id": f"in_{ref}_1",
        "object": "invoice",
        "amount_paid": 290,
        "parent": {"subscription_details": {"subscription": ref}},
    }
    events = [
        ("checkout.session.completed", session, trial),
        ("customer.subscription.created", trial, trial),
        ("customer.subscription.trial_will_end", trial, trial),
        ("invoice.paid", invoice, active),
        ("customer.subscription.updated", active, active),
    ]
    if variant == 1:  # switches to annual
        annual = subscription_object(
            ref, ours, status="active", end=stamp(base + timedelta(days=395)), price="price_annual"
        )
        events.append(("customer.subscription.updated", annual, annual))
    elif variant == 2:  # set to cancel at the period's end
        canceling = {**active, "cancel_at_period_end": True}
        events.append(("customer.subscription.updated", canceling, canceling))
    elif variant == 3:  # ended
        ended = {**active, "status": "canceled"}
        events.append(("customer.subscription.deleted", ended, ended))
    elif variant == 4:  # a renewal fails
        past_due = {**active, "status": "past_due"}
        failed = {**invoice, "id": f"in_{ref}_2", "amount_paid": 0}
        events.append(("invoice.payment_failed", failed, past_due))
    else:  # renews
        item = {**active["items"]["data"][0], "current_period_end": paid_end + 30 * DAY}
        renewed = {**active, "items": {"object": "list", "data": [item]}}
        events.append(("customer.subscription.updated", renewed, renewed))
    return events


def reset(count: int) -> list[int]:
    """Empty the paywall's rows and the bench readers; make `count` pending subscriptions."""
    for model in (WebhookEvent, Refund, TrialCard, SubscriptionEvent, Subscription):
        model.objects.all().delete()
    User.objects.filter(username__startswith="bench-reader-").delete()
    MeterPolicy.objects.get_or_create()
    monthly, _ = Plan.objects.update_or_create(
        slug="monthly", defaults={"name": "Monthly", "price": "2.90", "trial_days": 30}
    )
    Plan.objects.update_or_create(
        slug="annual", defaults={"name": "Annual", "price": "19.90", "interval": "year"}
    )
    users = User.objects.bulk_create(
        User(username=f"bench-reader-{n}", email=f"bench-reader-{n}@example.com")
        for n in range(count)
    )
    rows = Subscription.objects.bulk_create(
        Subscription(user=user, plan=monthly, status=Subscription.Status.PENDING, provider="stripe")
        for user in users
    )
    return [row.pk for row in rows]


def timeline(pks: list[int], seed: int, base: datetime) -> list[tuple[str, str, dict, dict]]:
    """Every subscription's events, interleaved as Stripe would generate them."""
    rng = random.Random(seed)
    lives = [
        [(f"sub_bench_{n}", *step) for step in life(f"sub_bench_{n}", pk, n % 6, base)]
        for n, pk in enumerate(pks)
    ]
    order = [n for n, steps in enumerate(lives) for _ in steps]
    rng.shuffle(order)
    cursors = [0] * len(lives)
    generated = []
    for n in order:
        generated.append(lives[n][cursors[n]])
        cursors[n] += 1
    return generated


def deliveries(count: int, generated: int, seed: int) -> list[int]:
    """Indexes into the generated events: 10% duplicates of earlier ones, 10% delivered
    later than generated (by 1 to 200 places)."""
    rng = random.Random(seed)
    plan = list(range(generated))
    for _ in range(count - generated):  # duplicates: a copy a little after the original
        original = rng.randrange(generated)
        plan.insert(min(len(plan), plan.index(original) + rng.randint(1, 200)), original)
    moved = rng.sample(range(len(plan)), len(plan) // 10)
    for position in sorted(moved, reverse=True):
        index = plan.pop(position)
        plan.insert(min(len(plan), position + rng.randint(1, 200)), index)
    return plan


def signed(payload: dict) -> tuple[str, str]:
    body = json.dumps(payload)
    at = int(time.time())
    mac = hmac.new(SECRET.encode(), f"{at}.{body}".encode(), hashlib.sha256).hexdigest()
    return body, f"t={at},v1={mac}"


def delivery(events: list[tuple[str, str, dict, dict]], index: int) -> tuple[str, str]:
    """events[index] as Stripe posts it: the body and its signature header."""
    _, kind, obj, _ = events[index]
    return signed(
        {
            "id": f"evt_{index}",
            "object": "event",
            "type": kind,
            "created": int(time.time()),
            "data": {"object": obj},
        }
    )


def cpu_seconds(pid: int, *, with_children: bool = False) -> float:
    """User + system CPU of a live process (and of its live children) from /proc."""
    total = 0.0
    pids = [pid]
    if with_children:
        pids += [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    for one in pids:
        fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def settle(pid: int, workers: int) -> None:
    """Wait until gunicorn has all its workers and they have done loading Django (their CPU
    time stops growing), so start-up is not counted as the deliveries' CPU."""
    deadline, before = time.monotonic() + 60, -1.0
    while time.monotonic() < deadline:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        now = cpu_seconds(pid, with_children=True)
        if len(children) == workers and now - before < 0.02:
            return
        before = now
        time.sleep(0.5)


def run(events: list[tuple[str, str, dict, dict]], order: list[int]) -> tuple[float, float, int]:
    """Deliver events[i] for i in order, one at a time through the test client; Stripe's
    state advances to the newest generated."""
    double, newest = start_double(events)
    client = Client()
    failures = 0
    started, cpu = time.perf_counter(), time.process_time()
    double_cpu = cpu_seconds(double.pid)
    try:
        for index in order:
            newest.value = max(newest.value, index)  # Stripe has generated up to here
            body, header = delivery(events, index)
            response = client.post(
                "/account/webhooks/stripe/",
                data=body,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=header,
            )
            failures += response.status_code != 200
        cpu = time.process_time() - cpu
        double_cpu = cpu_seconds(double.pid) - double_cpu
        print(f"CPU-seconds: test client and Django {cpu:.1f}, Stripe double {double_cpu:.1f}")
        cpu += double_cpu
    finally:
        stop_double(double)
    return time.perf_counter() - started, cpu, failures


def run_concurrent(
    events: list[tuple[str, str, dict, dict]], order: list[int], workers: int
) -> tuple[float, float, int]:
    """Deliver events[i] for i in order as Stripe does, several at once: gunicorn with
    `workers` sync workers, as many posting threads, one shared cursor into `order` (a
    delivery leaves when a thread is free, in the shuffled order; a duplicate may be in
    flight with its original). Returns wall seconds, CPU seconds of every process, non-200s."""
    double, newest = start_double(events)
    port = free_port()
    env = {
        **os.environ,
        "ALLOWED_HOSTS": f"{HOST},testserver",
        "STRIPE_API_BASE": settings.STRIPE_API_BASE,
        "PYTHONWARNINGS": "ignore:No directory at",  # no collected static files: not served
    }
    server = start_gunicorn("newsroom.wsgi", port=port, workers=workers, env=env)
    settle(server.pid, workers)
    url = f"http://{HOST}:{port}/account/webhooks/stripe/"
    lock = threading.Lock()
    cursor = iter(order)
    failures = [0]

    def post() -> None:
        with requests.Session() as session:
            session.trust_env = False  # 127.0.0.1: no proxy look-up per request
            while True:
                with lock:  # take the next delivery in the shuffled order
                    index = next(cursor, None)
                    if index is None:
                        return
                    newest.value = max(newest.value, index)  # Stripe has generated up to here
                body, header = delivery(events, index)
                response = session.post(
                    url,
                    data=body.encode(),
                    headers={"Content-Type": "application/json", "Stripe-Signature": header},
                    timeout=60,
                )
                if response.status_code != 200:
                    with lock:
                        failures[0] += 1

    try:
        threads = [threading.Thread(target=post) for _ in range(workers)]
        started, cpu = time.perf_counter(), time.process_time()
        double_cpu, server_cpu = (
            cpu_seconds(double.pid),
            cpu_seconds(server.pid, with_children=True),
        )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        double_cpu = cpu_seconds(double.pid) - double_cpu
        server_cpu = cpu_seconds(server.pid, with_children=True) - server_cpu
        print(
            f"CPU-seconds: gunicorn {server_cpu:.1f}, posting threads {cpu:.1f}, "
            f"Stripe double {double_cpu:.1f}; deliveries per gunicorn CPU-second "
            f"{len(order) / server_cpu:.0f}",
            flush=True,
        )
        cpu += double_cpu + server_cpu
    finally:
        stop(server)
        stop_double(double)
    return seconds, cpu, failures[0]


def final_states() -> dict[int, tuple]:
    rows = Subscription.objects.order_by("user__username").values_list(
        "user__username", "status", "plan__slug", "current_period_end"
    )
    return {
        name: (status, slug, None if status == Subscription.Status.PAST_DUE else end)
        for name, status, slug, end in rows
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscriptions", type=int, default=1500)
    parser.add_argument("--deliveries", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--workers",
        type=int,
        # One per CPU: more sync workers than cores only queue for them (bench/README.md).
        default=os.cpu_count() or 2,
        help="gunicorn sync workers and posting threads for the shuffled run (0: serial; "
        "default: one per CPU)",
    )
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}", flush=True)
    base = datetime.now(tz=UTC).replace(microsecond=0)
    pks = reset(args.subscriptions)
    events = timeline(pks, args.seed, base)
    if args.deliveries < len(events):
        raise SystemExit(f"--deliveries must be at least the {len(events)} events generated")
    seconds, _, failures = run(events, list(range(len(events))))
    expected = final_states()
    print(f"in order: {len(events)} events in {seconds:.1f} s, {failures} non-200", flush=True)

    pks = reset(args.subscriptions)
    events = timeline(pks, args.seed, base)
    order = deliveries(args.deliveries, len(events), args.seed)
    late, highest = 0, -1
    for index in order:
        late += index < highest
        highest = max(highest, index)
    load = os.getloadavg()[0]
    if args.workers:
        seconds, cpu, failures = run_concurrent(events, order, args.workers)
        how = f"{args.workers} gunicorn workers, {args.workers} posting threads"
    else:
        seconds, cpu, failures = run(events, order)
        how = "serial, test client"
    connection.close()  # gunicorn's rows: read them afresh
    got = final_states()
    wrong = sum(1 for name, state in expected.items() if got.get(name) != state)
    if os.environ.get("BENCH_SHOW_WRONG"):
        for name, state in list(expected.items()):
            if got.get(name) != state:
                print(name, state, got.get(name))
    applied = WebhookEvent.objects.count()
    print(
        f"shuffled ({how}): {len(order)} deliveries ({len(order) - len(events)} duplicates, "
        f"{late} arriving after a later event) in {seconds:.1f} s, {failures} non-200, "
        f"{applied} distinct events stored",
        flush=True,
    )
    print(f"deliveries/s: {len(order) / seconds:.0f}  (target >= 200)")
    print(
        f"deliveries per CPU-second (this process, the Stripe double, gunicorn): "
        f"{len(order) / cpu:.0f} ({cpu:.1f} CPU-s; load average {load:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs)"
    )
    print(f"wrong final states: {wrong} of {len(expected)}  (target 0)")


if __name__ == "__main__":
    main()
