"""The reader's pages on a phone (390×844): the story starts on the first screen."""

import re

import pytest
from playwright.sync_api import expect

from paywall.models import MeterPolicy
from tests.browser.conftest import audit, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def test_first_paragraph_of_a_metered_article_is_on_the_first_phone_screen(phone, site_content):
    MeterPolicy.objects.create(free_articles=3)
    phone.goto(site_content.get_absolute_url())
    first_paragraph = phone.locator(".story__body p").first
    expect(first_paragraph).to_contain_text("Opening")
    box = first_paragraph.bounding_box()
    assert box is not None
    assert box["y"] < PHONE["height"], f"first paragraph starts {box['y']:.0f}px down"
    # The daily's box and the share links wait after the story.
    expect(phone.locator(".masthead .newsletter-cta")).to_be_hidden()
    expect(phone.locator(".newsletter-cta--after-story")).to_be_visible()
    share = phone.locator(".share").bounding_box()
    assert share is not None and share["y"] > box["y"]
    assert audit(phone) == []
    save_screenshot(phone, "phone-article")


def test_sections_and_search_open_from_the_phone_masthead_without_javascript(
    browser, live_server, settings, site_content
):
    MeterPolicy.objects.create(free_articles=3)
    settings.SITE_URL = live_server.url
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    try:
        phone = context.new_page()
        phone.goto("/")
        # Name, Sign in, search and sections on one row, the tagline on one line below.
        assert phone.locator(".masthead__inner").bounding_box()["height"] < 110
        expect(phone.locator(".sections-nav")).to_be_hidden()
        phone.locator(".masthead__toggle--menu > summary").click()
        menu = phone.get_by_role("navigation", name="Sections")
        expect(menu.get_by_role("link", name="The latest")).to_be_visible()
        save_screenshot(phone, "phone-home-sections-open")
        phone.locator(".masthead__toggle--search > summary").click()
        phone.locator("#menu-search").fill("korean")
        phone.locator("#menu-search").press("Enter")
        expect(phone).to_have_url(re.compile(r"q=korean"))
        save_screenshot(phone, "phone-search")
    finally:
        context.close()
