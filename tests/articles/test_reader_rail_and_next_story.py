"""The article page as the reference page has it: the series signup inside every readable
body, the next story's teaser ("Keep reading… Show less"), and a rail with the week's most
read stories and the newsletters; the search page that finds nothing says so once."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Subscription
from paywall.models import FunnelDay, MeterPolicy
from tests.factories import ArticleFactory, NewsletterFactory, SeriesFactory, paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def eyes():
    series = SeriesFactory(name="Eyes on U.S.", slug="eyes-on-us")
    NewsletterFactory(name="Eyes on U.S.", slug="eyes-on-us", cadence="weekly", series=series)
    return series


def test_a_story_free_to_everyone_has_its_series_signup_after_the_opening_paragraphs(client, eyes):
    MeterPolicy.objects.create(free_articles=3, teaser_paragraphs=2)
    story = ArticleFactory(series=eyes, is_free=True, body=paragraphs(8))
    html = client.get(story.get_absolute_url()).text
    body = html[html.index('class="story__body"') : html.index("</article>")]
    signup = body.index('class="series-signup"')
    assert body.index("Paragraph 2 of the story") < signup < body.index("Paragraph 3 of the story")
    assert body.index("Paragraph 8 of the story") > signup
    assert html.count('class="series-signup"') == 1
    # Free to everyone: nothing in it is marked as paywalled for search engines.
    assert 'class="story__paywalled"' not in body


def test_a_free_story_of_one_paragraph_keeps_the_signup_after_its_text(client, eyes):
    story = ArticleFactory(series=eyes, is_free=True, body="<p>Only one paragraph here.</p>")
    html = client.get(story.get_absolute_url()).text
    assert html.index("Only one paragraph here.") < html.index('class="series-signup"')


def test_a_metered_story_read_in_full_has_the_signup_inside_its_body(client, eyes):
    MeterPolicy.objects.create(free_articles=3, teaser_paragraphs=2)
    story = ArticleFactory(series=eyes, body=paragraphs(8))
    html = client.get(story.get_absolute_url()).text
    body = html[html.index('class="story__body"') : html.index("</article>")]
    assert "Paragraph 8 of the story" in body
    signup = body.index('class="series-signup"')
    assert body.index("Paragraph 2 of the story") < signup < body.index("Paragraph 3 of the story")


def test_the_next_story_teases_only_what_the_paywall_shows_anyone(client, eyes):
    MeterPolicy.objects.create(free_articles=3, teaser_paragraphs=3)
    now = timezone.now()
    ArticleFactory(
        series=eyes, headline="Older in the series", published_at=now - timedelta(days=3)
    )
    following = ArticleFactory(
        series=eyes,
        headline="California, the world is worried",
        body=paragraphs(8, prefix="Next"),
        published_at=now - timedelta(days=1),
    )
    ArticleFactory(headline="Newest, outside the series", published_at=now - timedelta(minutes=5))
    story = ArticleFactory(series=eyes, published_at=now - timedelta(days=2))

    html = client.get(story.get_absolute_url()).text
    [teaser] = re.findall(r'<section class="next-story".*?</section>', html, re.S)
    # The newest other story of the same series, not the newest story of the site.
    assert "California, the world is worried" in teaser
    assert f'href="{following.get_absolute_url()}"' in teaser
    # Its opening shows; the rest of its teaser waits behind "Keep reading", in place.
    opening, more = teaser.split("<details", 1)
    assert "Next 1 of the story" in opening and "Next 2 of the story" not in opening
    assert "Keep reading" in more and "Show less" in more
    assert "Next 2 of the story" in more and "Next 3 of the story" in more
    # Never what the paywall keeps for readers with free articles left or subscribers.
    assert "Next 4 of the story" not in html
    # Same series as the page: its signup box is not offered a second time.
    assert html.count('class="series-signup"') == 1


def test_a_free_next_story_expands_in_full(client):
    following = ArticleFactory(is_free=True, body=paragraphs(6, prefix="Free"))
    story = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    html = client.get(story.get_absolute_url()).text
    [teaser] = re.findall(r'<section class="next-story".*?</section>', html, re.S)
    assert following.headline in teaser
    assert "Free 6 of the story" in teaser.split("<details", 1)[1]


def read(article, *, days_ago: int, reads: int):
    FunnelDay.objects.create(
        date=timezone.now().date() - timedelta(days=days_ago), article=article, metered_reads=reads
    )


def most_read(html: str) -> list[str]:
    [box] = re.findall(r'<aside class="most-read.*?</aside>', html, re.S)
    return re.findall(r"<li><a [^>]*>(.*?)</a></li>", box)


def test_the_rail_lists_this_weeks_most_read_stories_from_the_funnel(client):
    steady = ArticleFactory(headline="Steady reader favourite")
    spike = ArticleFactory(headline="Yesterday's spike")
    old = ArticleFactory(headline="Last month's hit")
    withdrawn = ArticleFactory(headline="Withdrawn story")
    for day in range(7):
        read(steady, days_ago=day, reads=100)  # 700 this week
    read(spike, days_ago=1, reads=900)
    read(old, days_ago=8, reads=5000)  # outside the week
    read(withdrawn, days_ago=0, reads=5000)
    withdrawn.status = withdrawn.Status.UNPUBLISHED
    withdrawn.save()

    html = client.get(reverse("home")).text
    assert most_read(html) == ["Yesterday&#x27;s spike", "Steady reader favourite"]
    article_html = client.get(steady.get_absolute_url()).text
    assert most_read(article_html) == ["Yesterday&#x27;s spike", "Steady reader favourite"]


def test_no_reads_this_week_means_no_most_read_box(client):
    story = ArticleFactory()
    assert 'class="most-read' not in client.get(story.get_absolute_url()).text


def test_the_rail_offers_every_active_newsletter_with_the_daily_ticked(client, eyes):
    NewsletterFactory(name="Worldcrunch Today", slug="worldcrunch-today", in_masthead=True)
    NewsletterFactory(name="Retired", slug="retired", is_active=False)
    html = client.get(reverse("home")).text
    [box] = re.findall(r'<aside class="rail-newsletters.*?</aside>', html, re.S)
    assert 'value="worldcrunch-today" checked' in box
    assert 'value="eyes-on-us">' in box
    assert "Retired" not in box
    assert f'action="{reverse("newsletters:signup")}"' in box


def test_signing_up_from_the_rail_subscribes_to_the_ticked_newsletters(client, eyes):
    NewsletterFactory(name="Worldcrunch Today", slug="worldcrunch-today", in_masthead=True)
    response = client.post(
        reverse("newsletters:signup"),
        {
            "email": "reader@example.org",
            "newsletter": ["worldcrunch-today", "eyes-on-us"],
            "placement": "page",
            "source": "/",
        },
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code in (200, 302)
    assert set(
        Subscription.objects.filter(subscriber__email="reader@example.org").values_list(
            "newsletter__slug", flat=True
        )
    ) == {"worldcrunch-today", "eyes-on-us"}


def test_a_warm_article_page_with_the_full_rail_runs_no_sql(
    client, eyes, django_assert_num_queries
):
    NewsletterFactory(name="Worldcrunch Today", slug="worldcrunch-today", in_masthead=True)
    story = ArticleFactory(series=eyes, headline="The waitresses of Dandong")
    ArticleFactory(series=eyes)
    read(story, days_ago=0, reads=10)
    client.get(story.get_absolute_url())
    with django_assert_num_queries(0):
        html = client.get(story.get_absolute_url()).text
    assert most_read(html) == ["The waitresses of Dandong"]
    assert 'class="next-story"' in html and 'class="rail-newsletters' in html


def test_a_search_that_finds_nothing_says_so_once_and_offers_a_way_on(client):
    ArticleFactory(headline="The waitresses of Dandong", is_free=True)
    html = client.get(reverse("articles:search"), {"q": "Dandnog"}).text
    assert "0 results" not in html
    assert html.count("No stories match") == 1
    assert '<a href="?q=dandong">“dandong”</a>' in html
    assert f'href="{reverse("articles:latest")}"' in html
    html = client.get(reverse("articles:search"), {"q": "zzzqqq"}).text
    assert html.count("No stories match “zzzqqq”.") == 1 and "Try fewer or different words." in html


def test_a_section_page_has_the_rail_beside_its_list_and_search_has_none(client):
    elsewhere = ArticleFactory(headline="Newest story, in another section")
    story = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    read(story, days_ago=0, reads=3)
    html = client.get(story.section.get_absolute_url()).text
    [rail] = re.findall(r'<div class="rail">.*?</div>\s*</div>', html, re.S)
    assert elsewhere.headline in rail and "Most read this week" in rail
    search = client.get(reverse("articles:search"), {"q": "story"}).text
    assert 'class="rail"' not in search


def test_the_next_story_says_whether_its_page_holds_more(client):
    MeterPolicy.objects.create(free_articles=3, teaser_paragraphs=2)
    ArticleFactory(body=paragraphs(6, prefix="Metered"))
    story = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    html = client.get(story.get_absolute_url()).text
    assert "Continue reading on the story's page" in html
    ArticleFactory(is_free=True, body=paragraphs(3, prefix="Free"))
    html = client.get(story.get_absolute_url()).text
    assert "Open this story on its own page" in html
