"""Reader pages come from the content cache and go stale the moment content changes."""

import os
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom.caching import GENERATION_KEY, current_generation, generation
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    SeriesFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    section = SectionFactory(name="Geopolitics", slug="geopolitics")
    article = ArticleFactory(
        headline="The waitresses of Dandong",
        section=section,
        series=SeriesFactory(name="Eyes on Asia"),
        source=SourceFactory(name="Le Monde"),
        authors=[AuthorFactory(name="Brice Pedroletti")],
        translator=AuthorFactory(name="Rachel Stern"),
        country="CN",
        tags=["China", "Labor"],
    )
    ArticleFactory.create_batch(3, section=section)
    return article


def test_warm_article_view_for_an_anonymous_reader_runs_no_sql(
    client, story, django_assert_num_queries
):
    url = story.get_absolute_url()
    assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The waitresses of Dandong" in html
    assert "Brice Pedroletti" in html
    assert "Geopolitics" in html
    assert "Paragraph 1 of the story" in html


def test_warm_home_page_runs_no_sql(client, story, django_assert_num_queries):
    client.get(reverse("home"))
    with django_assert_num_queries(0):
        response = client.get(reverse("home"))
    assert "The waitresses of Dandong" in response.content.decode()


def test_warm_section_page_runs_at_most_its_count_and_section_queries(
    client, story, django_assert_max_num_queries
):
    url = story.section.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(2):
        response = client.get(url)
    assert "The waitresses of Dandong" in response.content.decode()


def test_editing_an_article_shows_at_once(client, story):
    client.get(story.get_absolute_url())
    client.get(reverse("home"))
    story.headline = "Dandong, revisited"
    story.save()
    assert "Dandong, revisited" in client.get(story.get_absolute_url()).content.decode()
    assert "Dandong, revisited" in client.get(reverse("home")).content.decode()


def test_unpublishing_an_article_removes_it_at_once(client, story):
    client.get(story.get_absolute_url())
    story.status = story.Status.DRAFT
    story.save()
    assert client.get(story.get_absolute_url()).status_code == 404


def test_deleting_an_article_removes_it_from_home_and_its_page(client, story):
    client.get(reverse("home"))
    url = story.get_absolute_url()
    client.get(url)
    story.delete()
    assert client.get(url).status_code == 404
    assert "The waitresses of Dandong" not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("attribute", ["section", "series", "source"])
def test_renaming_a_section_series_or_source_shows_on_the_article_page(client, story, attribute):
    client.get(story.get_absolute_url())
    related = getattr(story, attribute)
    related.name = f"Renamed {attribute}"
    related.save()
    assert f"Renamed {attribute}" in client.get(story.get_absolute_url()).content.decode()


def test_renaming_an_author_shows_on_bylines(client, story):
    client.get(story.get_absolute_url())
    client.get(reverse("home"))
    author = story.byline_authors[0]
    author.name = "B. Pedroletti"
    author.save()
    assert "B. Pedroletti" in client.get(story.get_absolute_url()).content.decode()
    assert "B. Pedroletti" in client.get(reverse("home")).content.decode()


def test_changing_tags_shows_on_the_article_page(client, story):
    client.get(story.get_absolute_url())
    story.tags.add("Migration")
    assert ">Migration</a>" in client.get(story.get_absolute_url()).content.decode()


def test_navigation_follows_section_changes(client, story):
    client.get(reverse("home"))
    SectionFactory(name="Culture", slug="culture")
    html = client.get(story.get_absolute_url()).content.decode()
    assert 'href="/section/culture/"' in html


def test_scheduled_article_appears_when_its_time_comes(client, story, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    ArticleFactory(headline="Story of tomorrow", published_at=timezone.now() + timedelta(hours=2))
    assert "Story of tomorrow" not in client.get(reverse("home")).content.decode()
    time_machine.shift(timedelta(hours=3))
    assert "Story of tomorrow" in client.get(reverse("home")).content.decode()


def test_a_lost_generation_never_brings_back_old_entries(story):
    first = current_generation()
    cache.delete(GENERATION_KEY)
    assert current_generation() != first


def test_unknown_addresses_are_not_cached(client, db):
    assert client.get("/article/no-such-story/").status_code == 404
    assert not [key for key in cache._cache if "article:no-such-story" in key]


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="needs TEST_REDIS_URL (Redis)")
def test_warm_article_view_runs_no_sql_with_redis_as_the_cache(
    client, story, django_assert_num_queries
):
    redis = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["TEST_REDIS_URL"],
            "KEY_PREFIX": "newsroom-tests",
        }
    }
    with override_settings(CACHES=redis):
        from django.core.cache import caches

        caches["default"].clear()
        try:
            client.get(story.get_absolute_url())
            with django_assert_num_queries(0):
                response = client.get(story.get_absolute_url())
            assert "The waitresses of Dandong" in response.content.decode()
        finally:
            caches["default"].clear()


def test_a_warm_article_view_reads_each_shared_value_once(client, story, monkeypatch):
    url = story.get_absolute_url()
    client.get(url)
    client.cookies.clear()
    keys = []
    original_get = cache.get

    def counting_get(key, *args, **kwargs):
        keys.append(key)
        return original_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    assert client.get(url).status_code == 200
    assert keys.count(GENERATION_KEY) == 1
    assert keys.count("paywall:policy:v1") == 1
    assert [key for key in keys if key.startswith("content:")] == [GENERATION_KEY]


def test_a_warm_article_view_reads_the_generation_and_policy_in_one_round_trip(
    client, story, monkeypatch
):
    url = story.get_absolute_url()
    client.get(url)
    client.cookies.clear()
    trips = []
    inside_get_many = []
    original_get, original_get_many = cache.get, cache.get_many

    def counting_get(key, *args, **kwargs):
        if not inside_get_many:  # locmem's get_many reads key by key: still one trip
            trips.append([key])
        return original_get(key, *args, **kwargs)

    def counting_get_many(keys, *args, **kwargs):
        trips.append(list(keys))
        inside_get_many.append(True)
        try:
            return original_get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(cache, "get", counting_get)
    monkeypatch.setattr(cache, "get_many", counting_get_many)
    assert client.get(url).status_code == 200
    assert any(GENERATION_KEY in keys and "paywall:policy:v1" in keys for keys in trips)
    assert sum(GENERATION_KEY in keys or "paywall:policy:v1" in keys for keys in trips) == 1


def count_cache_reads(monkeypatch) -> list:
    """Every key read from the shared cache from now on."""
    keys = []
    original_get, original_get_many = cache.get, cache.get_many

    def counting_get(key, *args, **kwargs):
        keys.append(key)
        return original_get(key, *args, **kwargs)

    def counting_get_many(many, *args, **kwargs):
        keys.extend(many)
        return original_get_many(many, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    monkeypatch.setattr(cache, "get_many", counting_get_many)
    return keys


def later(monkeypatch, seconds: float) -> None:
    """Move this process's monotonic clock on."""
    now = time.monotonic()
    monkeypatch.setattr(generation.time, "monotonic", lambda: now + seconds)


def test_a_warm_page_read_again_within_a_second_makes_no_cache_round_trip(
    client, story, monkeypatch
):
    url = story.get_absolute_url()
    client.get(url)
    client.get(url)  # reads the generation: trusted for CACHE_TRUST_SECONDS
    keys = count_cache_reads(monkeypatch)

    assert client.get(url).status_code == 200
    assert keys == []

    later(monkeypatch, settings.CACHE_TRUST_SECONDS)
    assert client.get(url).status_code == 200
    assert GENERATION_KEY in keys


def test_a_change_made_on_another_app_server_shows_here_within_a_second(client, story, monkeypatch):
    url = story.get_absolute_url()
    client.get(url)
    client.get(url)
    # Another app server saves the article: the row changes and its generation is dropped.
    Article.objects.filter(pk=story.pk).update(headline="Changed on another server")
    cache.delete(GENERATION_KEY)

    assert "The waitresses of Dandong" in client.get(url).content.decode()

    later(monkeypatch, settings.CACHE_TRUST_SECONDS)
    assert "Changed on another server" in client.get(url).content.decode()


def test_a_change_made_in_this_process_shows_at_once(client, story):
    url = story.get_absolute_url()
    client.get(url)
    client.get(url)

    story.headline = "Changed here"
    story.save()

    assert "Changed here" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "page",
    ["section", "tag", "author", "series", "source", "latest", "country", "translator", "sources"],
)
def test_warm_list_pages_run_no_sql_and_show_new_stories_at_once(
    client, story, page, django_assert_num_queries
):
    url = {
        "section": story.section.get_absolute_url(),
        "tag": reverse("articles:tag", args=[story.tags.first().slug]),
        "author": story.byline_authors[0].get_absolute_url(),
        "series": story.series.get_absolute_url(),
        "source": story.source.get_absolute_url(),
        "latest": reverse("articles:latest"),
        "country": reverse("articles:country", args=["cn"]),
        "translator": reverse("articles:translator", args=[story.translator.slug]),
        "sources": reverse("articles:sources"),
    }[page]
    client.get(url)
    with django_assert_num_queries(0):
        assert "The waitresses of Dandong" in client.get(url).content.decode()

    ArticleFactory(
        headline="A newer story",
        section=story.section,
        series=story.series,
        source=story.source,
        authors=list(story.byline_authors),
        translator=story.translator,
        country="CN",
        tags=["China"],
    )

    assert "A newer story" in client.get(url).content.decode()


def test_an_unknown_section_is_a_404_until_it_exists(client, db):
    assert client.get("/section/no-such-section/").status_code == 404
    SectionFactory(name="No such section", slug="no-such-section")
    assert client.get("/section/no-such-section/").status_code == 200
