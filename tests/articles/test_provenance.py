"""What readers and machines learn about a translation's origin: country pages, Our
sources, translator pages, the article's source line, JSON-LD and feeds."""

from datetime import UTC, date, datetime, timedelta

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import SourcePermission
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftFactory,
    SourceFactory,
    SourcePermissionFactory,
)
from tests.pages import read_page

pytestmark = pytest.mark.django_db

SITE = "https://news.example.com"
ORIGINAL_DATE = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def translation():
    source = SourceFactory(
        name="Le Monde",
        slug="le-monde",
        country="FR",
        language="fr",
        homepage="https://www.lemonde.fr",
        permission=None,
    )
    SourcePermissionFactory(
        source=source, attribution_text="© Le Monde. Translated with permission."
    )
    return ArticleFactory(
        headline="The Hard Labor Of North Korean Workers In China",
        country="CN",
        source=source,
        original_headline="En Chine, le dur labeur des travailleurs nord-coréens",
        original_url="https://www.lemonde.fr/asie/article/dur-labeur.html",
        original_published_at=ORIGINAL_DATE,
        original_author="Brice Pedroletti",
        translator=AuthorFactory(name="Rachel Stern", slug="rachel-stern"),
        authors=[AuthorFactory(name="Brice Pedroletti")],
    )


# Country pages


def test_a_country_page_lists_the_stories_about_it(client, translation):
    ArticleFactory(headline="A story about Japan", country="JP")
    page = client.get("/country/cn/").content.decode()
    assert "<h1>China</h1>" in page
    assert translation.headline in page
    assert "A story about Japan" not in page


def test_an_unknown_country_code_is_a_404(client):
    assert client.get("/country/xx/").status_code == 404
    assert client.get("/country/france/").status_code == 404


def test_an_upper_case_code_redirects_to_the_lower_case_address(client, translation):
    response = client.get("/country/CN/")
    assert (response.status_code, response.url) == (301, "/country/cn/")


def test_a_country_without_stories_says_so(client):
    assert "No stories about Norway yet." in client.get("/country/no/").content.decode()


def test_cards_label_the_country_by_name_and_link_its_page(client, translation):
    page = client.get(reverse("articles:latest")).content.decode()
    assert '<a class="card__country" href="/country/cn/">China</a>' in page


def test_drafts_do_not_show_on_a_country_page(client):
    DraftFactory(headline="Not yet", country="CN")
    assert "Not yet" not in client.get("/country/cn/").content.decode()


# Our sources


def test_our_sources_lists_newspapers_by_country_with_their_stories(client, translation):
    swiss = SourceFactory(name="Le Temps", country="CH", language="fr")
    ArticleFactory(headline="Geneva talks", source=swiss)
    SourceFactory(name="Neue Zürcher Zeitung", country="CH", language="de")  # granted, no story
    page = client.get(reverse("articles:sources")).content.decode()
    # Countries by name (France before Switzerland, though CH sorts before FR), then
    # languages by name: in Switzerland, French before German.
    assert page.index(">France</a></h2>") < page.index(">Switzerland</a></h2>")
    assert page.index("Le Temps") < page.index("Neue Zürcher Zeitung")
    assert translation.headline in page and "Geneva talks" in page
    assert "In French · 1 story" in page
    assert "No stories yet" in page
    assert 'href="/country/fr/"' in page


def test_our_sources_leaves_out_newspapers_we_may_not_translate_and_never_did(client):
    for status in [
        SourcePermission.Status.REFUSED,
        SourcePermission.Status.REQUESTED,
        SourcePermission.Status.NONE,
    ]:
        source = SourceFactory(name=f"Paper {status}", permission=None)
        SourcePermissionFactory(source=source, status=status)
    page = client.get(reverse("articles:sources")).content.decode()
    assert "Paper " not in page
    assert "No sources yet." in page


def test_our_sources_lists_at_most_three_stories_and_links_the_rest(client, translation):
    ArticleFactory.create_batch(3, source=translation.source)
    page = client.get(reverse("articles:sources")).content.decode()
    assert page.count('class="source-entry__stories"') == 1
    assert "All 4 stories from Le Monde" in page


def test_the_footer_links_our_sources(client):
    assert 'href="/sources/">Our sources</a>' in client.get(reverse("home")).content.decode()


# Translator pages


def test_a_translator_page_lists_their_published_translations(client, translation):
    ArticleFactory(headline="Someone else's translation", translator=AuthorFactory())
    DraftFactory(headline="Unfinished", translator=translation.translator)
    page = client.get("/translators/rachel-stern/").content.decode()
    assert "<h1>Rachel Stern</h1>" in page
    assert translation.headline in page
    assert "Someone else's translation" not in page and "Unfinished" not in page


def test_an_author_who_translated_nothing_has_no_translator_page(client, translation):
    byline_only = translation.byline_authors[0]
    assert client.get(f"/translators/{byline_only.slug}/").status_code == 404
    assert client.get("/translators/nobody/").status_code == 404


# The article page


def test_the_source_line_gives_outlet_country_language_date_author_and_attribution(
    client, translation
):
    page = client.get(translation.get_absolute_url()).content.decode()
    assert (
        'This story was first published in <a href="https://www.lemonde.fr/asie/article/'
        'dur-labeur.html">Le Monde</a> (France), in French, on <time datetime="2026-11-30T06:00:00'
    ) in page
    assert '30 November 2026</time>, by Brice Pedroletti, as <span lang="fr">“En Chine' in page
    assert 'Translated by <a href="/translators/rachel-stern/">Rachel Stern</a>.' in page
    assert '<p class="story__attribution">© Le Monde. Translated with permission.</p>' in page


def test_a_new_attribution_shows_at_once(client, translation):
    client.get(translation.get_absolute_url())
    permission = translation.source.permission
    permission.attribution_text = "Courtesy of Le Monde."
    permission.save()
    assert "Courtesy of Le Monde." in client.get(translation.get_absolute_url()).content.decode()


def test_json_ld_names_the_translator_and_the_original_work(client, translation):
    page = read_page(client.get(translation.get_absolute_url()))
    [article] = page.jsonld_of_type("NewsArticle")
    assert article["inLanguage"] == "en"
    assert article["translator"] == {
        "@type": "Person",
        "name": "Rachel Stern",
        "url": f"{SITE}/translators/rachel-stern/",
    }
    assert article["translationOfWork"] == {
        "@type": "CreativeWork",
        "headline": "En Chine, le dur labeur des travailleurs nord-coréens",
        "url": "https://www.lemonde.fr/asie/article/dur-labeur.html",
        "inLanguage": "fr",
        "datePublished": "2026-11-30T06:00:00+00:00",
        "author": {"@type": "Person", "name": "Brice Pedroletti"},
        "publisher": {"@type": "Organization", "name": "Le Monde", "url": "https://www.lemonde.fr"},
    }


def test_json_ld_of_a_story_that_is_no_translation_has_no_original(client):
    article = ArticleFactory(source=None)
    [data] = read_page(client.get(article.get_absolute_url())).jsonld_of_type("NewsArticle")
    assert data["inLanguage"] == "en"
    assert "translationOfWork" not in data and "translator" not in data


# Feeds


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_feeds_carry_the_source_and_the_translator(client, translation, url):
    parsed = feedparser.parse(client.get(url).content)
    [entry] = parsed.entries
    assert (
        "Translated from Le Monde (France), in French, by Rachel Stern. "
        "© Le Monde. Translated with permission." in entry.summary
    )
    assert [c["name"] for c in entry.contributors] == ["Rachel Stern"]
    assert "Le Monde" in [tag.term for tag in entry.tags]


def test_permissions_dated_today_cover_the_day_the_story_goes_live():
    record = SourcePermissionFactory.build(
        source=SourceFactory.build(), starts_on=date.today(), ends_on=date.today()
    )
    assert record.allows(SourcePermission.Scope.FULL, on=date.today())
    assert not record.allows(SourcePermission.Scope.FULL, on=date.today() + timedelta(days=1))


def cold_queries(client, path) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_our_sources_costs_the_same_queries_for_one_source_or_many(client, translation):
    one = cold_queries(client, "/sources/")
    for _ in range(5):
        source = SourceFactory(country="JP", language="ja")
        ArticleFactory.create_batch(4, source=source, authors=[AuthorFactory()])
    assert cold_queries(client, "/sources/") == one
