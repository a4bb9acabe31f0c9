"""End-to-end journeys in Chromium, each ending with a screenshot in artifacts/."""

import re
from datetime import timedelta

import feedparser
import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from newsletters.models import Subscriber
from newsletters.services.sending import send_issue
from newsroom.lib.roles import EDITOR, sync_role_groups
from paywall.models import MeterPolicy
from tests.browser.conftest import save_screenshot
from tests.factories import (
    AnnualPlanFactory,
    ArticleFactory,
    NewsletterFactory,
    NewsletterIssueFactory,
    PlanFactory,
    SectionFactory,
    UserFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db(transaction=True)

FREE_ARTICLES = 2
PAYWALL_COPY = [
    "You've reached your limit of free articles.",
    "To read the full story, start your free trial today.",
    "Get unlimited access. Cancel anytime.",
    "Exclusive coverage from the world's top sources, in English for the first time.",
    "Insights from the widest range of perspectives, languages and countries.",
]


def story_body(number: int) -> str:
    return "".join(
        f"<p>Story {number}, paragraph {i}: what the world's press reported.</p>"
        for i in range(1, 7)
    )


def test_new_reader_meets_the_paywall_after_the_free_articles_and_reads_on_a_trial(page):
    MeterPolicy.objects.create(free_articles=FREE_ARTICLES, teaser_paragraphs=2)
    PlanFactory()
    AnnualPlanFactory()
    now = timezone.now()
    stories = [
        ArticleFactory(
            headline=f"Story number {n}",
            body=story_body(n),
            published_at=now - timedelta(hours=n),
        )
        for n in range(1, FREE_ARTICLES + 2)
    ]

    for n, story in enumerate(stories[:FREE_ARTICLES], start=1):
        page.goto(story.get_absolute_url())
        expect(page.get_by_text(f"Story {n}, paragraph 6:")).to_be_visible()
        expect(page.locator(".paywall")).to_have_count(0)

    over_limit = stories[FREE_ARTICLES]
    page.goto(over_limit.get_absolute_url())
    paywall = page.locator(".paywall")
    expect(paywall).to_be_visible()
    for line in PAYWALL_COPY:
        expect(paywall.get_by_text(line, exact=True)).to_be_visible()
    expect(page.get_by_text(f"Story {FREE_ARTICLES + 1}, paragraph 1:")).to_be_visible()
    expect(page.get_by_text(f"Story {FREE_ARTICLES + 1}, paragraph 6:")).to_have_count(0)

    paywall.get_by_role("link", name="Start your free trial").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start your free trial")
    form = page.locator("main form")
    form.get_by_label("Email", exact=True).fill("new.reader@example.org")
    form.get_by_label("Password", exact=True).fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Create account and start my trial").click()

    expect(page).to_have_url(re.compile(re.escape(over_limit.get_absolute_url()) + "$"))
    expect(page.get_by_text("Your free trial has started")).to_be_visible()
    expect(page.get_by_text(f"Story {FREE_ARTICLES + 1}, paragraph 6:")).to_be_visible()
    expect(page.locator(".paywall")).to_have_count(0)
    save_screenshot(page, "journey-1-paywall-trial")


def test_reader_signs_up_from_the_masthead_confirms_and_unsubscribes_in_one_click(page):
    daily = NewsletterFactory(name="Worldcrunch Today", slug="worldcrunch-today", in_masthead=True)
    ArticleFactory()

    page.goto("/")
    masthead = page.locator(".newsletter-cta")
    masthead.get_by_label("Email address for the daily newsletter").fill("reader@example.org")
    masthead.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("inbox")

    [confirmation] = mail.outbox
    assert confirmation.to == ["reader@example.org"]
    confirm_url = re.search(r"https?://\S+/newsletters/confirm/\S+/", confirmation.body).group(0)
    page.goto(confirm_url)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_text("your subscription is confirmed")).to_be_visible()
    subscriber = Subscriber.objects.get(email="reader@example.org")
    assert subscriber.status == Subscriber.Status.CONFIRMED

    issue = NewsletterIssueFactory(newsletter=daily)
    send_issue(issue_id=issue.pk)
    edition = mail.outbox[-1]
    assert edition.to == ["reader@example.org"]
    unsubscribe_url = re.search(r"Unsubscribe from Worldcrunch Today: (\S+)", edition.body).group(1)
    page.goto(unsubscribe_url)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You're unsubscribed")
    assert not Subscriber.objects.receiving(daily.pk).filter(pk=subscriber.pk).exists()
    save_screenshot(page, "journey-2-newsletter")


def choose_autocomplete(page, field_id: str, text: str):
    """Pick an option in one of the admin's select2 autocomplete widgets."""
    page.locator(f"#{field_id} + .select2").click()
    page.locator(".select2-dropdown .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_editor_writes_and_publishes_an_article_with_a_lead_image(page, tmp_path):
    # Transactional tests start from an empty database: recreate the roles' groups.
    sync_role_groups(Group, Permission)
    UserFactory(username="editor", password="an-editor-passphrase", role=EDITOR)
    green = SectionFactory(name="Green", slug="green")
    ArticleFactory(section=green, headline="An older green story")
    photo = tmp_path / "glacier.jpg"
    photo.write_bytes(image_upload("glacier.jpg", color="lightblue").read())

    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("an-editor-passphrase")
    page.get_by_role("button", name="Log in").click()

    # The picture goes into the image library once, with its alt text...
    page.goto("/admin/images/image/add/")
    page.locator("#id_file").set_input_files(str(photo))
    page.locator("#id_alt_text").fill("A glacier tongue above a valley")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    # ...and the article picks it as its lead image.
    page.goto("/admin/articles/article/add/")
    page.locator("#id_headline").fill("Alpine Glaciers Retreat Faster Than Forecast")
    page.locator("#id_dek").fill("Swiss researchers measured a record summer loss.")
    page.locator(".field-body [contenteditable='true']").click()  # the body's rich-text editor
    page.keyboard.type("The ice is going.")
    page.keyboard.press("Enter")
    page.keyboard.type("Faster every year.")
    choose_autocomplete(page, "id_section", "Green")
    choose_autocomplete(page, "id_lead_image", "A glacier tongue")

    # The workflow: a new article goes to review, and an editor publishes it from there.
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("In review")
    article = Article.objects.get(headline="Alpine Glaciers Retreat Faster Than Forecast")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Save and publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("Published")

    article.refresh_from_db()
    assert article.is_published and article.lead_image
    assert article.body == "<p>The ice is going.</p><p>Faster every year.</p>"

    page.goto("/")
    headline = page.get_by_role("link", name="Alpine Glaciers Retreat Faster Than Forecast")
    expect(headline.first).to_be_visible()

    feed = feedparser.parse(page.request.get("/section/green/feed/").body())
    assert feed.entries[0].title == "Alpine Glaciers Retreat Faster Than Forecast"
    assert feed.entries[0].enclosures[0].type == "image/jpeg"

    headline.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.headline)
    expect(page.locator(".story__figure img")).to_have_attribute(
        "alt", "A glacier tongue above a valley"
    )
    save_screenshot(page, "journey-3-editor")
