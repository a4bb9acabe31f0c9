"""The article page with the paywall on and off, served by gunicorn: throughput and ratio.

    .venv/bin/python bench/paywall_bench.py [--seconds 10] [--connections 8] [--workers 2]

A throwaway SQLite database and media folder are made in a temporary directory, with one
long article. Three runs, each against a fresh gunicorn on 127.0.0.1:
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
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

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
        start = time.perf_counter()
        for _ in range(500):
            request = factory.get(article.get_absolute_url())
            request.user = AnonymousUser()
            request.COOKIES["wc_meter"] = cookie
            gate_article(request, article).finalize(HttpResponse())
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


def wait_for_port(timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex((HOST, PORT)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not listen on {HOST}:{PORT}")


def load_with_wrk(path: str, cookie: str, seconds: int, connections: int) -> float:
    command = ["wrk", f"-t{min(connections, 4)}", f"-c{connections}", f"-d{seconds}s"]
    if cookie:
        command += ["-H", f"Cookie: wc_meter={cookie}"]
    output = subprocess.run(
        [*command, f"http://{HOST}:{PORT}{path}"], check=True, text=True, capture_output=True
    ).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise RuntimeError(f"{non_2xx.group(1)} failed responses:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def load_with_python(path: str, cookie: str, seconds: int, connections: int) -> float:
    headers = {"Cookie": f"wc_meter={cookie}"} if cookie else {}
    deadline = time.monotonic() + seconds
    counts = [0] * connections

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection(HOST, PORT, timeout=10)
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


def check_page(path: str, cookie: str, expect_gated: bool) -> None:
    conn = http.client.HTTPConnection(HOST, PORT, timeout=10)
    conn.request("GET", path, headers={"Cookie": f"wc_meter={cookie}"} if cookie else {})
    html = conn.getresponse().read().decode()
    gated = 'class="paywall story__paywalled"' in html
    if gated != expect_gated or "Paragraph 1:" not in html:
        raise RuntimeError(f"unexpected page (gated={gated}, expected {expect_gated})")


def run(scenario: str, env: dict, args, load) -> float:
    output = manage(
        env, "shell", "-c", SETUP.replace("ENABLED", str(scenario != "off")), capture=True
    )
    setup = json.loads(output.strip().splitlines()[-1])
    cookie = {"off": "", "metered": setup["under"], "gated": setup["over"]}[scenario]
    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "newsroom.wsgi",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for_port()
        check_page(setup["path"], cookie, expect_gated=scenario == "gated")
        load(setup["path"], cookie, 2, args.connections)  # warm-up
        return load(setup["path"], cookie, args.seconds, args.connections)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    load = load_with_wrk if shutil.which("wrk") else load_with_python
    workdir = Path(tempfile.mkdtemp(prefix="paywall-bench-"))
    try:
        env = environment(workdir)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        print(
            f"Article page, gunicorn {args.workers} workers, {args.connections} connections, "
            f"{args.rounds} rounds of {args.seconds}s per scenario (best kept), "
            f"load from {'wrk' if load is load_with_wrk else 'Python'}"
        )
        # Interleaved rounds, best of each: other load on the machine hits all alike.
        runs = {"off": [], "metered": [], "gated": []}
        for _ in range(args.rounds):
            for scenario, figures in runs.items():
                figures.append(run(scenario, env, args, load))
        results = {scenario: max(figures) for scenario, figures in runs.items()}
        for scenario, figures in runs.items():
            each = ", ".join(f"{figure:.1f}" for figure in figures)
            print(f"  paywall {scenario:<8} {results[scenario]:8.1f} requests/s  ({each})")
        for scenario in ("metered", "gated"):
            ratio = results[scenario] / results["off"]
            verdict = "ok" if ratio >= 0.9 else "BELOW TARGET 0.9"
            print(f"  ratio {scenario}/off: {ratio:.2f} ({verdict})")
        manage(env, "shell", "-c", SETUP.replace("ENABLED", "True"), capture=True)
        micro = manage(env, "shell", "-c", MICRO, capture=True)
        costs = dict(re.findall(r"^(metered|gated) (\d+)$", micro, re.M))
        page_ms = 1000 * args.workers / results["off"]
        print(
            f"  paywall work per request, in process: metered {costs['metered']} µs, "
            f"gated {costs['gated']} µs (a page costs ~{page_ms:.0f} ms of worker time)"
        )
        print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
