"""Does the generation's trust window pay for itself? Warm article pages with and without it.

    .venv/bin/python bench/trust_window_bench.py                      # the default cache folder
    .venv/bin/python bench/trust_window_bench.py --cache-url redis://127.0.0.1:6379/8
    .venv/bin/python bench/trust_window_bench.py --gunicorn           # also through bench/run.py

In process: the demo database of bench/run.py (bench/results/), the seed article requested
by a new anonymous reader through Django's test client (every middleware, the shared page),
in a child process per setting of CACHE_TRUST_SECONDS (1: the default; 0: the generation and
its shared values read on every request). Prints microseconds per request and shared-cache
round trips per request. With --gunicorn, bench/run.py runs once per setting too.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
sys.path.insert(0, str(ROOT / "bench"))

from run import PAGES, environment, prepare  # noqa: E402

CHILD = """
import statistics, time
import django
django.setup()
from django.core.cache import cache
from django.test import Client
path, client = {path!r}, Client()
assert client.get(path).status_code == 200
for _ in range(200):
    client.cookies.clear(); client.get(path)
rounds = []
for _ in range(5):
    began = time.perf_counter()
    for _ in range(1000):
        client.cookies.clear(); client.get(path)
    rounds.append((time.perf_counter() - began) / 1000 * 1e6)
trips = []
get, get_many = cache.get, cache.get_many
cache.get = lambda *a, **k: trips.append(1) or get(*a, **k)
cache.get_many = lambda *a, **k: trips.append(1) or get_many(*a, **k)
for _ in range(100):
    client.cookies.clear(); client.get(path)
median = statistics.median(rounds)
print(f"{{median:8.0f}} us/request {{len(trips) / 100:6.2f}} cache calls/request")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-url", help="CACHE_URL (default: the site default, a folder)")
    parser.add_argument("--gunicorn", action="store_true", help="also run bench/run.py")
    args = parser.parse_args()
    env = environment(8000, args.cache_url) | {"DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    env["ALLOWED_HOSTS"] += ",testserver"
    prepare(env)
    print(f"\nwarm article page, in process, cache {args.cache_url or 'default (folder)'}")
    for seconds in ("1", "0"):
        code = CHILD.format(path=PAGES["article"])
        output = subprocess.run(
            [PYTHON, "-c", code],
            cwd=ROOT,
            env=env | {"CACHE_TRUST_SECONDS": seconds},
            capture_output=True,
            text=True,
        )
        if output.returncode:
            raise SystemExit(output.stderr)
        print(f"CACHE_TRUST_SECONDS={seconds}: {output.stdout.strip()}", flush=True)
    if args.gunicorn:
        extra = ["--cache-url", args.cache_url] if args.cache_url else []
        for seconds in ("1", "0"):
            print(f"\nCACHE_TRUST_SECONDS={seconds}, gunicorn:", flush=True)
            subprocess.run(
                [PYTHON, "bench/run.py", "--duration", "10", *extra],
                cwd=ROOT,
                env=os.environ | {"CACHE_TRUST_SECONDS": seconds},
                check=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
