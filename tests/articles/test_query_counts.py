"""The home and article pages cost the same number of queries for 1 or 30 authors and tags."""

import pytest

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

# Measured, then written down: a change that adds a query per row fails here.
HOME_QUERIES = 10
ARTICLE_QUERIES = 7


def publish_stories(count: int, sections: int = 3):
    """Stories in a few sections, each with `count` authors and `count` tags."""
    authors = AuthorFactory.create_batch(count)
    tags = [f"tag {n}" for n in range(count)]
    section_rows = SectionFactory.create_batch(sections)
    return [
        ArticleFactory(section=section_rows[n % sections], authors=authors, tags=tags, is_free=True)
        for n in range(2 * sections)
    ]


@pytest.mark.parametrize("count", [1, 30])
def test_home_page_queries_do_not_grow_with_authors_or_tags(
    client, count, django_assert_max_num_queries
):
    publish_stories(count)
    client.get("/")  # warm the caches a real site would have warm
    with django_assert_max_num_queries(HOME_QUERIES):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_article_page_queries_do_not_grow_with_authors_or_tags(
    client, count, django_assert_max_num_queries
):
    stories = publish_stories(count)
    client.get(stories[1].get_absolute_url())
    with django_assert_max_num_queries(ARTICLE_QUERIES):
        response = client.get(stories[0].get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('rel="author"') == count
    assert response.content.decode().count("/tag/tag-") >= count


@pytest.mark.parametrize("sections", [2, 9])
def test_home_page_queries_do_not_grow_with_sections(
    client, sections, django_assert_max_num_queries
):
    publish_stories(2, sections=sections)
    client.get("/")
    with django_assert_max_num_queries(HOME_QUERIES):
        html = client.get("/").content.decode()
    assert html.count('class="section-block__title"') == sections
