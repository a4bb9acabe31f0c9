"""The trust pages, the plans page and the account's controls work with JavaScript off:
every action is a link or a form the server answers."""

import json
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from demo.content import pages as demo_pages
from paywall.models import MeterPolicy, Subscription
from tests.factories import AnnualPlanFactory, PlanFactory, ReaderFactory
from tests.newsroom.test_trust_pages import HEADINGS

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reader-password"


@pytest.fixture
def no_js(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        java_script_enabled=False,
        accept_downloads=True,
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def sign_in(page, reader):
    page.goto("/account/login/")
    form = page.locator("main form")
    form.get_by_label("Email").fill(reader.email)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")


def test_every_trust_page_opens_from_the_footer(no_js):
    demo_pages.load_demo(StringIO())
    no_js.goto("/")
    footer = no_js.get_by_role("contentinfo")
    for name, heading in HEADINGS.items():
        link = footer.locator(f'a[href="/{name}/"]')
        link.click()
        expect(no_js).to_have_url(re.compile(f"/{name}/$"))
        expect(no_js.get_by_role("heading", level=1)).to_have_text(heading)


def test_a_reader_goes_from_the_subscribe_button_to_a_trial(no_js):
    MeterPolicy.objects.create()
    PlanFactory()
    AnnualPlanFactory()
    no_js.goto("/")
    no_js.get_by_role("banner").get_by_role("link", name="Subscribe").click()
    expect(no_js.locator(".plans .plan")).to_have_count(2)
    no_js.get_by_role("link", name="Start your free trial").click()
    form = no_js.locator("main form")
    form.get_by_label("Email", exact=True).fill("no.script@example.org")
    form.get_by_label("Password", exact=True).fill("a-long-and-unusual-passphrase")
    form.get_by_role("button", name=re.compile("start my trial")).click()
    expect(no_js.get_by_text("Your free trial has started")).to_be_visible()
    reader = get_user_model().objects.get(email="no.script@example.org")
    assert Subscription.objects.get(user=reader).status == Subscription.Status.TRIALING


def test_the_account_changes_email_downloads_data_and_deletes_itself(no_js):
    MeterPolicy.objects.create()
    reader = ReaderFactory(email="old.address@example.org")
    sign_in(no_js, reader)

    # Change of address: the form, then the link mailed to the new address, then its button.
    no_js.get_by_role("link", name="Change your email address").click()
    form = no_js.locator("main form")
    form.get_by_label("New email address").fill("new.address@example.org")
    form.get_by_label("Your current password").fill(PASSWORD)
    form.get_by_role("button", name="Send the confirmation link").click()
    expect(no_js.locator(".messages")).to_contain_text("We sent a link to new.address@example.org")
    [message] = [m for m in mail.outbox if "new.address@example.org" in m.to]
    link = re.search(r"https?://\S+/account/email/\S+/", message.body).group(0)
    no_js.goto(link)
    no_js.locator("main form").get_by_role("button").click()
    expect(no_js.locator(".messages")).to_contain_text(
        "Your email address is now new.address@example.org"
    )

    # Download my data: a plain link to a JSON file.
    with no_js.expect_download() as download:
        no_js.get_by_role("link", name="Download my data").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert "new.address@example.org" in json.dumps(data)

    # Delete: a confirmation page with a password, then signed out on the home page.
    no_js.get_by_role("link", name="Delete my account").click()
    no_js.locator("main form").get_by_label("Your password").fill(PASSWORD)
    no_js.locator("main form").get_by_role("button", name="Delete my account").click()
    expect(no_js.locator(".messages")).to_contain_text("Your account is deleted")
    # The account row stays for the records the law asks for, without the address.
    assert not get_user_model().objects.filter(email="new.address@example.org").exists()
    assert not get_user_model().objects.filter(username="new.address@example.org").exists()
    expect(no_js.get_by_role("link", name="Sign in")).to_be_visible()


def test_the_account_signs_out_and_cancels_a_subscription(no_js):
    MeterPolicy.objects.create()
    plan = PlanFactory()
    reader = ReaderFactory()
    sign_in(no_js, reader)
    no_js.goto("/subscribe/")
    no_js.get_by_role("link", name="Start your free trial").click()
    no_js.locator("main form").get_by_role("button").last.click()
    no_js.goto("/account/")
    no_js.get_by_role("link", name="Cancel subscription").click()
    no_js.get_by_role("button", name="Cancel my subscription").click()
    expect(no_js.locator(".account-facts")).to_contain_text("Canceled")
    assert Subscription.objects.get(user=reader, plan=plan).status == Subscription.Status.CANCELED
    no_js.get_by_role("button", name="Sign out").click()
    no_js.goto("/account/")
    expect(no_js).to_have_url(re.compile("/account/login/"))
