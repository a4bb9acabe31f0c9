"""The reference page's "Keep reading… Show less" (the next story, expanding in place) and the
rail whose newsletters box stays beside the reader down the page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Series
from paywall.models import FunnelDay, MeterPolicy
from tests.browser.conftest import audit, save_screenshot
from tests.factories import ArticleFactory, image_upload, paragraphs

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def next_story(site_content):
    """A series story free to everyone, the newest: the one offered after the others."""
    FunnelDay.objects.create(date=timezone.now().date(), article=site_content, metered_reads=40)
    return ArticleFactory(
        headline="Kraków's Milk Bars Find A New Crowd",
        is_free=True,
        body=paragraphs(9, prefix="Milk bar"),
        # Tall above its text, as stories are: collapsing must not leave its start off screen.
        lead_image=image_upload("milk-bar.jpg"),
        lead_image_alt="Drawing of a bowl of soup",
        series=Series.objects.get(name="Eyes on U.S."),
    )


def test_keep_reading_expands_the_next_story_in_place_without_javascript(
    browser, live_server, settings, site_content, next_story
):
    MeterPolicy.objects.create(free_articles=3)
    settings.SITE_URL = live_server.url
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_content.get_absolute_url())
        teaser = page.locator(".next-story")
        expect(teaser.get_by_role("heading", name=next_story.headline)).to_be_visible()
        expect(teaser.get_by_text("Milk bar 1 of the story")).to_be_visible()
        expect(teaser.get_by_text("Milk bar 5 of the story")).to_be_hidden()
        keep_reading = teaser.locator("summary")
        expect(keep_reading.locator(".teaser__more")).to_have_text(
            f"Keep reading “{next_story.headline}”…"
        )
        expect(keep_reading.locator(".teaser__less")).to_be_hidden()
        keep_reading.click()
        expect(teaser.get_by_text("Milk bar 9 of the story")).to_be_visible()
        expect(keep_reading.locator(".teaser__more")).to_be_hidden()
        expect(keep_reading.locator(".teaser__less")).to_have_text("Show less")
        keep_reading.click()
        expect(teaser.get_by_text("Milk bar 5 of the story")).to_be_hidden()
    finally:
        context.close()


def test_show_less_brings_the_next_story_back_into_view(page, site_content, next_story):
    MeterPolicy.objects.create(free_articles=3)
    page.goto(site_content.get_absolute_url())
    teaser = page.locator(".next-story")
    toggle = teaser.locator("summary")
    toggle.focus()
    page.keyboard.press("Enter")  # a keyboard opens it as a click does
    expect(teaser.get_by_text("Milk bar 9 of the story")).to_be_visible()
    assert audit(page) == []
    save_screenshot(page, "next-story-open")
    toggle.scroll_into_view_if_needed()
    toggle.click()
    expect(teaser.get_by_text("Milk bar 9 of the story")).to_be_hidden()
    page.wait_for_function(
        "() => { const top = document.querySelector('.next-story').getBoundingClientRect().top;"
        " return top >= -1 && top < innerHeight / 2; }"
    )
    expect(toggle).to_be_focused()


def test_the_rail_runs_the_length_of_the_page_with_the_newsletters_in_view(
    page, site_content, next_story
):
    MeterPolicy.objects.create(free_articles=3)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site_content.get_absolute_url())
    rail = page.locator(".rail")
    expect(rail.get_by_role("heading", name="Most read this week")).to_be_visible()
    expect(rail.get_by_role("link", name=site_content.headline)).to_be_visible()
    newsletters = rail.locator(".rail-newsletters")
    story = page.locator(".article-main").bounding_box()
    # Far down the story, past the rail's other boxes, the newsletters are still beside it.
    page.mouse.wheel(0, story["height"] - 900)
    page.wait_for_timeout(200)
    box = newsletters.bounding_box()
    assert 0 <= box["y"] < 900 and box["y"] + box["height"] <= 900, box
    expect(newsletters.get_by_label("Email address")).to_be_visible()
