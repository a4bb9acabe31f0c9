"""The paywall's own pages in Chromium: accessible, and the gift link journey."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from paywall.models import MeterPolicy
from paywall.services.subscriptions import start_trial
from tests.browser.conftest import audit, save_screenshot
from tests.factories import ArticleFactory, PlanFactory, ReaderFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reader-password"


def sign_in(page, reader):
    page.goto("/account/login/")
    form = page.locator("main form")
    form.get_by_label("Email").fill(reader.email)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")


@pytest.mark.parametrize(
    "path", ["/account/signup/", "/account/login/", "/account/password/reset/"]
)
def test_account_forms_have_no_serious_violation(page, path):
    MeterPolicy.objects.create()
    page.goto(path)
    assert audit(page) == []


def test_trial_page_and_its_errors_have_no_serious_violation(page):
    MeterPolicy.objects.create()
    PlanFactory()
    page.goto("/account/subscribe/monthly/")
    assert audit(page) == []
    page.locator("main form").get_by_role("button").click()
    expect(page.locator("main .errorlist").first).to_be_visible()
    assert audit(page) == []


def test_subscriber_gives_an_article_and_a_stranger_reads_it_in_full(page, browser, live_server):
    MeterPolicy.objects.create(free_articles=0)
    plan = PlanFactory()
    article = ArticleFactory(headline="A story worth giving")
    reader = ReaderFactory()
    start_trial(user=reader, plan=plan, now=timezone.now())
    sign_in(page, reader)
    assert audit(page) == []

    page.goto(article.get_absolute_url())
    gift_box = page.locator(".gift-box")
    expect(gift_box).to_contain_text("10 gift links left this month")
    gift_box.get_by_role("button", name="Create a gift link").click()
    expect(page.locator(".messages")).to_contain_text("Your gift link")
    link = page.locator(".gift-links input").first.input_value()
    assert audit(page) == []
    save_screenshot(page, "paywall-gift-link")

    stranger = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}
    ).new_page()
    stranger.goto(article.get_absolute_url())
    expect(stranger.locator(".paywall")).to_be_visible()
    stranger.goto(link)
    expect(stranger.locator(".paywall")).to_have_count(0)
    expect(stranger.locator(".story__body")).to_contain_text("Paragraph 6 of the story")
    stranger.context.close()


def test_reader_cancels_from_the_account_page(page):
    MeterPolicy.objects.create()
    plan = PlanFactory()
    reader = ReaderFactory()
    start_trial(user=reader, plan=plan, now=timezone.now())
    sign_in(page, reader)
    page.get_by_role("link", name="Cancel subscription").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cancel your subscription?")
    assert audit(page) == []  # the confirmation step, with its retention offer
    page.get_by_role("button", name="Cancel my subscription").click()
    expect(page.locator(".messages")).to_contain_text("You keep full access until")
    expect(page.locator(".account-facts")).to_contain_text("Canceled")
    assert audit(page) == []


def test_account_data_pages_and_their_errors_have_no_serious_violation(page):
    MeterPolicy.objects.create()
    sign_in(page, ReaderFactory())
    assert audit(page) == []
    page.get_by_role("link", name="Change your email address").click()
    page.locator("main form").get_by_role("button").click()
    expect(page.locator("main .errorlist").first).to_be_visible()
    assert audit(page) == []
    page.goto("/account/delete/")
    page.locator("main form").get_by_label("Your password").fill("not it")
    page.locator("main form").get_by_role("button", name="Delete my account").click()
    expect(page.locator("main .errorlist")).to_contain_text("not your password")
    assert audit(page) == []
