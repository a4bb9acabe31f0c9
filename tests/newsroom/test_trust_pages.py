"""The trust pages (flat pages editors write in the admin) and the footer that links them."""

from io import StringIO

import pytest
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse

from demo.content import pages as demo_pages
from newsroom.urls import TRUST_PAGES
from tests.factories import ArticleFactory, PlanFactory, SectionFactory

pytestmark = pytest.mark.django_db

HEADINGS = {
    "about": "About us",
    "contact": "Contact",
    "privacy": "Privacy policy",
    "terms": "Terms of use",
    "corrections": "Corrections policy",
}


@pytest.fixture
def trust_pages(db):
    demo_pages.load_demo(StringIO())


@pytest.mark.parametrize("name", TRUST_PAGES)
def test_each_trust_page_shows_its_heading(client, trust_pages, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert f'<h1 id="page-heading">{HEADINGS[name]}</h1>' in response.content.decode()


def test_the_privacy_page_names_every_cookie_the_site_sets(client, trust_pages, settings):
    html = client.get(reverse("privacy")).content.decode()
    for cookie in ("wc_meter", settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        assert f"<code>{cookie}</code>" in html
    assert "hash of your IP address" in html


def test_a_missing_trust_page_is_a_404(client, db):
    assert client.get(reverse("about")).status_code == 404


def test_an_edit_in_the_admin_shows_at_once(client, trust_pages):
    client.get(reverse("about"))
    page = FlatPage.objects.get(url="/about/")
    page.content = "<p>Rewritten by the editors.</p>"
    page.save()
    assert "Rewritten by the editors." in client.get(reverse("about")).content.decode()


def test_a_page_for_registered_readers_sends_others_to_sign_in(client, trust_pages):
    FlatPage.objects.filter(url="/terms/").update(registration_required=True)
    response = client.get(reverse("terms"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("paywall:login"))


def test_loading_the_demo_pages_twice_keeps_the_editors_text(trust_pages):
    FlatPage.objects.filter(url="/about/").update(content="<p>Edited.</p>")
    demo_pages.load_demo(StringIO())
    assert FlatPage.objects.count() == len(TRUST_PAGES)
    assert FlatPage.objects.get(url="/about/").content == "<p>Edited.</p>"


@pytest.mark.parametrize("page", ["home", "about", "plans", "article", "section", "search"])
def test_every_page_has_the_footer_links_and_the_subscribe_button(client, trust_pages, page):
    article = ArticleFactory(section=SectionFactory(slug="world"))
    PlanFactory()
    url = {
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "search": reverse("articles:search") + "?q=story",
    }.get(page) or reverse(page)
    html = client.get(url).content.decode()
    for name in TRUST_PAGES:
        assert f'href="{reverse(name)}"' in html
    assert f'class="button button--small masthead__subscribe" href="{reverse("plans")}"' in html


@pytest.mark.parametrize("name", TRUST_PAGES)
def test_a_warm_trust_page_runs_no_sql(client, trust_pages, name, django_assert_num_queries):
    client.get(reverse(name))
    with django_assert_num_queries(0):
        response = client.get(reverse(name))
    assert response.status_code == 200
