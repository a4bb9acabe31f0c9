"""The article page with the paywall on and off, served by gunicorn: throughput and ratio.

    .venv/bin/python bench/paywall_bench.py [--seconds 3] [--rounds 6] [--connections 8]

Throwaway SQLite databases and a media folder are made in a temporary directory, with one
long article. Two gunicorns on 127.0.0.1 (one database with the paywall off, one with it
on) are loaded in short alternating slices, so that other work on the machine weighs on
every scenario alike:
  off      the paywall switched off in the policy (no meter at all),
  metered  paywall on, an anonymous reader under the limit (cookie read, checked, re-signed),
  gated    paywall on, an anonymous reader over the limit (teaser + paywall block).
Load comes from `wrk` when installed, otherwise a bounded Python loop over keep-alive
connections. The target is a ratio of at least 0.9 for each paywalled run against off.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from servers import start_gunicorn, stop

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST, PORT = "127.0.0.1", 8193

SETUP = """
import json
from datetime import timedelta
from django.utils import timezone
from articles.models import Article, Section
from paywall.models import MeterPolicy
from paywall.services.meter import Meter, encode_cookie

section, _ = Section.objects.get_or_create(slug="world", defaults={"name": "World"})
body = "".join(
    f"<p>Paragraph {i}: the fishermen of the old port unload their catch at dawn, "
    "haggle with restaurant owners and count the boats that are left.</p>"
    + ("<h2>A subhead</h2>" if i % 4 == 0 else "")
    for i in range(1, 25)
)
article, _ = Article.objects.get_or_create(
    slug="bench-story",
    defaults=dict(headline="A long story for the benchmark", dek="A dek.", body=body,
                  section=section, status=Article.Status.PUBLISHED,
                  published_at=timezone.now() - timedelta(hours=1), dateline="Marseille"),
)
policy = MeterPolicy.objects.first() or MeterPolicy.objects.create()
policy.enabled = ENABLED
policy.save()
now = timezone.now()
under = encode_cookie(Meter(reads={10**6 + 1: now}))
over = encode_cookie(Meter(reads={10**6 + i: now for i in range(1, 4)}))
print(json.dumps({"path": article.get_absolute_url(), "under": under, "over": over}))
"""


# The paywall's own work per request, in process: steadier than throughput on a busy machine.
MICRO = """
import time
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from articles.models import Article
from paywall.gate import gate_article
from paywall.services.meter import Meter, encode_cookie

article = Article.objects.for_page().get(slug="bench-story")
now = timezone.now()
cookies = {
    "metered": encode_cookie(Meter(reads={10**6 + 1: now})),
    "gated": encode_cookie(Meter(reads={10**6 + i: now for i in range(1, 4)})),
}
factory = RequestFactory()
for label, cookie in cookies.items():
    timings = []
    for _ in range(5):
        # The requests and responses are made first: only the paywall's work is timed.
        requests = [factory.get(article.get_absolute_url()) for _ in range(500)]
        for request in requests:
            request.user = AnonymousUser()
            request.COOKIES["wc_meter"] = cookie
        responses = [HttpResponse() for _ in requests]
        start = time.perf_counter()
        for request, response in zip(requests, responses):
            gate_article(request, article).finalize(response)
        timings.append((time.perf_counter() - start) / 500)
    print(f"{label} {min(timings) * 1e6:.0f}")
"""


def environment(workdir: Path) -> dict:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key",
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "CACHE_URL": "locmemcache://bench",
        "MEDIA_ROOT": str(workdir / "media"),
        "ORIGINALS_ROOT": str(workdir / "originals"),
        "STATIC_ROOT": str(workdir / "static"),
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout or ""


def load_with_wrk(port: int, path: str, cookie: str, seconds: int, connections: int) -> float:
    command = ["wrk", f"-t{min(connections, 4)}", f"-c{connections}", f"-d{seconds}s"]
    if cookie:
        command += ["-H", f"Cookie: wc_meter={cookie}"]
    output = subprocess.run(
        [*command, f"http://{HOST}:{port}{path}"], check=True, text=True, capture_output=True
    ).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise RuntimeError(f"{non_2xx.group(1)} failed responses:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def load_with_python(port: int, path: str, cookie: str, seconds: int, connections: int) -> float:
    headers = {"Cookie": f"wc_meter={cookie}"} if cookie else {}
    deadline = time.monotonic() + seconds
    counts = [0] * connections

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        while time.monotonic() < deadline:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"status {response.status}")
            counts[index] += 1
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - start)


def check_page(port: int, path: str, cookie: str, expect_gated: bool) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    conn.request("GET", path, headers={"Cookie": f"wc_meter={cookie}"} if cookie else {})
    html = conn.getresponse().read().decode()
    gated = 'class="paywall story__paywalled"' in html
    if gated != expect_gated or "Paragraph 1:" not in html:
        raise RuntimeError(f"unexpected page (gated={gated}, expected {expect_gated})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=3, help="length of one load slice")
    parser.add_argument("--rounds", type=int, default=6, help="slices per scenario")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    load = load_with_wrk if shutil.which("wrk") else load_with_python
    workdir = Path(tempfile.mkdtemp(prefix="paywall-bench-"))
    servers = []
    try:
        # Two databases from one setup: the policy switched off in one, on in the other.
        env_on = environment(workdir)
        manage(env_on, "migrate", "--noinput")
        manage(env_on, "collectstatic", "--noinput")
        manage(env_on, "shell", "-c", SETUP.replace("ENABLED", "False"), capture=True)
        shutil.copy(workdir / "bench.sqlite3", workdir / "off.sqlite3")
        output = manage(env_on, "shell", "-c", SETUP.replace("ENABLED", "True"), capture=True)
        setup = json.loads(output.strip().splitlines()[-1])
        env_off = {**env_on, "DATABASE_URL": f"sqlite:///{workdir / 'off.sqlite3'}"}

        servers = [
            start_gunicorn("newsroom.wsgi", port=PORT, workers=args.workers, env=env_off),
            start_gunicorn("newsroom.wsgi", port=PORT + 1, workers=args.workers, env=env_on),
        ]
        scenarios = {
            "off": (PORT, ""),
            "metered": (PORT + 1, setup["under"]),
            "gated": (PORT + 1, setup["over"]),
        }
        for name, (port, cookie) in scenarios.items():
            check_page(port, setup["path"], cookie, expect_gated=name == "gated")
            load(port, setup["path"], cookie, 1, args.connections)  # warm-up
        print(
            f"Article page, gunicorn {args.workers} workers per server, {args.connections} "
            f"connections, {args.rounds} alternating slices of {args.seconds}s per scenario, "
            f"load from {'wrk' if load is load_with_wrk else 'Python'}"
        )
        # Short slices, alternating: whatever else loads the machine hits every scenario alike.
        figures = {name: [] for name in scenarios}
        for _ in range(args.rounds):
            for name, (port, cookie) in scenarios.items():
                figures[name].append(
                    load(port, setup["path"], cookie, args.seconds, args.connections)
                )
        results = {name: statistics.mean(values) for name, values in figures.items()}
        for name, values in figures.items():
            each = ", ".join(f"{value:.0f}" for value in values)
            print(f"  paywall {name:<8} {results[name]:8.1f} requests/s mean  ({each})")
        for name in ("metered", "gated"):
            ratio = results[name] / results["off"]
            verdict = "ok" if ratio >= 0.9 else "BELOW TARGET 0.9"
            print(f"  ratio {name}/off: {ratio:.2f} ({verdict})")
        micro = manage(env_on, "shell", "-c", MICRO, capture=True)
        costs = dict(re.findall(r"^(metered|gated) (\d+)$", micro, re.M))
        page_ms = 1000 * args.workers / results["off"]
        print(
            f"  paywall work per request, in process: metered {costs['metered']} µs, "
            f"gated {costs['gated']} µs (a page costs ~{page_ms:.1f} ms of worker time)"
        )
        print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    finally:
        for server in servers:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
