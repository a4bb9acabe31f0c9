"""axe-core audits (WCAG 2.2 A/AA and best practices): no serious or critical violation."""

import pytest

from paywall.models import MeterPolicy
from tests.browser.conftest import audit
from tests.factories import (
    AnnualPlanFactory,
    PlanFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def assert_accessible(page, path: str):
    response = page.goto(path)
    assert response.status == 200, path
    violations = audit(page)
    assert violations == [], f"{path}: {violations}"


def test_home_page_has_no_serious_violation(page, site_content):
    assert_accessible(page, "/")


def test_home_page_with_the_phone_menus_open_has_no_serious_violation(page, site_content):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    for summary in page.locator(".masthead__toggle > summary").all():
        summary.click()
    assert audit(page) == []


# The provenance pages: a country, every source, a translator's work.
PROVENANCE_PAGES = ["/country/cn/", "/sources/", "/translators/rachel-stern/"]


@pytest.mark.parametrize("path", ["/", "/section/world/", *PROVENANCE_PAGES])
def test_pages_on_a_phone_have_no_serious_violation(page, site_content, path):
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page, path)


def test_article_on_a_phone_has_no_serious_violation(page, site_content):
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page, site_content.get_absolute_url())


@pytest.mark.parametrize("path", PROVENANCE_PAGES)
def test_provenance_pages_have_no_serious_violation(page, site_content, path):
    assert_accessible(page, path)


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


def test_search_with_a_correction_has_no_serious_violation(page, site_content):
    assert_accessible(page, "/search/?q=workres")
    assert "Did you mean" in page.content()
