"""The article data is cached for everyone; the paywall still decides for each reader."""

import pytest

from tests.factories import ArticleFactory

from .conftest import is_gated, read

pytestmark = pytest.mark.django_db
LAST_PARAGRAPH_TEXT = b"Paragraph 6 of the story"


@pytest.fixture
def warm_article(client, policy):
    article = ArticleFactory()
    read(client, article)  # fills the content cache
    client.cookies.clear()
    return article


def test_gated_reader_and_subscriber_get_different_bodies_from_a_warm_cache(
    client, warm_article, articles, subscriber
):
    for other in articles[:3]:
        read(client, other)  # the anonymous meter is used up
    gated = read(client, warm_article)
    assert is_gated(gated)
    assert LAST_PARAGRAPH_TEXT not in gated.content
    assert "private" in gated["Cache-Control"]

    client.cookies.clear()
    client.force_login(subscriber)
    full = read(client, warm_article)
    assert not is_gated(full)
    assert LAST_PARAGRAPH_TEXT in full.content

    client.logout()
    client.cookies.clear()
    for other in articles[:3]:
        read(client, other)
    again = read(client, warm_article)
    assert is_gated(again)
    assert LAST_PARAGRAPH_TEXT not in again.content


def test_the_meter_still_counts_each_read_when_every_article_is_warm(client, articles):
    for article in articles[:4]:
        read(client, article)  # fills the content cache for all four
    client.cookies.clear()
    pages = [read(client, article) for article in articles[:4]]
    assert [is_gated(page) for page in pages] == [False, False, False, True]
