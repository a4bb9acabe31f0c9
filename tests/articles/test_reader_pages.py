"""Every reader page renders, misses are 404s, and bad input never reaches a 500."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftFactory,
    SectionFactory,
    SeriesFactory,
    SourceFactory,
    image_upload,
)
from tests.pages import PageReader

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    """The seed page's first story, as the reader sees it."""
    return ArticleFactory(
        headline="The Hard Labor Of North Korean Workers In China",
        dek="Recent UN sanctions are trying to limit the flow of money.",
        body="<p>In their pink and blue joseon-ots, the waitresses take orders.</p>"
        "<h2>Roaming source of revenue</h2><p>Between 20,000 and 30,000 North Koreans.</p>",
        dateline="Dandong",
        country="CN",
        section=SectionFactory(name="Food / Travel", slug="food-travel"),
        series=SeriesFactory(name="Eyes on U.S.", slug="eyes-on-us", label="eyes on the U.S."),
        source=SourceFactory(name="Le Monde", slug="le-monde", country="FR"),
        original_headline="En Chine, le dur labeur des travailleurs nord-coréens",
        translator=AuthorFactory(name="Rachel Stern"),
        lead_image=image_upload(),
        lead_image_alt="A North Korean waitress in Dandong, China",
        lead_image_caption="A waitress on the Yalu promenade",
        lead_image_credit="Brice Pedroletti",
        authors=[
            AuthorFactory(name="Ginevra Falciani", slug="ginevra-falciani"),
            AuthorFactory(name="Bertrand Hauger"),
        ],
        tags=["North Korea", "Sanctions"],
        is_free=True,
    )


def read(response) -> PageReader:
    page = PageReader()
    page.feed(response.content.decode())
    return page


READER_PAGES = [
    "/",
    "/latest/",
    "/section/food-travel/",
    "/tag/north-korea/",
    "/author/ginevra-falciani/",
    "/series/eyes-on-us/",
    "/source/le-monde/",
    "/search/?q=waitresses",
    "/article/the-hard-labor-of-north-korean-workers-in-china/",
]


@pytest.mark.parametrize("url", READER_PAGES)
def test_every_reader_page_renders_the_story_with_one_h1(client, story, url):
    response = client.get(url)
    assert response.status_code == 200
    assert read(response).h1_count == 1
    assert story.headline in response.content.decode()


def test_article_page_shows_what_the_seed_page_shows(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    for expected in [
        "eyes on the U.S.",  # the series label stands above the headline
        f">{story.headline}</h1>",
        story.dek,
        'alt="A North Korean waitress in Dandong, China"',
        "A waitress on the Yalu promenade",
        "Brice Pedroletti",
        "DANDONG —",
        "Roaming source of revenue",
        "North Korea",
        "Sanctions",
        "Le Monde",
        "En Chine, le dur labeur des travailleurs nord-coréens",
        "Rachel Stern",
    ]:
        assert expected in article, expected
    assert "</a> and <a" in article  # "Ginevra Falciani and Bertrand Hauger"
    assert article.index("Ginevra Falciani") < article.index("Bertrand Hauger")


def test_article_page_serves_renditions_in_a_srcset_never_the_upload(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    for width in (480, 800, 1200):
        assert f" {width}w" in html
    assert story.lead_image.file.url not in html


def test_section_label_is_shown_when_there_is_no_series(client):
    article = ArticleFactory(section=SectionFactory(name="Food / Travel"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "food / travel</a>" in html


@pytest.mark.parametrize(
    "make",
    [
        lambda: DraftFactory(),
        lambda: ArticleFactory(published_at=timezone.now() + timedelta(hours=2)),
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_articles_are_not_found(client, make):
    article = make()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404
    assert article.headline not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/article/no-such-story/",
        "/section/nowhere/",
        "/tag/nothing/",
        "/author/nobody/",
        "/series/none/",
        "/source/unknown-paper/",
        "/no/such/page/",
    ],
)
def test_unknown_addresses_get_the_sites_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert "We couldn't find that page" in response.content.decode()
    assert read(response).h1_count == 1


@pytest.mark.parametrize("page", ["abc", "9999", "0", "-1", "1.5", "", "%00"])
@pytest.mark.parametrize("path", ["/latest/", "/section/food-travel/", "/search/?q=story"])
def test_odd_page_numbers_give_a_page_not_an_error(client, story, path, page):
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}page={page}")
    assert response.status_code == 200
    assert read(response).h1_count == 1


def test_page_past_the_end_shows_the_last_page(client):
    section = SectionFactory(slug="world")
    oldest = ArticleFactory(section=section, published_at=timezone.now() - timedelta(days=30))
    ArticleFactory.create_batch(20, section=section)
    response = client.get("/section/world/?page=9999")
    assert oldest.headline in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=" + "word+" * 500,
        "q=%ff%fe",
        "q=<script>alert(1)</script>",
        "q[]=1&q[]=2",
        "q=%25%5F%5C",
        "utm_source=<b>x</b>&page=2&page=abc",
    ],
)
def test_junk_query_strings_never_break_a_page(client, story, query):
    for path in ("/search/", "/latest/", "/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200
        assert "<script>alert(1)" not in response.content.decode()


def test_tags_whose_names_have_no_letters_still_get_pages(client):
    article = ArticleFactory(tags=["!!!", "???", "Kraków", "C", "C++", "東京"])
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    slugs = sorted(article.tags.values_list("slug", flat=True))
    assert "" not in slugs and len(set(slugs)) == 6
    assert {"tag", "tag-2", "kraków", "東京"} <= set(slugs)
    for slug in slugs:
        assert client.get(f"/tag/{slug}/").status_code == 200, slug


@pytest.mark.parametrize(
    "url", ["/search/?q=waitresses", "/article/the-hard-labor-of-north-korean-workers-in-china/"]
)
def test_times_carry_a_datetime_html_accepts(client, story, url):
    """HTML allows at most three digits of a second's fraction; Django's "c" format gave six,
    which the Nu HTML checker reports as an error on every page with a date."""
    story.published_at = timezone.now().replace(microsecond=123456) - timedelta(hours=2)
    story.save()

    html = client.get(url).content.decode()

    values = re.findall(r'<time datetime="([^"]*)"', html)
    assert values, "no <time> on the page"
    for value in values:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value), value
