"""The article page's HTML, CSS and JavaScript stay under 100 KB compressed (images excluded)."""

import gzip
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.factories import ArticleFactory, AuthorFactory, SourceFactory, image_upload
from tests.pages import read_page

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 100 * 1024


def gzipped_size(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=6))


def static_file(url: str) -> bytes:
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"not served by us: {url}"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, url
    with open(found, "rb") as handle:
        return handle.read()


def test_article_page_html_css_and_js_weigh_under_100_kb_compressed(client):
    article = ArticleFactory(
        body="".join(f"<p>{'A long paragraph of the story. ' * 40}</p>" for _ in range(40)),
        authors=[AuthorFactory() for _ in range(5)],
        source=SourceFactory(),
        tags=["One", "Two", "Three"],
        lead_image=image_upload(),
    )
    ArticleFactory.create_batch(8, section=article.section)
    response = client.get(article.get_absolute_url())
    page = read_page(response)
    assets = [*page.link_hrefs("stylesheet"), *page.script_srcs]
    assert any(url.endswith(".css") for url in assets)
    total = gzipped_size(response.content) + sum(gzipped_size(static_file(u)) for u in assets)
    print(f"article page: {total} bytes compressed")
    assert total < BUDGET_BYTES, f"{total} bytes compressed"


def test_article_page_loads_nothing_from_other_hosts(client):
    article = ArticleFactory(lead_image=image_upload())
    page = read_page(client.get(article.get_absolute_url()))
    for url in [*page.link_hrefs("stylesheet"), *page.script_srcs]:
        assert not urlsplit(url).netloc, url
