"""Newsroom at scale: PostgreSQL + Redis + gunicorn under load, against a static-file baseline.

    make bench-scale                  # or: .venv/bin/python bench/scale_bench.py --duration 10

1. Fills a PostgreSQL database of its own (default `newsroom_scale_bench`, emptied and
   refilled with --reseed) with the demo content plus generated articles, authors and
   tags (50,000 / 2,000 / 5,000 by default) using bulk inserts and one UPDATE for the
   search vectors. Later runs reuse it when it already has the requested counts.
2. Starts gunicorn (2 workers, production settings: DEBUG off, WhiteNoise, Redis cache).
3. Loads pages from 127.0.0.1 with wrk (or Python threads when wrk is missing): home,
   an article (an anonymous reader under the meter: no cookies), a section page, one
   search repeated ("search") and searches nobody asked before, two random words each
   ("search-new", which no cache helps; "search-new-solo" with one connection per worker,
   so its p50 is a search's own time, without queueing). Each run is bounded in time.
   Prints req/s, p50, p99 and errors; --pages picks some of them.
4. Serves the same article's HTML as a static file from a minimal gunicorn app and
   prints the article page's throughput as a share of it.
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from servers import free_port, start_gunicorn, stop

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = ROOT / ".venv" / "bin" / "python"
WRK = shutil.which("wrk")
SEED_ARTICLE = "the-hard-labor-of-north-korean-workers-in-china"
SEARCH_QUERY = "harbour strike"

WORDS = (
    "government minister election protest border city river market farmers workers "
    "factory students teachers hospital doctors water energy climate drought flood "
    "summer winter village capital coast island mountain railway port harbour strike "
    "union wages prices inflation bank currency exports imports tourism festival museum "
    "church mosque temple language poetry novel cinema theatre football olympics court "
    "judge police prison refugees migrants asylum embassy treaty summit army navy drones "
    "satellite internet phones startups artificial intelligence privacy censorship press "
    "newspaper editor reporter interview archive history memory war peace ceasefire "
    "reconstruction housing rent tenants landlords bakery coffee wine olive rice wheat"
).split()
PLACES = (
    "Dandong Lagos Marseille Naples Gdansk Porto Izmir Tbilisi Almaty Medellin Recife "
    "Valparaiso Mombasa Dakar Tunis Beirut Karachi Dhaka Chennai Surabaya Davao Busan "
    "Sapporo Hue Yangon Kyiv Odesa Lviv Vilnius Riga Tallinn Palermo Seville Bilbao"
).split()
# ISO 3166-1 codes, as Article.country stores them.
COUNTRIES = "FR DE IT ES PL UA TR NG KE SN BR CL CO MX IN PK BD ID PH JP CN KR".split()


def log(message: str) -> None:
    print(message, flush=True)


def environment(args, port: int) -> dict[str, str]:
    return os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "scale-bench-only-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": args.database_url,
        "CACHE_URL": args.cache_url,
        "MEDIA_ROOT": str(RESULTS / "scale-media"),
        "ORIGINALS_ROOT": str(RESULTS / "scale-originals"),
        "STATIC_ROOT": str(RESULTS / "scale-static"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "600",
        # The bench is one client address hammering a page; the paywall's per-address form
        # limits never apply to GETs, and wrk sends no cookies (a fresh anonymous reader).
    }


def manage(env, *command) -> None:
    subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True)


def ensure_database(url: str, *, reseed: bool) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reseed:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            log(f"Creating database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def paragraph(rng: random.Random, place: str) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(40, 70))]
    words.insert(rng.randint(0, len(words)), place)
    words[0] = words[0].capitalize()
    return "<p>" + " ".join(words) + ".</p>"


def seed(args, env) -> None:
    """Demo content, then generated rows in bulk; skipped when the counts are there."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from articles.models import Article, ArticleAuthor, Author, Section, Series, Source
    from newsroom.caching import start_new_generation

    have = Article.objects.count()
    if have >= args.articles and Author.objects.count() >= args.authors:
        log(f"Database already holds {have:,} articles: reusing it (--reseed to rebuild)")
        return
    rng = random.Random(2026)
    started = time.perf_counter()
    sections = list(Section.objects.all())
    series = list(Series.objects.all())
    sources = list(Source.objects.all())

    with transaction.atomic():
        authors = Author.objects.bulk_create(
            [
                Author(name=f"Author {n}", slug=f"bench-author-{n}", bio="Correspondent.")
                for n in range(Author.objects.count(), args.authors)
            ],
            batch_size=2000,
        )
        authors = list(Author.objects.all())
        tags = Tag.objects.bulk_create(
            [
                Tag(name=f"topic {n}", slug=f"bench-topic-{n}")
                for n in range(Tag.objects.count(), args.tags)
            ],
            batch_size=2000,
        )
        tags = list(Tag.objects.all())
    log(f"  {len(authors):,} authors, {len(tags):,} tags")

    missing = args.articles - Article.objects.count()
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(Article)
    batch = 2000
    made = 0
    while made < missing:
        size = min(batch, missing - made)
        rows = []
        for i in range(size):
            n = made + i
            place = rng.choice(PLACES)
            headline = f"{place}: {' '.join(rng.choice(WORDS) for _ in range(6))} ({n})"
            body = "".join(paragraph(rng, place) for _ in range(rng.randint(6, 12)))
            rows.append(
                Article(
                    headline=headline.capitalize(),
                    slug=f"bench-{n}",
                    dek=" ".join(rng.choice(WORDS) for _ in range(25)).capitalize() + ".",
                    body=body,
                    dateline=place.upper(),
                    country=rng.choice(COUNTRIES),
                    section=rng.choice(sections),
                    series=rng.choice(series) if series and rng.random() < 0.15 else None,
                    source=rng.choice(sources) if sources else None,
                    status=Article.Status.PUBLISHED,
                    # Spread over about three years, all in the past.
                    published_at=now - timedelta_minutes(30 + n * 30),
                )
            )
        with transaction.atomic():
            created = Article.objects.bulk_create(rows)
            ArticleAuthor.objects.bulk_create(
                [
                    ArticleAuthor(article=a, author=author, position=p)
                    for a in created
                    for p, author in enumerate(rng.sample(authors, rng.choice((1, 1, 2))))
                ]
            )
            TaggedItem.objects.bulk_create(
                [
                    TaggedItem(tag=tag, content_type=content_type, object_id=a.pk)
                    for a in created
                    for tag in rng.sample(tags, 3)
                ]
            )
        made += size
        log(f"  {made:,} / {missing:,} articles")
    log("  computing search vectors (one UPDATE)")
    Article.objects.all().update_search_vector()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    start_new_generation()
    log(f"Seeded in {time.perf_counter() - started:.0f} s")


def timedelta_minutes(minutes: int):
    from datetime import timedelta

    return timedelta(minutes=minutes)


def parse_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


# Each request searches two random words: a query nobody asked before, so no cache helps.
NEW_QUERIES_LUA = """
local words = {%s}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  math.randomseed(os.time() * 100 + id)
end
function request()
  local query = words[math.random(#words)] .. "+" .. words[math.random(#words)]
  return wrk.format("GET", "/search/?q=" .. query)
end
"""


def new_search_path() -> str:
    return f"/search/?q={random.choice(WORDS)}+{random.choice(WORDS)}"


def load_with_wrk(
    url: str, *, duration: int, connections: int, new_queries=False, cookie=""
) -> dict:
    command = [
        WRK,
        *(["-H", f"Cookie: {cookie}"] if cookie else []),
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "5s",
        url,
    ]
    if new_queries:
        script = Path(tempfile.mkdtemp(prefix="newsroom-wrk-")) / "new_queries.lua"
        script.write_text(NEW_QUERIES_LUA % ", ".join(f'"{word}"' for word in WORDS))
        command[1:1] = ["-s", str(script)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=duration + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = parse_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in match.groups())
    return {"requests": requests, "rps": rps, "p50": p50, "p99": p99, "errors": errors}


def load_with_threads(
    url: str, *, duration: int, connections: int, new_queries=False, cookie=""
) -> dict:
    """The fallback when wrk is missing: keep-alive clients in threads, bounded in time."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def client():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            began = time.perf_counter()
            try:
                conn.request(
                    "GET",
                    new_search_path() if new_queries else path,
                    headers={"Cookie": cookie} if cookie else {},
                )
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except OSError:
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
                continue
            mine.append((time.perf_counter() - began) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 10)
    latencies.sort()
    count = len(latencies)
    return {
        "requests": count,
        "rps": count / duration,
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p99": latencies[min(count - 1, int(count * 0.99))] if latencies else 0.0,
        "errors": errors[0],
    }


def measure(url: str, args, *, new_queries=False, connections=None, cookie="", duration=None):
    # Warm-up: fills the caches and each worker's connections.
    for _ in range(20):
        request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
    loader = load_with_wrk if WRK and not args.python_load else load_with_threads
    result = loader(
        url,
        duration=duration or args.duration,
        connections=connections or args.connections,
        new_queries=new_queries,
        cookie=cookie,
    )
    result["load"] = os.getloadavg()[0]
    return result


STATIC_APP = """
import os
BODY = open(os.environ["STATIC_HTML"], "rb").read()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]
def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--authors", type=int, default=2_000)
    parser.add_argument("--tags", type=int, default=5_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_scale_bench"
        ),
    )
    parser.add_argument(
        "--cache-url", default=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5")
    )
    parser.add_argument("--reseed", action="store_true", help="drop and refill the database")
    parser.add_argument("--python-load", action="store_true", help="use Python, not wrk")
    parser.add_argument(
        "--pages",
        default="home,article,subscriber,signed-in,section,search,search-new,search-new-solo,burst",
        help="comma-separated pages to load (the static copy of the article is always loaded); "
        "burst: home, article and section again, steady then while an article is saved "
        f"every {BURST_EVERY} s",
    )
    parser.add_argument("--burst-duration", type=int, default=30, help="seconds per burst run")
    parser.add_argument(
        "--big-search",
        type=int,
        default=500_000,
        help="articles for the single-connection search run (0 skips it)",
    )
    parser.add_argument("--big-search-database", default="newsroom_scale_bench_500k")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only:  # the 500,000-article database, seeded in a process of its own
        env = environment(args, free_port())
        seed(args, env)
        return
    if not args.database_url.startswith("postgres"):
        raise SystemExit("The scale benchmark runs on PostgreSQL: pass a postgres:// URL.")

    RESULTS.mkdir(parents=True, exist_ok=True)
    port, static_port = free_port(), free_port()
    env = environment(args, port)
    ensure_database(args.database_url, reseed=args.reseed)
    log("Migrating and loading the demo content")
    manage(env, "migrate", "--noinput", "-v0")
    if not already_seeded(args.database_url, args.articles):  # else it is there already
        manage(env, "load_demo")
    seed(args, env)
    manage(env, "collectstatic", "--noinput", "-v0")
    subprocess.run(["redis-cli", "-u", args.cache_url, "FLUSHDB"], check=False, capture_output=True)

    base = f"http://127.0.0.1:{port}"
    section_slug = section_of(env)
    article_url = f"{base}/article/{SEED_ARTICLE}/"
    pages = {
        "home": f"{base}/",
        "article": article_url,
        # Target 1: the same article for the demo subscriber and the demo reader without a
        # subscription, signed in (their session cookie sent with every request).
        "subscriber": article_url,
        "signed-in": article_url,
        "section": f"{base}/section/{section_slug}/",
        "search": f"{base}/search/?q={SEARCH_QUERY.replace(' ', '+')}",
        "search-new": f"{base}/search/?q=warm+up",
        # The same with one connection per worker: a search's own latency, without queueing.
        "search-new-solo": f"{base}/search/?q=warm+up",
    }
    cookies = signed_in_cookies()
    server = start_gunicorn(
        "newsroom.wsgi", port=port, workers=args.workers, threads=args.threads, env=env
    )
    results = {}
    bursts = {}
    html_path = Path(tempfile.mkdtemp(prefix="newsroom-bench-")) / "article.html"
    chosen = args.pages.split(",")
    try:
        with urllib.request.urlopen(pages["article"], timeout=10) as response:
            html_path.write_bytes(response.read())
        for name, url in pages.items():
            if name not in chosen:
                continue
            log(f"Loading {name}: {url}")
            results[name] = measure(
                url,
                args,
                new_queries=name.startswith("search-new"),
                connections=args.workers if name.endswith("-solo") else args.connections,
                cookie=cookies.get(name, ""),
            )
        if "burst" in chosen:
            for name in ("home", "article", "section"):
                log(f"Loading {name} while an article is saved every {BURST_EVERY} s")
                steady = measure(pages[name], args, duration=args.burst_duration)
                with publishing():
                    burst = measure(pages[name], args, duration=args.burst_duration)
                bursts[name] = (steady, burst)
    finally:
        stop(server)

    (html_path.parent / "static_app.py").write_text(STATIC_APP)
    static = start_gunicorn(
        "static_app:application",
        port=static_port,
        workers=args.workers,
        env=env | {"STATIC_HTML": str(html_path), "PYTHONPATH": str(html_path.parent)},
        ready_path="/",
    )
    try:
        log("Loading the same article HTML as a static file")
        results["static article"] = measure(f"http://127.0.0.1:{static_port}/", args)
    finally:
        stop(static)
        shutil.rmtree(html_path.parent, ignore_errors=True)

    if args.big_search:
        results["search-new-solo 500k"] = big_search(args)

    report(args, results, bursts)


# Target 2: an article saved every BURST_EVERY seconds (each save starts a new generation).
BURST_EVERY = 10


@contextmanager
def publishing():
    """Save a correction to one article every BURST_EVERY seconds, from a thread, until the
    block ends: what a newsroom does all day."""
    from django.db import connection

    from articles.models import Article

    done = threading.Event()
    saves = []

    def correct():
        article = Article.objects.published().exclude(slug=SEED_ARTICLE).order_by("-pk").first()
        while not done.wait(1 if not saves else BURST_EVERY):
            article.dek = f"Corrected at {time.strftime('%H:%M:%S')}: {article.dek[-200:]}"
            article.save()
            saves.append(time.monotonic())
        connection.close()

    thread = threading.Thread(target=correct)
    thread.start()
    try:
        yield saves
    finally:
        done.set()
        thread.join()


def signed_in_cookies() -> dict[str, str]:
    """Session cookies of the demo subscriber and the demo reader, signed in."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.cached_db import SessionStore

    cookies = {}
    for name, email in (
        ("subscriber", "subscriber@example.com"),
        ("signed-in", "reader@example.com"),
    ):
        user = get_user_model().objects.get(email=email)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]  # the model backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        cookies[name] = f"sessionid={session.session_key}"
    return cookies


def big_search(args) -> dict:
    """Target 3's second figure: never-seen searches, one connection, over args.big_search
    articles in a database of their own (seeded on first use; the seeding time printed)."""
    url = args.database_url.rsplit("/", 1)[0] + f"/{args.big_search_database}"
    big = argparse.Namespace(**{**vars(args), "database_url": url, "articles": args.big_search})
    port = free_port()
    env = environment(big, port)
    ensure_database(url, reseed=False)
    manage(env, "migrate", "--noinput", "-v0")
    if not already_seeded(url, args.big_search):
        manage(env, "load_demo")
    started = time.perf_counter()
    subprocess.run(
        [
            str(PYTHON),
            __file__,
            "--seed-only",
            "--database-url",
            url,
            "--articles",
            str(args.big_search),
        ],
        check=True,
    )
    log(f"{args.big_search:,} articles ready in {time.perf_counter() - started:.0f} s")
    server = start_gunicorn("newsroom.wsgi", port=port, workers=args.workers, env=env)
    try:
        return measure(
            f"http://127.0.0.1:{port}/search/?q=warm+up", args, new_queries=True, connections=1
        )
    finally:
        stop(server)


def already_seeded(url: str, articles: int) -> bool:
    """Whether the database at url holds that many articles already (no demo load then)."""
    import psycopg

    with psycopg.connect(url) as conn:
        table = conn.execute("SELECT to_regclass('articles_article')").fetchone()[0]
        if table is None:
            return False
        return conn.execute("SELECT count(*) FROM articles_article").fetchone()[0] >= articles


def section_of(env) -> str:
    from articles.models import Article

    return Article.objects.select_related("section").get(slug=SEED_ARTICLE).section.slug


def report(args, results: dict, bursts: dict) -> None:
    tool = "wrk" if WRK and not args.python_load else "python threads"
    log("")
    log(
        f"{args.articles:,} articles, {args.authors:,} authors, {args.tags:,} tags on PostgreSQL; "
        f"Redis cache; gunicorn {args.workers} workers x {args.threads} thread(s); "
        f"{tool}, {args.connections} connections, {args.duration} s per page"
    )
    log(
        f"{'page':<22}{'requests':>10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}"
        f"{'errors':>8}{'load':>6}"
    )
    for name, r in results.items():
        log(
            f"{name:<22}{r['requests']:>10,}{r['rps']:>10.0f}{r['p50']:>10.1f}"
            f"{r['p99']:>10.1f}{r['errors']:>8}{r['load']:>6.1f}"
        )
    if "article" in results:
        ratio = results["article"]["rps"] / results["static article"]["rps"]
        log(f"article page throughput = {ratio:.0%} of the same HTML served as a static file")
    verdicts = []
    for name in ("subscriber", "signed-in"):
        if name in results and "article" in results:
            ratio = results[name]["rps"] / results["article"]["rps"]
            verdicts.append(
                (
                    f"target 1 (PostgreSQL + Redis): {name} article / anonymous = {ratio:.2f} "
                    "(at least 0.5)",
                    ratio >= 0.5,
                )
            )
    if bursts:
        log(
            f"\nPublish bursts: an article saved every {BURST_EVERY} s, "
            f"{args.burst_duration} s per run"
        )
        log(
            f"{'page':<10}{'steady r/s':>12}{'burst r/s':>12}{'ratio':>8}"
            f"{'burst p99':>11}{'load':>6}"
        )
        for name, (steady, burst) in bursts.items():
            ratio = burst["rps"] / steady["rps"] if steady["rps"] else 0.0
            log(
                f"{name:<10}{steady['rps']:>12.0f}{burst['rps']:>12.0f}{ratio:>8.2f}"
                f"{burst['p99']:>11.1f}{burst['load']:>6.1f}"
            )
            verdicts.append(
                (
                    f"target 2: {name} during bursts = {ratio:.2f} of steady (at least 0.7), "
                    f"p99 {burst['p99']:.0f} ms (under 1000)",
                    ratio >= 0.7 and burst["p99"] < 1000,
                )
            )
    if "search-new" in results:
        new = results["search-new"]
        verdicts.append(
            (
                f"target 3: {args.connections} concurrent new searches over {args.articles:,} "
                f"articles: p50 {new['p50']:.1f} ms (under 50), {new['rps']:.0f}/s (at least 200)",
                new["p50"] < 50 and new["rps"] >= 200,
            )
        )
    if "search-new-solo 500k" in results:
        solo = results["search-new-solo 500k"]
        verdicts.append(
            (
                f"target 3: one connection, new searches over {args.big_search:,} articles: "
                f"p50 {solo['p50']:.1f} ms (under 50)",
                solo["p50"] < 50,
            )
        )
    log("")
    for line, met in verdicts:
        log(f"{line}: {'met' if met else 'NOT MET'}")
    load_1, load_5, _ = os.getloadavg()
    log(f"machine: {os.cpu_count()} CPUs, load average {load_1:.1f} (1 min), {load_5:.1f} (5 min)")
    (RESULTS / "scale.json").write_text(
        json.dumps(
            {"args": vars(args), "results": results, "bursts": bursts}, indent=2, default=str
        )
    )


if __name__ == "__main__":
    main()
