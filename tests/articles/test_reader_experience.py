from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.template import Context, Template
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    SectionFactory,
    SeriesFactory,
    image_upload,
    paragraphs,
)

pytestmark = pytest.mark.django_db


def words(count: int) -> str:
    return " ".join(f"word{i}" for i in range(count))


def test_reading_time_rounds_words_at_230_a_minute_and_is_never_zero():
    assert ArticleFactory.build(body=f"<p>{words(1150)}</p>").reading_minutes == 5
    assert ArticleFactory.build(body="<p>Short.</p>").reading_minutes == 1


def test_reading_time_ignores_markup():
    body = "".join(f'<p><a href="https://example.com/{i}">{words(10)}</a></p>' for i in range(46))
    assert ArticleFactory.build(body=body).reading_minutes == 2


def test_article_page_shows_reading_time(client):
    article = ArticleFactory(body=paragraphs(100))
    assert f"{article.reading_minutes} min read" in client.get(article.get_absolute_url()).text


def render_teaser(text: str, words_: int = 30) -> str:
    template = Template("{% load articles_tags %}{% teaser text words=n label='A story' %}")
    return template.render(Context({"text": text, "n": words_}))


def test_short_teaser_is_a_plain_paragraph():
    html = render_teaser(words(30))
    assert "<details" not in html
    assert words(30) in html


def test_long_teaser_is_cut_and_expands_in_place_without_javascript():
    text = words(45)
    html = render_teaser(text)
    assert f'<p class="teaser__short">{words(30)} …</p>' in html
    assert "<details" in html and "<summary>" in html
    assert "Keep reading" in html and "Show less" in html
    assert f'<p class="teaser__full">{text}</p>' in html
    assert "<script" not in html


def test_keep_reading_on_a_card_with_a_long_dek_opens_the_story(client):
    story = ArticleFactory(dek=words(60), section=SectionFactory(slug="world"))
    ArticleFactory(dek="A short summary.", section=story.section)
    html = client.get("/section/world/").text
    assert '<details class="teaser__details">' not in html
    assert html.count('class="card__more"') == 1
    assert f'<a class="card__more" href="{story.get_absolute_url()}">Keep reading' in html


def test_home_shows_the_newest_article_of_each_series(client):
    eyes, today = SeriesFactory(name="Eyes on U.S."), SeriesFactory(name="Today")
    now = timezone.now()
    ArticleFactory(series=eyes, headline="Older eyes", published_at=now - timedelta(days=2))
    newest = ArticleFactory(
        series=eyes, headline="Newest eyes", published_at=now - timedelta(days=1)
    )
    edition = ArticleFactory(series=today, headline="Today's edition")
    ArticleFactory(headline="Not in a series")
    assert set(Article.objects.published().latest_in_each_series()) == {newest, edition}
    html = client.get("/").text
    block = html.split('aria-labelledby="series-heading"', 1)[1].split("</section>", 1)[0]
    assert "Newest eyes" in block and "Today&#x27;s edition" in block
    assert "Older eyes" not in block and "Not in a series" not in block


def test_home_shows_each_story_once_across_lead_series_sections_and_latest(client):
    world = SectionFactory(slug="world", name="World")
    series = SeriesFactory(name="Eyes on U.S.")
    ArticleFactory(headline="The lead story", section=world, featured=True)
    ArticleFactory(headline="A series story", section=world, series=series)
    for number in range(12):
        ArticleFactory(headline=f"World story {number}", section=world)
    html = client.get("/").text
    assert html.count(">The lead story</a>") == 1
    assert html.count(">A series story</a>") == 1
    for number in range(12):
        assert html.count(f">World story {number}</a>") <= 1


def test_home_cards_carry_their_time_and_the_lead_image_loads_eagerly(client):
    ArticleFactory(headline="Lead", featured=True, lead_image=image_upload("lead.jpg"))
    ArticleFactory(headline="Another")
    html = client.get("/").text
    lead = html.split('class="home-lead"', 1)[1].split("</section>", 1)[0]
    assert 'loading="eager"' in lead and 'loading="lazy"' not in lead
    assert html.count('<time datetime="') >= 2


def test_share_links_are_plain_urls_with_the_public_address(client, settings):
    settings.SITE_URL = "https://news.example.com"
    article = ArticleFactory(headline="Rents & riots")
    html = client.get(article.get_absolute_url()).text
    public = f"https://news.example.com{article.get_absolute_url()}"
    hrefs = {}
    for chunk in html.split('href="')[1:]:
        href = chunk.split('"', 1)[0].replace("&amp;", "&")
        hrefs[urlsplit(href).netloc or urlsplit(href).scheme] = href
    assert parse_qs(urlsplit(hrefs["x.com"]).query)["url"] == [public]
    assert parse_qs(urlsplit(hrefs["x.com"]).query)["text"] == ["Rents & riots"]
    assert parse_qs(urlsplit(hrefs["www.facebook.com"]).query)["u"] == [public]
    assert parse_qs(urlsplit(hrefs["www.linkedin.com"]).query)["url"] == [public]
    assert parse_qs(urlsplit(hrefs["wa.me"]).query)["text"] == [f"Rents & riots {public}"]
    mail = parse_qs(urlsplit(hrefs["mailto"]).query)
    assert mail["subject"] == ["Rents & riots"]
    assert public in mail["body"][0]
    assert f'value="{public}"' in html
    # No third-party script: the only script is our own, served from /static/.
    scripts = [chunk.split('"', 1)[0] for chunk in html.split('<script src="')[1:]]
    assert scripts and all(src.startswith("/static/") for src in scripts)
