from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftFactory,
    SectionFactory,
    SeriesFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

SITE = "https://news.example.com"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.iter(f"{{{NS['sm']}}}loc")]


def test_index_lists_each_sitemap_on_the_public_site_url(client):
    ArticleFactory()
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    assert locations(root) == [
        f"{SITE}/sitemap-sections.xml",
        f"{SITE}/sitemap-articles.xml",
        f"{SITE}/sitemap-authors.xml",
        f"{SITE}/sitemap-series.xml",
        f"{SITE}/sitemap-sources.xml",
        f"{SITE}/sitemap-translators.xml",
        f"{SITE}/sitemap-countries.xml",
        f"{SITE}/sitemap-our-sources.xml",
    ]


def test_each_sitemap_in_the_index_answers(client):
    ArticleFactory()
    for location in locations(parse(client.get("/sitemap.xml"))):
        parse(client.get(location.removeprefix(SITE)))


def test_article_sitemap_lists_published_articles_only(client):
    live = ArticleFactory()
    draft = DraftFactory()
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(hours=3))
    urls = locations(parse(client.get("/sitemap-articles.xml")))
    assert urls == [f"{SITE}{live.get_absolute_url()}"]
    assert f"{SITE}{draft.get_absolute_url()}" not in urls
    assert f"{SITE}{scheduled.get_absolute_url()}" not in urls


def test_list_sitemaps_leave_out_pages_without_published_articles(client):
    author, idle_author = AuthorFactory(), AuthorFactory()
    series, idle_series = SeriesFactory(), SeriesFactory()
    source = SourceFactory()
    section, draft_only_section = SectionFactory(), SectionFactory()
    translator, idle_translator = AuthorFactory(), AuthorFactory()
    ArticleFactory(
        section=section,
        authors=[author],
        series=series,
        source=source,
        translator=translator,
        country="JP",
    )
    DraftFactory(
        section=draft_only_section,
        authors=[idle_author],
        series=idle_series,
        translator=idle_translator,
        country="KR",
    )

    assert locations(parse(client.get("/sitemap-sections.xml"))) == [
        f"{SITE}{section.get_absolute_url()}"
    ]
    assert locations(parse(client.get("/sitemap-authors.xml"))) == [
        f"{SITE}{author.get_absolute_url()}"
    ]
    assert locations(parse(client.get("/sitemap-series.xml"))) == [
        f"{SITE}{series.get_absolute_url()}"
    ]
    assert locations(parse(client.get("/sitemap-sources.xml"))) == [
        f"{SITE}{source.get_absolute_url()}"
    ]
    assert locations(parse(client.get("/sitemap-translators.xml"))) == [
        f"{SITE}/translators/{translator.slug}/"
    ]
    assert locations(parse(client.get("/sitemap-countries.xml"))) == [f"{SITE}/country/jp/"]
    assert locations(parse(client.get("/sitemap-our-sources.xml"))) == [f"{SITE}/sources/"]


def test_news_sitemap_carries_articles_of_the_last_48_hours(client, time_machine):
    time_machine.move_to("2026-03-10 12:00:00+00:00", tick=False)
    now = timezone.now()
    recent = ArticleFactory(
        headline="Rents & riots <in> Lisbon", published_at=now - timedelta(hours=5)
    )
    ArticleFactory(published_at=now - timedelta(hours=49))
    DraftFactory()
    ArticleFactory(published_at=now + timedelta(hours=1))

    root = parse(client.get("/news-sitemap.xml"))
    urls = root.findall("sm:url", NS)
    assert len(urls) == 1
    url = urls[0]
    assert url.findtext("sm:loc", namespaces=NS) == f"{SITE}{recent.get_absolute_url()}"
    news = url.find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Worldcrunch"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:publication_date", namespaces=NS) == "2026-03-10T07:00:00+00:00"
    assert news.findtext("news:title", namespaces=NS) == "Rents & riots <in> Lisbon"


def test_robots_txt_points_to_both_sitemaps(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/news-sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
