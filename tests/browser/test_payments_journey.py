"""The paying reader's journey in Chromium with the test provider: the wall, a trial in the
local TEST MODE checkout, reading, switching to annual, canceling (the retention offer
shown, declined), resuming; each step's email checked. Screenshots at 1366 and 390 px."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from paywall.models import MeterPolicy, Subscription
from tests.browser.conftest import save_screenshot
from tests.factories import AnnualPlanFactory, ArticleFactory, PlanFactory

pytestmark = pytest.mark.django_db(transaction=True)

Status = Subscription.Status
WIDTHS = (1366, 390)


def shoot(page, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        save_screenshot(page, f"payments-{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_reader_trials_switches_to_annual_cancels_past_the_offer_and_resumes(page, settings):
    settings.PAYWALL_PAYMENT_PROVIDER = "test"
    MeterPolicy.objects.create(free_articles=0, retention_free_months=1)
    PlanFactory()
    AnnualPlanFactory()
    story = ArticleFactory(
        headline="The fishermen of the old port",
        body="".join(f"<p>Paragraph {i} of the story.</p>" for i in range(1, 7)),
        published_at=timezone.now() - timedelta(hours=1),
    )

    page.goto(story.get_absolute_url())
    page.locator(".paywall").get_by_role("link", name="Start your free trial").click()
    form = page.locator("main form")
    form.get_by_label("Email", exact=True).fill("payer@example.org")
    form.get_by_label("Password", exact=True).fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Create account and start my trial").click()

    expect(page.get_by_text("TEST MODE.")).to_be_visible()
    expect(page.get_by_label("Test card number")).to_have_value("4242 4242 4242 4242")
    shoot(page, "checkout")
    page.get_by_role("button", name="Start my free trial (test)").click()
    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + "$"))
    expect(page.get_by_text("Paragraph 6 of the story.")).to_be_visible()
    assert [m.subject for m in mail.outbox] == [
        "Confirm your email address for Worldcrunch",
        "Your free trial of Worldcrunch has started",
    ]

    page.goto("/account/")
    expect(page.get_by_text("Visa ending 4242")).to_be_visible()
    expect(page.get_by_text(re.compile(r"\$2\.90 on "))).to_be_visible()
    shoot(page, "account-trial")
    page.get_by_role("link", name=re.compile("Switch to Annual")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Switch to the Annual plan")
    expect(page.get_by_text("During your free trial nothing is charged")).to_be_visible()
    shoot(page, "switch")
    page.get_by_role("button", name="Switch to Annual").click()
    expect(page.get_by_text("You are now on the Annual plan")).to_be_visible()
    assert Subscription.objects.get().plan.slug == "annual"

    page.get_by_role("link", name="Cancel subscription").click()
    expect(page.get_by_role("heading", name="Before you go: 1 month free")).to_be_visible()
    shoot(page, "cancel")
    page.get_by_role("button", name="Cancel my subscription").click()
    expect(page.get_by_text("Your subscription is canceled.")).to_be_visible()
    row = Subscription.objects.get()
    assert row.status == Status.CANCELED and row.grants_access(timezone.now())
    canceled = mail.outbox[-1]
    assert canceled.subject == "Your Worldcrunch subscription is canceled"
    assert "Resume my subscription" in canceled.body
    shoot(page, "account-canceled")

    page.get_by_role("button", name="Resume my subscription").click()
    expect(page.get_by_text("is no longer canceled")).to_be_visible()
    row.refresh_from_db()
    assert row.status == Status.TRIALING and row.plan.slug == "annual"
    expect(page.get_by_role("link", name="Cancel subscription")).to_be_visible()
    page.goto(story.get_absolute_url())
    expect(page.get_by_text("Paragraph 6 of the story.")).to_be_visible()
