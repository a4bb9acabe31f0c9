"""The editors' admin in Chromium: every role's dashboard, the newsletter composer, the funnel
and the meter policy's wall preview; axe finds no serious or critical violation on them.

Each page is saved at 1366 and 390 px wide (to SHOTS_DIR, default artifacts/) for a person to
look at: the screenshots are part of the review, the assertions are what a test can check.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect

from newsroom.lib.roles import CHIEF_EDITOR, EDITOR, WRITER, sync_role_groups
from paywall.models import FunnelDay, MeterPolicy
from tests.browser.conftest import ARTIFACTS, audit
from tests.factories import (
    AnnualPlanFactory,
    ArticleFactory,
    DraftFactory,
    InReviewFactory,
    NewsletterFactory,
    NewsletterIssueFactory,
    PlanFactory,
    SectionFactory,
    SubscriberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("SHOTS_DIR", ARTIFACTS))
PASSWORD = "newsroom-test"
WIDTHS = (1366, 390)


def log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def shoot_and_audit(page, path: str, name: str) -> None:
    """At each width: the page answers 200, axe finds nothing serious, a screenshot is saved."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(path)
        assert response.status == 200, path
        violations = audit(page)
        assert violations == [], f"{path} at {width} px: {violations}"
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.fixture
def newsroom():
    sync_role_groups(Group, Permission)
    now = timezone.now()
    world = SectionFactory(name="World", slug="world")
    writer = UserFactory(username="writer", role=WRITER)
    UserFactory(username="editor", role=EDITOR)
    UserFactory(username="chief", role=CHIEF_EDITOR)
    UserFactory(username="root", is_superuser=True)
    DraftFactory(headline="Why Lisbon's trams still run on 1930s parts", created_by=writer)
    InReviewFactory(
        headline="The Danube's shipping season ends early", created_by=writer, section=world
    )
    ArticleFactory(headline="Tomorrow: the Baltic grid", published_at=now + timedelta(days=1))
    stories = [
        ArticleFactory(
            headline=f"Story number {number + 1} from the week",
            section=world,
            published_at=now - timedelta(days=number + 1),
        )
        for number in range(3)
    ]
    daily = NewsletterFactory(name="Worldcrunch Today", slug="worldcrunch-today")
    for number in range(4):
        SubscriberFactory(email=f"reader{number}@example.com", newsletters=[daily])
    PlanFactory()
    AnnualPlanFactory()
    MeterPolicy.objects.create()
    today = now.date()
    for days_ago in range(10):
        for story in stories:
            FunnelDay.objects.create(
                date=today - timedelta(days=days_ago),
                article=story,
                metered_reads=400 + days_ago * 7,
                paywalls_shown=90 + days_ago,
            )
    return daily


@pytest.mark.parametrize("username", ["writer", "editor", "chief", "root"])
def test_every_roles_dashboard_has_no_serious_violation(page, newsroom, username):
    log_in(page, username)
    shoot_and_audit(page, "/admin/", f"dashboard-{username}")
    menu = page.locator("#content-main .app-list, #content-main .module caption").all_inner_texts()
    if username != "root":
        assert not any("internals" in text.lower() for text in menu)


def test_funnel_page_has_no_serious_violation(page, newsroom):
    log_in(page, "chief")
    shoot_and_audit(page, "/admin/paywall/funnelday/", "funnel")


def test_newsletter_composer_has_no_serious_violation(page, newsroom):
    issue = NewsletterIssueFactory(newsletter=newsroom, subject="Monday: the Danube")
    log_in(page, "editor")
    shoot_and_audit(page, f"/admin/newsletters/newsletterissue/{issue.pk}/change/", "composer")


def test_todays_edition_is_one_click_from_the_issue_list(page, newsroom):
    log_in(page, "editor")
    shoot_and_audit(page, "/admin/newsletters/newsletterissue/", "issues")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/admin/newsletters/newsletterissue/")
    page.get_by_role("button", name="Build today's Worldcrunch Today").click()
    expect(page.locator(".messagelist")).to_contain_text("put them in order")
    # The week's three stories, newest first, in the form's story rows.
    expect(page.locator(".inbox-preview__subject")).to_contain_text("Worldcrunch Today, ")
    expect(page.locator(".inbox-preview__preheader")).to_have_text("Story number 1 from the week")
    frame = page.frame_locator(".inbox-preview__frame")
    expect(frame.locator("h2")).to_have_count(3)
    expect(frame.locator("h2").first).to_have_text("Story number 1 from the week")
    expect(frame.locator("body")).not_to_contain_text("placeholder")
    assert audit(page) == []
    page.screenshot(path=str(SHOTS / "todays-edition-1366.png"), full_page=True)


def test_policy_preview_follows_the_wording_as_it_is_typed(page, newsroom):
    log_in(page, "chief")
    policy = MeterPolicy.objects.get()
    path = f"/admin/paywall/meterpolicy/{policy.pk}/change/"
    shoot_and_audit(page, path, "meter-policy")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(path)
    preview = page.locator(".policy-preview")
    page.fill("#id_wall_heading", "That was your last free story.")
    page.fill("#id_value_propositions", "Forty countries.\nOne language.")
    page.fill("#id_meter_notice_left", "{remaining} stories to go.")
    expect(preview.locator(".wall-preview__heading")).to_have_text("That was your last free story.")
    expect(preview.locator("[data-preview-lines=value_propositions] li")).to_have_text(
        ["Forty countries.", "One language."]
    )
    expect(preview.locator("[data-preview-notice='3']")).to_have_text("3 stories to go.")
    page.screenshot(path=str(SHOTS / "meter-policy-typed-1366.png"))
