"""An editor's journeys on the writing screen, from "Add article" to a published and a
scheduled story, counted in page loads and clicks; screenshots go to /work/shots/writing/
(or $SHOTS_DIR) at 1366 and 390 px, and axe audits the article form."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from newsletters.models import IssueArticle
from newsroom.lib.roles import EDITOR, sync_role_groups
from tests.browser.conftest import audit
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    NewsletterIssueFactory,
    SectionFactory,
    UserFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("SHOTS_DIR", "/work/shots/writing"))
PASSWORD = "an-editor-passphrase"


class Journey:
    """Counts what the editor does: page loads (navigations of the tab) and clicks."""

    def __init__(self, page):
        self.page = page
        self.loads = 0
        self.clicks = 0
        page.on("domcontentloaded", lambda _page: self._loaded())

    def _loaded(self):
        self.loads += 1

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def choose(self, field_id: str, text: str, *, scope=None):
        """Pick in one of the admin's select2 autocompletes: a click, typing, a click."""
        where = scope or self.page
        self.click(where.locator(f"#{field_id} + .select2"))
        self.page.locator(".select2-dropdown .select2-search__field").fill(text)
        self.click(self.page.locator(".select2-results__option", has_text=text).first)

    def tag(self, name: str):
        self.click(self.page.locator("#id_tags + .select2"))
        self.page.keyboard.type(name)
        expect(self.page.locator(".select2-results__option", has_text=name).first).to_be_visible()
        self.page.keyboard.press("Enter")


def shoot(page, name: str):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})


@pytest.fixture
def editor_page(page):
    # Transactional tests start from an empty database: recreate the roles' groups.
    sync_role_groups(Group, Permission)
    UserFactory(username="editor", password=PASSWORD, role=EDITOR)
    SectionFactory(name="Green", slug="green")
    AuthorFactory(name="Ginevra Falciani")
    AuthorFactory(name="Bertrand Hauger")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_be_visible()
    return page


def write(page, journey, headline: str):
    page.locator("#id_headline").fill(headline)
    page.locator("#id_dek").fill("Swiss researchers measured a record summer loss.")
    journey.click(page.locator(".field-body [contenteditable='true']"))
    page.keyboard.type("The ice is going.")
    page.keyboard.press("Enter")
    page.keyboard.type("Faster every year, and the valleys below are changing with it.")


def test_editor_publishes_a_new_story_with_two_authors_in_order_an_image_and_tags(
    editor_page, tmp_path
):
    page = editor_page
    photo = tmp_path / "glacier.jpg"
    photo.write_bytes(image_upload("glacier.jpg", color="lightblue").read())
    page.goto("/admin/articles/article/")
    journey = Journey(page)

    journey.click(page.get_by_role("link", name="Add article"))
    expect(page).to_have_url("/admin/articles/article/add/")
    write(page, journey, "Alpine Glaciers Retreat Faster Than Forecast")
    expect(page.locator(".desk-count__words")).to_have_text("15 words")
    expect(page.locator(".desk-count__minutes")).to_have_text("1 min read")

    journey.choose("id_section", "Green")
    journey.tag("Climate")
    journey.tag("Alps")

    # The byline, in the side panel: two names, the second dragged above the first.
    byline = page.locator("#bylines-group")
    journey.choose("id_bylines-0-author", "Ginevra", scope=byline)
    journey.click(
        byline.locator(".add-row").get_by_role("button", name=re.compile("Add another", re.I))
    )
    journey.choose("id_bylines-1-author", "Bertrand", scope=byline)
    rows = byline.locator("tbody tr.form-row:not(.empty-form)")
    journey.clicks += 1  # one drag
    rows.nth(1).locator(".sortable-inline__handle").drag_to(rows.nth(0))
    expect(rows.nth(0).locator("td.field-author")).to_contain_text("Bertrand Hauger")
    expect(rows.nth(0).locator("input[name$='-position']")).to_have_value("0")
    expect(rows.nth(1).locator("input[name$='-position']")).to_have_value("1")

    # The lead image is uploaded from the form itself, through the image library's popup.
    with page.expect_popup() as popup_info:
        journey.click(page.locator("#add_id_lead_image"))
    popup = popup_info.value
    popup.locator("#id_file").set_input_files(str(photo))
    popup.locator("#id_alt_text").fill("A glacier tongue above a valley")
    journey.click(popup.get_by_role("button", name="Save", exact=True))
    popup.wait_for_event("close")
    expect(page.locator("#select2-id_lead_image-container")).to_contain_text("glacier")

    assert not page.get_by_text("Please correct the error").count()
    shoot(page, "1-new-article-filled")
    violations = audit(page)
    assert violations == [], violations

    loads, clicks = journey.loads, journey.clicks
    journey.click(page.get_by_role("button", name="Save and publish now"))
    expect(page.locator(".messagelist")).to_contain_text("Published")
    page.wait_for_load_state("load")
    # Publishing took one click and one page load once the form was filled.
    assert (journey.loads - loads, journey.clicks - clicks) == (1, 1)
    print(f"\npublish journey: {journey.loads} page loads, {journey.clicks} clicks")

    article = Article.objects.get(headline="Alpine Glaciers Retreat Faster Than Forecast")
    assert article.is_published
    assert [a.name for a in article.byline_authors] == ["Bertrand Hauger", "Ginevra Falciani"]
    assert list(article.bylines.values_list("position", flat=True)) == [0, 1]
    assert sorted(article.tags.names()) == ["Alps", "Climate"]
    assert article.lead_image.alt_text == "A glacier tongue above a valley"
    event = article.workflow_events.get()
    assert event.get_transition_display() == "Published without review"
    # The publishing, and at most one autosave before it (the draft's autosaves fold into
    # one revision; whether one ran depends on how fast the form was filled).
    reasons = list(article.history.values_list("history_change_reason", flat=True))
    assert reasons in (["Published without review"], ["Published without review", "Autosaved"])

    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".desk-state")).to_contain_text("Published")
    shoot(page, "2-published-article")
    violations = audit(page)
    assert violations == [], violations


def test_editor_schedules_a_new_story_after_the_draft_autosaved(editor_page):
    page = editor_page
    journey = Journey(page)
    page.goto("/admin/articles/article/add/")
    journey.loads = 0
    expect(page.locator(".desk-schedule__zone")).to_contain_text("Times are in UTC")

    write(page, journey, "The Valley Below The Glacier")
    journey.choose("id_section", "Green")
    journey.choose("id_bylines-0-author", "Ginevra", scope=page.locator("#bylines-group"))

    # The draft saves itself a few seconds after the typing stops: the page carries on as
    # the new article's change form, and the history holds one autosave revision.
    expect(page.locator(".desk-autosave")).to_contain_text("Saved at", timeout=15_000)
    article = Article.objects.get(headline="The Valley Below The Glacier")
    expect(page).to_have_url(f"/admin/articles/article/{article.pk}/change/")
    assert article.status == Article.Status.DRAFT
    assert article.history.get().history_change_reason == "Autosaved"

    # The schedule control checks itself before sending: no time, no submit.
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.locator("#id_schedule_for_0").fill(tomorrow.isoformat())
    loads = journey.loads
    journey.click(page.get_by_role("button", name="Save and schedule"))
    assert journey.loads == loads
    message = page.locator("#id_schedule_for_1").evaluate("input => input.validationMessage")
    assert message == "Choose when to publish: the time is missing."

    # A time already gone is refused on the spot too.
    page.locator("#id_schedule_for_0").fill((tomorrow - timedelta(days=2)).isoformat())
    page.locator("#id_schedule_for_1").fill("09:30")
    journey.click(page.get_by_role("button", name="Save and schedule"))
    assert journey.loads == loads
    message = page.locator("#id_schedule_for_0").evaluate("input => input.validationMessage")
    assert message == "That time has passed: choose a time in the future, or publish now."

    page.locator("#id_schedule_for_0").fill(tomorrow.isoformat())
    shoot(page, "3-schedule-filled")
    loads, clicks = journey.loads, journey.clicks
    journey.click(page.get_by_role("button", name="Save and schedule"))
    expect(page.locator(".messagelist")).to_contain_text("Scheduled for")
    page.wait_for_load_state("load")
    assert (journey.loads - loads, journey.clicks - clicks) == (1, 1)
    print(f"\nschedule journey: {journey.loads} page loads, {journey.clicks} clicks")

    assert Article.objects.filter(headline="The Valley Below The Glacier").count() == 1
    article.refresh_from_db()
    assert article.is_scheduled
    assert timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M") == (
        f"{tomorrow.isoformat()} 09:30"
    )
    assert article.workflow_events.get().get_transition_display() == "Scheduled without review"
    # The autosave and the scheduling: two revisions, each with its reason.
    assert list(article.history.values_list("history_change_reason", flat=True)) == [
        "Scheduled without review",
        "Autosaved",
    ]
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".desk-state")).to_contain_text("Scheduled for")
    shoot(page, "4-scheduled-article")


def test_focus_mode_leaves_the_writing_column_alone(editor_page):
    page = editor_page
    page.goto("/admin/articles/article/add/")
    toggle = page.get_by_role("button", name="Focus mode")
    toggle.click()
    expect(page.locator(".desk__side")).to_be_hidden()
    expect(page.locator("#header")).to_be_hidden()
    expect(page.locator("#id_headline")).to_be_visible()
    shoot(page, "5-focus-mode")
    page.keyboard.press("Escape")
    expect(page.locator(".desk__side")).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "false")


def test_newsletter_stories_are_ordered_by_drag(editor_page):
    page = editor_page
    first = ArticleFactory(headline="First story of the day")
    second = ArticleFactory(headline="Second story of the day")
    issue = NewsletterIssueFactory()
    IssueArticle.objects.create(issue=issue, article=first, position=0)
    IssueArticle.objects.create(issue=issue, article=second, position=1)
    page.goto(f"/admin/newsletters/newsletterissue/{issue.pk}/change/")
    group = page.locator(".js-inline-admin-formset:has(fieldset.positioned-inline)")
    rows = group.locator("tbody tr.form-row.has_original")
    rows.nth(1).get_by_role("button", name="Move Second story of the day up").click()
    expect(rows.nth(0)).to_contain_text("Second story of the day")
    shoot(page, "6-newsletter-stories")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = list(issue.items.values_list("article__headline", "position"))
    assert saved == [("Second story of the day", 0), ("First story of the day", 1)]


def test_without_javascript_an_editor_writes_and_publishes_a_new_story(
    browser, live_server, settings
):
    settings.SITE_URL = live_server.url
    sync_role_groups(Group, Permission)
    UserFactory(username="editor", password=PASSWORD, role=EDITOR)
    section = SectionFactory(name="Economy")
    SectionFactory(name="Culture")
    author = AuthorFactory(name="Ines Ferreira")
    AuthorFactory(name="Tomasz Nowak")
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto("/admin/login/?next=/admin/articles/article/add/")
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        body = page.locator("textarea#id_body")
        expect(body).to_be_visible()
        assert body.bounding_box()["height"] > 300  # room to write, not a one-line box
        page.locator("#id_headline").fill("Written Without Scripts")
        page.locator("#id_dek").fill("The plain form still publishes.")
        body.fill("<p>Every button posts the form.</p>")
        # The autocompletes are plain lists without scripts; tags are typed, with commas.
        page.locator("#id_section").select_option(label="Economy")
        page.locator("#id_bylines-0-author").select_option(label="Ines Ferreira")
        page.locator('input[name="tags__typed"]').fill("ports, Baltic")
        shoot(page, "7-without-javascript")
        page.get_by_role("button", name="Save and publish now").click()
        expect(page.locator(".messagelist")).to_contain_text("Published")
    finally:
        context.close()
    article = Article.objects.get(headline="Written Without Scripts")
    assert article.is_published
    assert article.section == section
    assert article.body == "<p>Every button posts the form.</p>"
    assert article.byline_authors == [author]
    assert sorted(article.tags.names()) == ["Baltic", "ports"]
