"""axe-core audits (WCAG 2.2 A/AA and best practices): no serious or critical violation."""

import pytest

from articles.models import Section
from demo.content.seed import SECTIONS
from paywall.models import MeterPolicy
from tests.browser.conftest import audit
from tests.factories import (
    AnnualPlanFactory,
    ArticleFactory,
    AuthorFactory,
    NewsletterFactory,
    PlanFactory,
    SectionFactory,
    SeriesFactory,
    SourceFactory,
    image_upload,
    paragraphs,
)

pytestmark = pytest.mark.django_db(transaction=True)

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
    source = SourceFactory(name="Le Monde")
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
    )
    ArticleFactory(
        headline="Eyes On U.S. — California, The World Is Worried About You",
        dek=LONG_DEK,
        section=world,
        series=series,
        country="United States",
        authors=[AuthorFactory(name="Ginevra Falciani"), AuthorFactory(name="Bertrand Hauger")],
        lead_image=image_upload("coast.jpg", color="sandybrown"),
        lead_image_alt="The Californian coast at dusk",
    )
    ArticleFactory.create_batch(3, section=world, dek=LONG_DEK, country="France")
    return story


def assert_accessible(page, path: str):
    response = page.goto(path)
    assert response.status == 200, path
    violations = audit(page)
    assert violations == [], f"{path}: {violations}"


def test_home_page_has_no_serious_violation(page, site_content):
    assert_accessible(page, "/")


def test_home_page_with_teasers_opened_has_no_serious_violation(page, site_content):
    page.goto("/")
    for summary in page.locator(".teaser__details > summary").all()[:3]:
        summary.click()
    assert audit(page) == []


@pytest.mark.parametrize("path", ["/", "/section/world/"])
def test_pages_on_a_phone_have_no_serious_violation(page, site_content, path):
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page, path)


def test_article_on_a_phone_has_no_serious_violation(page, site_content):
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page, site_content.get_absolute_url())


def test_section_page_has_no_serious_violation(page, site_content):
    assert_accessible(page, "/section/world/")


def test_article_page_has_no_serious_violation(page, site_content):
    assert_accessible(page, site_content.get_absolute_url())


def test_paywalled_article_page_has_no_serious_violation(page, site_content):
    MeterPolicy.objects.create(free_articles=1)
    PlanFactory()
    AnnualPlanFactory()
    page.goto("/section/world/")
    page.locator(".story-list .card__headline a").first.click()
    response = page.goto(site_content.get_absolute_url())
    assert response.status == 200
    assert page.locator(".paywall").count() == 1
    assert audit(page) == []


def test_newsletter_signup_page_has_no_serious_violation(page, site_content):
    assert_accessible(page, "/newsletters/")


def test_newsletter_signup_errors_have_no_serious_violation(page, site_content):
    page.goto("/newsletters/")
    page.locator("main form").first.locator("button[type=submit]").click()
    assert audit(page) == []


def test_search_page_has_no_serious_violation(page, site_content):
    assert_accessible(page, "/search/?q=china")
