"""The translation desk in Chromium: an editor pastes an original and assigns it, the
translator writes the English side by side (the glossary flag rechecks as they type),
submits it, the editor publishes it; then the original changes and both see the diff.
Every desk page passes axe-core, and each is photographed at 1366 and 390 px wide."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from desk.models import SourceStory
from desk.services import intake
from newsroom.lib.roles import EDITOR, TRANSLATOR, sync_role_groups
from tests.browser.conftest import audit, save_screenshot
from tests.factories import (
    AuthorFactory,
    GlossaryTermFactory,
    SectionFactory,
    SourceFactory,
    TranslatorProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

ORIGINAL = (
    "L'Assemblée nationale a adopté lundi la réforme des retraites agricoles.\n\n"
    "Le Premier ministre a salué « une mesure de justice ».\n\n"
    "Le Sénat l'examinera en janvier."
)
ENGLISH = [
    "The National Assembly on Monday adopted the reform of farmers' pensions.",
    "The prime minister hailed “a measure of justice”.",
    "The Senate will examine it in January.",
]
WIDTHS = {1366: 900, 390: 844}


def log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-desk-passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Log out").click()


def check(page, name):
    """No serious axe violation, and a photograph at each width."""
    violations = audit(page)
    assert violations == [], f"{name}: {violations}"
    for width, height in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        save_screenshot(page, f"desk-{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_from_intake_to_publication_side_by_side(page):
    # Transactional tests start from an empty database: recreate the roles' groups.
    sync_role_groups(Group, Permission)
    UserFactory(username="editor", password="a-desk-passphrase", role=EDITOR)
    translator = UserFactory(username="camille", password="a-desk-passphrase", role=TRANSLATOR)
    TranslatorProfileFactory(
        user=translator, author=AuthorFactory(name="Camille Dubois"), languages=["fr"]
    )
    SourceFactory(name="Le Monde")  # with a granted permission for full translations
    SectionFactory(name="World", slug="world")
    GlossaryTermFactory(term="Assemblée nationale", rendering="National Assembly")
    GlossaryTermFactory(term="Premier ministre", rendering="prime minister")
    GlossaryTermFactory(term="Sénat", rendering="Senate")

    # Intake: the editor pastes the original.
    log_in(page, "editor")
    page.goto("/admin/desk/sourcestory/add/")
    page.get_by_label("Source").select_option(label="Le Monde")
    page.get_by_label("Original address").fill("https://www.lemonde.example/retraites.html")
    page.get_by_label("Original headline").fill("L'Assemblée adopte la réforme des retraites")
    page.get_by_label("Original text").fill(ORIGINAL)
    page.get_by_label("Original publication date").fill("2026-11-30T09:15")
    page.get_by_label("Original author").fill("Mathieu Roux")
    check(page, "paste")
    page.get_by_role("button", name="Add to the desk").click()
    expect(page.locator(".messagelist")).to_contain_text("is on the desk as a candidate")

    # Assignment, from the board.
    page.goto("/admin/desk/sourcestory/board/")
    candidates = page.locator(".desk-column--candidate")
    expect(candidates).to_contain_text("L'Assemblée adopte la réforme des retraites")
    candidates.get_by_role("link", name="Assign").click()
    page.get_by_label("Translator").select_option(label="Camille Dubois (French)")
    deadline = timezone.localtime() + timedelta(days=1)
    page.get_by_label("Deadline").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Section").select_option(label="World")
    check(page, "assign")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".desk-column--assigned")).to_contain_text("Camille Dubois")
    check(page, "board")
    log_out(page)

    # The translator sees it, starts, and writes the English paragraph by paragraph.
    log_in(page, "camille")
    page.goto("/admin/desk/sourcestory/board/")
    page.get_by_role("link", name="Side by side").click()
    page.get_by_role("button", name="Start translating").click()
    rows = page.locator(".desk-grid__row")
    expect(rows).to_have_count(3)
    page.get_by_label("English headline").fill("France's Farmers Win A Better Pension")
    page.get_by_label("Dek").fill("The National Assembly votes to count their best 25 years.")
    first = page.get_by_label("Paragraph 1 in English")
    first.fill("The parliament on Monday adopted the reform of farmers' pensions.")
    # The glossary flag rechecks as the translator types (static/desk/translate.js)...
    expect(rows.nth(0).locator(".desk-flag--missing")).to_contain_text("National Assembly")
    first.fill(ENGLISH[0])
    expect(rows.nth(0).locator(".desk-flag--missing")).to_have_count(0)
    page.get_by_label("Paragraph 2 in English").fill(ENGLISH[1])
    # ...and the server flags what is missing on "Check the glossary", keeping the text.
    page.get_by_label("Paragraph 3 in English").fill("The upper house will look at it.")
    page.get_by_role("button", name="Check the glossary").click()
    expect(page.locator("#glossary-summary")).to_contain_text("1 agreed rendering missing")
    expect(page.get_by_label("Paragraph 3 in English")).to_have_value(
        "The upper house will look at it."
    )
    page.get_by_label("Paragraph 3 in English").fill(ENGLISH[2])
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Saved.")
    check(page, "side-by-side")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("is with the editors for review")
    log_out(page)

    # Review and publication happen in the article workflow.
    story = SourceStory.objects.get()
    assert story.state == SourceStory.State.IN_REVIEW
    log_in(page, "editor")
    page.goto(f"/admin/articles/article/{story.article_id}/change/")
    page.get_by_role("button", name="Save and publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("Published")
    story.refresh_from_db()
    assert story.state == SourceStory.State.PUBLISHED
    article = Article.objects.get(pk=story.article_id)
    assert article.body.count("<p>") == 3 and "The Senate will examine it" in article.body
    assert article.original_author == "Mathieu Roux"
    page.goto(article.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "France's Farmers Win A Better Pension"
    )

    # The original changes after publication: outdated, with a word-level diff.
    intake.receive(
        original=intake.Original(
            url=story.original_url,
            headline=story.headline,
            text=ORIGINAL.replace("lundi", "lundi soir, par 312 voix,"),
            language="fr",
        ),
        source=story.source,
        via=SourceStory.Via.FEED,
        now=timezone.now(),
    )
    page.goto("/admin/desk/sourcestory/board/")
    page.locator(".desk-column--outdated").get_by_role("link", name="What changed").click()
    expect(page.locator(".revision-diff ins")).to_contain_text("soir, par 312 voix,")
    check(page, "diff")
    page.get_by_role("button", name="Mark as resolved").click()
    expect(page.locator(".messagelist")).to_contain_text("up to date with its original")
