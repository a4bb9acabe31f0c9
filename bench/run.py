"""Serve the demo site with gunicorn and measure the home and article pages.

    make bench                      # or: .venv/bin/python bench/run.py --duration 10

The article is loaded for three readers: a new anonymous reader (the metered page, no
cookies), the demo subscriber and the demo reader without a subscription (each signed
in, their session cookie sent with every request). Target (issue 15): each signed-in
page serves at least half the requests/s of the anonymous one, in the same run.

Production-like: DEBUG off, a SECRET_KEY, WhiteNoise with collected static files, two
gunicorn workers, SQLite filled with the demo content (kept in bench/results/ so reruns
start fast). The load comes from `wrk` when /usr/bin/wrk exists, otherwise from Python
threads with http.client. Everything runs on 127.0.0.1 and stops within about a minute.
"""

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from servers import free_port, start_gunicorn, stop

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = ROOT / ".venv" / "bin" / "python"
WRK = shutil.which("wrk")
ARTICLE = "/article/the-hard-labor-of-north-korean-workers-in-china/"
# name: (path, the demo account signed in, or None for a new anonymous reader)
PAGES = {
    "home": ("/", None),
    "article": (ARTICLE, None),
    "subscriber": (ARTICLE, "subscriber@example.com"),
    "signed-in": (ARTICLE, "reader@example.com"),
}
# Signed-in pages must serve at least this share of the anonymous article's requests/s.
SIGNED_IN_TARGET = 0.5

# Prints a signed-in session for each demo account named on the command line.
SESSIONS = """
import sys
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model
from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore

for email in EMAILS:
    user = get_user_model().objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]  # the model backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    print(email, session.session_key)
"""


def environment(port: int, cache_url: str | None) -> dict[str, str]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    env = os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{RESULTS / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(RESULTS / "media"),
        "ORIGINALS_ROOT": str(RESULTS / "originals"),
        "STATIC_ROOT": str(RESULTS / "static"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CACHE_URL", None)
    if cache_url:
        env["CACHE_URL"] = cache_url
    return env


def prepare(env: dict[str, str]) -> None:
    """Migrate, load the demo content (idempotent) and collect static files."""
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        print(f"$ manage.py {' '.join(command)}", flush=True)
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def sessions(env: dict[str, str], emails: list[str]) -> dict[str, str]:
    """A fresh signed-in session key for each demo account."""
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", SESSIONS.replace("EMAILS", repr(emails))],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(line.split() for line in output.splitlines() if line.count(" ") == 1)


def fetch(port: int, path: str, connection=None, cookie: str = ""):
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": "127.0.0.1"} | ({"Cookie": cookie} if cookie else {})
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        return response.status, body
    finally:
        if connection is None:
            conn.close()


@dataclass
class Result:
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    p50: float | None = None
    p99: float | None = None

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def run_threads(port: int, path: str, duration: float, concurrency: int, cookie="") -> Result:
    """Each thread requests the page in a loop, one connection per request, until time is up."""
    result = Result()
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def worker():
        local, errors = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                status, _ = fetch(port, path, cookie=cookie)
                ok = status == 200
            except OSError:
                ok = False
            local.append((time.perf_counter() - started) * 1000)
            errors += not ok
        with lock:
            result.latencies_ms.extend(local)
            result.errors += errors

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - began
    result.requests = len(result.latencies_ms)
    if result.latencies_ms:
        cuts = statistics.quantiles(result.latencies_ms, n=100, method="inclusive")
        result.p50, result.p99 = cuts[49], cuts[98]
    return result


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(port: int, path: str, duration: float, concurrency: int, cookie="") -> Result:
    output = subprocess.run(
        [
            WRK,
            *(["-H", f"Cookie: {cookie}"] if cookie else []),
            f"--threads={min(2, concurrency)}",
            f"--connections={concurrency}",
            f"--duration={int(duration)}s",
            "--timeout=10s",
            "--latency",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = Result(seconds=duration)
    result.requests = int(re.search(r"(\d+) requests in", output).group(1))
    percentiles = dict(re.findall(r"\s(50|99)%\s+([\d.]+(?:us|ms|s))", output))
    for name, value in percentiles.items():
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
        setattr(result, f"p{name}", _ms(number, unit))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    result.errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        result.errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=15, help="seconds per page (max 40)")
    parser.add_argument("--concurrency", type=int, default=8, help="simultaneous clients")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", action="store_true", help="use Python threads, not wrk")
    parser.add_argument("--port", type=int, help="port on 127.0.0.1 (default: any free one)")
    parser.add_argument("--cache-url", help="CACHE_URL (default: the site default)")
    args = parser.parse_args()
    duration = max(2.0, min(args.duration, 40.0))  # keeps the whole run under two minutes

    port = args.port or free_port()
    env = environment(port, args.cache_url)
    prepare(env)
    server = start_gunicorn("newsroom.wsgi", port=port, workers=args.workers, env=env)
    load = run_threads if args.threads or not WRK else run_wrk
    tool = "Python threads (http.client)" if load is run_threads else f"wrk ({WRK})"
    accounts = sessions(env, [email for _, email in PAGES.values() if email])
    cookies = {
        name: f"sessionid={accounts[email]}" if email else "" for name, (_, email) in PAGES.items()
    }
    results: dict[str, Result] = {}
    try:
        for name, (path, email) in PAGES.items():
            status, body = fetch(port, path, cookie=cookies[name])
            if status != 200:
                raise SystemExit(f"{path} answered {status}; not measuring an error page.")
            if email and b'href="/account/"' not in body:
                raise SystemExit(f"{name}: the page is not a signed-in reader's.")
            run_threads(port, path, 1.0, 2, cookies[name])  # warm both workers' caches
        print(
            f"\ngunicorn, {args.workers} workers, DEBUG off, SQLite, "
            f"cache {args.cache_url or 'default'}; load: {tool}, "
            f"{args.concurrency} clients, {duration:.0f}s per page\n"
        )
        print(
            f"{'page':<11} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'errors':>7} {'load':>5}"
        )
        for name, (path, _) in PAGES.items():
            result = load(port, path, duration, args.concurrency, cookies[name])
            results[name] = result
            p50 = f"{result.p50:.1f}" if result.p50 is not None else "-"
            p99 = f"{result.p99:.1f}" if result.p99 is not None else "-"
            print(
                f"{name:<11} {result.requests:>9} {result.per_second:>8.1f} "
                f"{p50:>8} {p99:>8} {result.errors:>7} {os.getloadavg()[0]:>5.1f}",
                flush=True,
            )
    finally:
        stop(server)
    anonymous = results["article"].per_second
    for name in ("subscriber", "signed-in"):
        ratio = results[name].per_second / anonymous if anonymous else 0.0
        verdict = "met" if ratio >= SIGNED_IN_TARGET else "NOT MET"
        print(
            f"target 1 (SQLite): {name} article / anonymous article = {ratio:.2f} "
            f"(at least {SIGNED_IN_TARGET}): {verdict}"
        )
    load_1, load_5, _ = os.getloadavg()
    cpus = os.cpu_count()
    print(f"\nmachine: {cpus} CPUs, load average {load_1:.1f} (1 min), {load_5:.1f} (5 min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
