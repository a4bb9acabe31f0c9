import pytest

from articles.models import Article
from articles.templatetags.articles_tags import join_names
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_headline_and_kept_unique():
    first = ArticleFactory(headline="Hello World", slug="")
    second = ArticleFactory(headline="Hello World", slug="")
    assert first.slug == "hello-world"
    assert second.slug == "hello-world-2"


def test_non_ascii_headline_gives_a_unicode_slug():
    article = ArticleFactory(headline="Überraschung in Zürich: 北京", slug="")
    assert article.slug == "überraschung-in-zürich-北京"


def test_body_is_sanitised_on_save():
    article = ArticleFactory(
        body='<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a></p>'
        "<script>alert(1)</script>"
    )
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert "javascript:" not in article.body
    assert article.body.startswith("<p>Hi")


def test_publishing_without_a_date_stamps_now():
    article = ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)
    assert article.published_at is not None
    assert article.is_published


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["A"], "A"),
        (["Ginevra Falciani", "Bertrand Hauger"], "Ginevra Falciani and Bertrand Hauger"),
        (["A", "B", "C"], "A, B and C"),
    ],
)
def test_byline_joins_names_naturally(names, expected):
    assert join_names(names) == expected


def test_byline_keeps_the_editors_order():
    b, a = AuthorFactory(name="Bertrand Hauger"), AuthorFactory(name="Ginevra Falciani")
    article = ArticleFactory(section=SectionFactory(), authors=[a, b])
    assert [x.name for x in Article.objects.for_page().get(pk=article.pk).byline_authors] == [
        "Ginevra Falciani",
        "Bertrand Hauger",
    ]
