from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from taggit.models import Tag

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftFactory,
    SectionFactory,
    SeriesFactory,
    SourceFactory,
    image_upload,
    paragraphs,
)
from tests.pages import read_page

pytestmark = pytest.mark.django_db

SITE = "https://news.example.com"
PUBLISHED = datetime(2026, 3, 10, 7, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def stories(time_machine):
    time_machine.move_to(PUBLISHED + timedelta(hours=2), tick=False)
    section = SectionFactory(name="Green", slug="green")
    author = AuthorFactory(name="Ana Lima")
    paid = ArticleFactory(
        headline="Paid story",
        dek="The paid dek.",
        body=paragraphs(8, prefix="Subscribers-only paragraph"),
        section=section,
        authors=[author, AuthorFactory(name="Bo Chen")],
        tags=["Energy"],
        published_at=PUBLISHED,
        lead_image=image_upload("dam.jpg"),
    )
    free = ArticleFactory(
        headline="Free story",
        dek="The free dek.",
        body=paragraphs(3, prefix="Free paragraph"),
        section=section,
        is_free=True,
        published_at=PUBLISHED - timedelta(hours=1),
    )
    return paid, free


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return response, parsed


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_site_feeds_parse_with_headline_dek_authors_dates_and_links(client, stories, url):
    paid, free = stories
    response, parsed = fetch(client, url)
    assert parsed.feed.title == "Worldcrunch: the latest stories"
    assert [entry.title for entry in parsed.entries] == ["Paid story", "Free story"]
    entry = parsed.entries[0]
    assert entry.link == f"{SITE}/article/{paid.slug}/"
    assert entry.author == "Ana Lima and Bo Chen"
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == PUBLISHED
    assert "The paid dek." in entry.summary
    assert {tag.term for tag in entry.tags} == {"Green", "Energy"}


def test_rss_is_rss_2_and_atom_is_atom(client, stories):
    assert fetch(client, "/feed/")[1].version == "rss20"
    assert fetch(client, "/feed/atom/")[1].version == "atom10"


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_lead_image_is_an_enclosure_with_length_and_type(client, stories, url):
    paid, free = stories
    _, parsed = fetch(client, url)
    [enclosure] = parsed.entries[0].enclosures
    assert enclosure.href.startswith(f"{SITE}/media/renditions/")
    assert enclosure.href.endswith("-800.jpg")
    assert enclosure.type == "image/jpeg"
    image = client.get(enclosure.href.removeprefix(SITE))
    assert int(enclosure.length) == len(b"".join(image.streaming_content))
    assert parsed.entries[1].get("enclosures", []) == []


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_paywalled_body_never_goes_out_but_free_body_does(client, stories, url):
    paid, free = stories
    response, parsed = fetch(client, url)
    assert b"Subscribers-only paragraph" not in response.content
    paid_entry, free_entry = parsed.entries
    assert "content" not in paid_entry
    assert f"{SITE}/article/{paid.slug}/" in paid_entry.summary
    assert "Read the full story" in paid_entry.summary
    assert "Free paragraph 3" in free_entry.content[0].value
    assert free_entry.summary == "The free dek."


def test_full_text_links_to_the_site_are_absolute_for_feed_readers(client, stories):
    _, free = stories
    free.body = (
        '<p>See <a href="/article/other/">the other story</a>, '
        '<a href="https://example.org/x">a source</a> and '
        '<a href="//cdn.example.org/y">a mirror</a>.</p>'
    )
    free.save()
    _, parsed = fetch(client, "/feed/")
    content = parsed.entries[1].content[0].value
    assert f'href="{SITE}/article/other/"' in content
    assert 'href="https://example.org/x"' in content
    assert 'href="//cdn.example.org/y"' in content


def test_article_in_a_free_section_is_carried_in_full(client, stories):
    from paywall.models import MeterPolicy

    paid, _ = stories
    policy = MeterPolicy.objects.order_by("pk").first() or MeterPolicy.objects.create()
    policy.free_sections.add(paid.section)
    response, parsed = fetch(client, "/feed/")
    assert "Subscribers-only paragraph 8" in parsed.entries[0].content[0].value


def test_feeds_leave_out_drafts_and_scheduled_articles(client, stories):
    DraftFactory(headline="A draft")
    ArticleFactory(headline="Tomorrow", published_at=PUBLISHED + timedelta(days=1))
    _, parsed = fetch(client, "/feed/")
    assert [entry.title for entry in parsed.entries] == ["Paid story", "Free story"]


def test_each_object_feed_carries_only_its_articles(client, stories):
    paid, free = stories
    series, source = SeriesFactory(slug="eyes"), SourceFactory(slug="le-monde")
    other = ArticleFactory(headline="Elsewhere", series=series, source=source)
    author = paid.byline_authors[0]
    tag = Tag.objects.get(name="Energy")
    expectations = {
        "/section/green/feed/": ["Paid story", "Free story"],
        f"/author/{author.slug}/feed/atom/": ["Paid story"],
        f"/tag/{tag.slug}/feed/": ["Paid story"],
        "/series/eyes/feed/": ["Elsewhere"],
        "/source/le-monde/feed/atom/": ["Elsewhere"],
    }
    for url, titles in expectations.items():
        _, parsed = fetch(client, url)
        assert [entry.title for entry in parsed.entries] == titles, url
    assert other.headline == "Elsewhere"


def test_object_feed_names_itself_and_links_to_its_page(client, stories):
    _, parsed = fetch(client, "/section/green/feed/atom/")
    assert parsed.feed.title == "Worldcrunch: Green"
    assert parsed.feed.link == f"{SITE}/section/green/"
    self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_links == [f"{SITE}/section/green/feed/atom/"]


def test_feed_of_a_missing_section_is_404(client):
    assert client.get("/section/nowhere/feed/").status_code == 404


def test_feed_queries_do_not_grow_with_items(client, stories, django_assert_max_num_queries):
    for n in range(10):
        ArticleFactory(section=stories[0].section, authors=[AuthorFactory()], tags=[f"t{n}"])
    with django_assert_max_num_queries(8):
        client.get("/feed/")


def test_pages_advertise_their_feeds(client, stories):
    paid, _ = stories
    response = client.get("/")
    assert '<a href="/feed/" type="application/rss+xml">RSS feed</a>' in response.text
    home = read_page(response)
    assert home.link_hrefs("alternate", "application/rss+xml") == [f"{SITE}/feed/"]
    assert home.link_hrefs("alternate", "application/atom+xml") == [f"{SITE}/feed/atom/"]
    section = read_page(client.get("/section/green/"))
    assert section.link_hrefs("alternate", "application/rss+xml") == [
        f"{SITE}/feed/",
        f"{SITE}/section/green/feed/",
    ]
    author = paid.byline_authors[0]
    author_page = read_page(client.get(author.get_absolute_url()))
    assert f"{SITE}/author/{author.slug}/feed/atom/" in author_page.link_hrefs(
        "alternate", "application/atom+xml"
    )
