"""Chromium driven by Playwright against pytest-django's live server.

Debian's chromium (/usr/bin/chromium) is used: `playwright install` cannot download here.
Every test in this folder is marked `browser`, so `make test` skips them and
`make test-browser` runs them. Each journey saves a screenshot of its last page to artifacts/.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from articles.models import Section
from demo.content.seed import SECTIONS
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    NewsletterFactory,
    SectionFactory,
    SeriesFactory,
    SourceFactory,
    image_upload,
    paragraphs,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def pytest_collection_modifyitems(items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium).")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are still synchronous and safe. Set only while browsers run:
    # a deploy check in the same process must not see it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server, settings):
    # Absolute URLs (canonical, share links, feeds) point at the live server under test.
    settings.SITE_URL = live_server.url
    # The site's Content-Security-Policy stays on: journeys see what readers' browsers see.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))

    def csp_refusal(message):
        # Readers' pages only: the admin's rich-text editor sets inline styles the policy
        # refuses (cosmetic, staff only); that is the CSP settings' business, not a journey's.
        if message.type == "error" and "Content Security Policy" in message.text:
            if "/admin/" not in page.url:
                problems.append(f"{page.url}: {message.text}")

    page.on("console", csp_refusal)
    yield page
    context.close()
    assert problems == [], "the browser reported script errors or CSP refusals"


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


SERIOUS = {"serious", "critical"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def audit(page) -> list[dict]:
    """Serious and critical axe-core violations on the page as it stands."""
    # Evaluated through the DevTools protocol, which the page's CSP does not govern.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    ]


LONG_DEK = (
    "As an Italian bestseller explores why people are fleeing the Golden State, the "
    "international press also takes stock of unprecedented Silicon Valley layoffs, and asks "
    "what the exodus says about the promise that drew millions west. It may be a warning."
)


@pytest.fixture
def site_content():
    NewsletterFactory(name="Worldcrunch Today", slug="worldcrunch-today", in_masthead=True)
    NewsletterFactory(name="Eyes on U.S.", slug="eyes-on-us", cadence="weekly")
    # The publication's real sections: on a phone their navigation wraps over several lines.
    for name, slug, description in SECTIONS:
        SectionFactory(name=name, slug=slug, description=description)
    world = Section.objects.get(slug="world")
    food = Section.objects.get(slug="food-travel")
    series = SeriesFactory(name="Eyes on U.S.", label="eyes on the U.S.")
    source = SourceFactory(
        name="Le Monde", country="FR", language="fr", homepage="https://www.lemonde.fr"
    )
    SourceFactory(name="Le Temps", country="CH", language="fr")  # on our list, no story yet
    story = ArticleFactory(
        headline="The Hard Labor Of North Korean Workers In China",
        dek="Recent UN sanctions are trying to limit the flow of money North Korea generates.",
        body="<p>Opening.</p><h2>Roaming source of revenue</h2>" + paragraphs(10),
        dateline="Dandong",
        section=food,
        source=source,
        authors=[AuthorFactory(name="Brice Pedroletti")],
        tags=["China", "Labor"],
        lead_image=image_upload("waitress.jpg"),
        lead_image_alt="A North Korean waitress in Dandong, China",
        lead_image_caption="A North Korean waitress in Dandong, China",
        lead_image_credit="Brice Pedroletti",
        featured=True,
        country="CN",
        original_headline="En Chine, le dur labeur des travailleurs nord-coréens",
        original_published_at=timezone.now() - timedelta(days=1),
        original_author="Brice Pedroletti",
        translator=AuthorFactory(name="Rachel Stern", slug="rachel-stern"),
    )
    ArticleFactory(
        headline="Eyes On U.S. — California, The World Is Worried About You",
        dek=LONG_DEK,
        section=world,
        series=series,
        country="US",
        authors=[AuthorFactory(name="Ginevra Falciani"), AuthorFactory(name="Bertrand Hauger")],
        lead_image=image_upload("coast.jpg", color="sandybrown"),
        lead_image_alt="The Californian coast at dusk",
    )
    ArticleFactory.create_batch(3, section=world, dek=LONG_DEK, country="FR")
    return story
