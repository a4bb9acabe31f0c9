"""With the default settings, a change made in any process shows on every server at once.

`make serve` runs several gunicorn workers; editors work in the admin (another worker) or
from `manage.py`. These tests start two real gunicorn servers on a SQLite file of their own
with no CACHE_URL (the default cache), warm their pages, change things from a third
process, and watch both servers as an anonymous reader would.
"""

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest

from paywall.services.funnel import PUSH_SECONDS

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
ARTICLE = "/article/dockers-strike/"
# The brief to the servers: a change shows everywhere within this many seconds.
FRESH_WITHIN = 2.0
# Variables that would replace a default this test is about, or point at another database.
NOT_INHERITED = {"CACHE_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TEST_REDIS_URL"}

SETUP = """
import json
from django.conf import settings
from paywall.models import MeterPolicy
from tests.factories import ArticleFactory, NewsletterFactory

ArticleFactory(slug="dockers-strike", headline="Dockers strike in the harbour")
MeterPolicy.objects.create(free_articles=3)
NewsletterFactory(slug="today", in_masthead=True)
print(json.dumps(settings.CACHES["default"]))
"""


@dataclass
class Site:
    env: dict[str, str]
    servers: list[str]  # "host:port" of each server

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "-c", code)


def free_ports(count: int) -> list[int]:
    """Ports the system hands out as free, so no fixed range can be taken by another run."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind((HOST, 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def request(server: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str]:
    """One request from a new anonymous reader (no cookies), redirects not followed."""
    connection = http.client.HTTPConnection(server, timeout=10)
    try:
        if form is None:
            connection.request("GET", path)
        else:
            body = urllib.parse.urlencode(form)
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            connection.request("POST", path, body, headers)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def page(server: str, path: str = ARTICLE) -> str:
    status, body = request(server, path)
    assert status == 200, body[:500]
    return body


def seconds_until_every_server_shows(site: Site, text: str, path: str = ARTICLE) -> dict:
    """How long after now each server took to show text (None: not within FRESH_WITHIN)."""
    began = time.monotonic()
    seen: dict[str, float | None] = dict.fromkeys(site.servers)
    while time.monotonic() - began < FRESH_WITHIN:
        for server in site.servers:
            if seen[server] is None and text in page(server, path):
                seen[server] = round(time.monotonic() - began, 2)
        if all(value is not None for value in seen.values()):
            break
        time.sleep(0.05)
    return seen


def start_server(site: Site, port: int, log: Path) -> subprocess.Popen:
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"{HOST}:{port}"]
            + ["--workers", "1", "--log-level", "warning"],
            cwd=ROOT,
            env=site.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopping it stops its worker
        )
    return process


def wait_until_ready(process: subprocess.Popen, server: str, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if request(server, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{server} did not become ready:\n{log.read_text()[-2000:]}")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-servers")
    ports = free_ports(2)
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="0",
        SECRET_KEY="two-servers-test-only-" + "q8Lm2Vx7Rk4Tn9Wb" * 3,
        ALLOWED_HOSTS=HOST,
        SITE_URL=f"http://{HOST}:{ports[0]}",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="WARNING",
    )
    site = Site(env=env, servers=[f"{HOST}:{port}" for port in ports])
    site.manage("migrate", "--noinput")
    site.manage("collectstatic", "--noinput")
    cache = json.loads(site.shell(SETUP).strip().splitlines()[-1])
    assert cache["BACKEND"] == "newsroom.lib.filecache.FileCache", "not the default cache"
    processes = []
    try:
        for port, server in zip(ports, site.servers, strict=True):
            log = folder / f"server-{port}.log"
            processes.append(start_server(site, port, log))
            wait_until_ready(processes[-1], server, log)
        yield site
    finally:
        for process in processes:
            stop_server(process)
        cache_folder = Path(cache["LOCATION"])
        if cache_folder.is_relative_to(ROOT / "var" / "cache"):
            shutil.rmtree(cache_folder, ignore_errors=True)


def test_a_headline_fixed_from_a_shell_shows_on_both_servers_within_two_seconds(site):
    for server in site.servers:
        for path in (ARTICLE, ARTICLE, "/", "/"):  # the second read comes from the caches
            assert "Dockers strike in the harbour" in page(server, path)

    site.shell(
        "from articles.models import Article\n"
        "article = Article.objects.get(slug='dockers-strike')\n"
        "article.headline = 'Dockers end their strike'\n"
        "article.save()\n"
    )
    on_article = seconds_until_every_server_shows(site, "Dockers end their strike")
    on_home = seconds_until_every_server_shows(site, "Dockers end their strike", "/")

    assert None not in on_article.values(), on_article
    assert None not in on_home.values(), on_home
    for server in site.servers:
        assert "Dockers strike in the harbour" not in page(server)


def test_a_meter_policy_change_reaches_both_servers_within_two_seconds(site):
    for server in site.servers:
        for _ in range(2):
            assert "You have 2 free articles left." in page(server)

    site.shell(
        "from paywall.models import MeterPolicy\n"
        "policy = MeterPolicy.objects.get()\n"
        "policy.free_articles = 6\n"
        "policy.save()\n"
    )
    seen = seconds_until_every_server_shows(site, "You have 5 free articles left.")

    assert None not in seen.values(), seen


def test_signups_sent_to_either_server_count_towards_one_limit(site):
    form = {"email": "ann@example.org", "placement": "masthead"}
    statuses = [request(site.servers[n % 2], "/newsletters/signup/", form)[0] for n in range(4)]

    assert statuses == [302, 302, 302, 429]  # three signups of one address an hour


def test_the_funnel_counts_the_reads_served_by_both_servers(site):
    total = "from django.db.models import Sum\nfrom paywall.models import FunnelDay\n"
    total += "print(FunnelDay.objects.aggregate(reads=Sum('metered_reads'))['reads'] or 0)"
    time.sleep(PUSH_SECONDS + 0.5)  # reads of earlier tests reach the cache
    site.manage("flush_funnel")
    before = int(site.shell(total))

    for server in site.servers:
        for _ in range(3):
            page(server)
    time.sleep(PUSH_SECONDS + 0.5)  # each server adds its reads to the cache this often
    site.manage("flush_funnel")

    assert int(site.shell(total)) == before + 6
