import pytest
from taggit.models import Tag

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    SeriesFactory,
    SourceFactory,
    image_upload,
)
from tests.pages import read_page

pytestmark = pytest.mark.django_db

SITE = "https://news.example.com"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def story():
    section = SectionFactory(name="Food / Travel", slug="food-travel")
    return ArticleFactory(
        headline="The Hard Labor Of North Korean Workers In China",
        dek="Recent UN sanctions are trying to limit the flow of money.",
        section=section,
        authors=[AuthorFactory(name="Brice Pedroletti")],
        tags=["China"],
        lead_image=image_upload("waitress.jpg"),
        lead_image_alt="A North Korean waitress in Dandong, China",
    )


def test_article_page_has_canonical_description_and_social_cards(client, story):
    page = read_page(client.get(story.get_absolute_url()))
    url = f"{SITE}/article/{story.slug}/"
    assert page.link_hrefs("canonical") == [url]
    assert page.first("description") == story.dek
    assert page.first("og:url") == url
    assert page.first("og:type") == "article"
    assert page.first("og:title") == story.headline
    assert page.first("og:description") == story.dek
    assert page.first("twitter:card") == "summary_large_image"
    image = page.first("og:image")
    assert image.startswith(f"{SITE}/media/renditions/") and image.endswith("-1200.jpg")
    assert page.first("twitter:image") == image
    assert page.first("og:image:alt") == "A North Korean waitress in Dandong, China"
    assert page.first("article:section") == "Food / Travel"
    assert page.meta["article:tag"] == ["China"]
    assert page.first("article:published_time") == story.published_at.isoformat(timespec="seconds")


def test_article_without_image_gets_a_summary_card_and_no_image_tag(client):
    article = ArticleFactory()
    page = read_page(client.get(article.get_absolute_url()))
    assert page.first("twitter:card") == "summary"
    assert page.first("og:image") is None


def test_article_page_has_breadcrumbs_home_section_article(client, story):
    page = read_page(client.get(story.get_absolute_url()))
    [breadcrumbs] = page.jsonld_of_type("BreadcrumbList")
    assert breadcrumbs["@context"] == "https://schema.org"
    assert [
        (item["position"], item["name"], item["item"]) for item in breadcrumbs["itemListElement"]
    ] == [
        (1, "Home", f"{SITE}/"),
        (2, "Food / Travel", f"{SITE}/section/food-travel/"),
        (3, story.headline, f"{SITE}/article/{story.slug}/"),
    ]


def test_section_page_has_breadcrumbs_and_its_description(client):
    section = SectionFactory(name="Green", slug="green", description="Climate and energy.")
    ArticleFactory(section=section)
    page = read_page(client.get("/section/green/"))
    [breadcrumbs] = page.jsonld_of_type("BreadcrumbList")
    assert [item["item"] for item in breadcrumbs["itemListElement"]] == [
        f"{SITE}/",
        f"{SITE}/section/green/",
    ]
    assert page.first("description") == "Climate and energy."
    assert page.first("og:title") == "Green"
    assert page.link_hrefs("canonical") == [f"{SITE}/section/green/"]


def test_json_ld_cannot_close_its_script_element(client):
    article = ArticleFactory(headline="</script><script>alert(1)</script>")
    response = client.get(article.get_absolute_url())
    assert b"</script><script>alert(1)" not in response.content
    [breadcrumbs] = read_page(response).jsonld_of_type("BreadcrumbList")
    assert breadcrumbs["itemListElement"][-1]["name"] == article.headline


def test_canonical_of_a_later_page_keeps_the_page_number_and_drops_other_parameters(client):
    section = SectionFactory(slug="world")
    ArticleFactory.create_batch(21, section=section)
    page = read_page(client.get("/section/world/?page=2&utm_source=mail"))
    assert page.link_hrefs("canonical") == [f"{SITE}/section/world/?page=2"]
    first = read_page(client.get("/section/world/?utm_source=mail"))
    assert first.link_hrefs("canonical") == [f"{SITE}/section/world/"]


def test_home_page_has_site_wide_description_and_card(client):
    ArticleFactory()
    page = read_page(client.get("/"))
    assert page.link_hrefs("canonical") == [f"{SITE}/"]
    assert page.first("og:title") == "Worldcrunch"
    assert "translated into English" in page.first("description")
    assert page.first("og:description") == page.first("description")
    assert page.first("twitter:card") == "summary"


@pytest.mark.parametrize("path", ["/country/fr/", "/sources/"])
def test_country_and_sources_pages_have_a_canonical_and_social_cards(client, path):
    ArticleFactory(country="FR", source=SourceFactory(country="FR"))
    page = read_page(client.get(path))
    assert page.link_hrefs("canonical") == [f"{SITE}{path}"]
    assert page.first("og:title") in {"France", "Our sources"}
    assert page.first("description")


def test_search_results_are_not_indexed(client):
    page = read_page(client.get("/search/?q=china"))
    assert page.first("robots") == "noindex, follow"


def test_every_reader_page_has_exactly_one_h1(client, story):
    author = AuthorFactory()
    series, source, translator = SeriesFactory(), SourceFactory(), AuthorFactory()
    ArticleFactory(
        authors=[author],
        series=series,
        source=source,
        tags=["Energy"],
        translator=translator,
        country="FR",
    )
    urls = [
        "/",
        "/latest/",
        "/search/?q=china",
        story.get_absolute_url(),
        story.section.get_absolute_url(),
        author.get_absolute_url(),
        series.get_absolute_url(),
        source.get_absolute_url(),
        f"/tag/{Tag.objects.get(name='Energy').slug}/",
        "/country/fr/",
        "/sources/",
        f"/translators/{translator.slug}/",
    ]
    for url in urls:
        assert read_page(client.get(url)).h1_count == 1, url
