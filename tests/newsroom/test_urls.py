import pytest

from newsroom.lib.urls import absolute_links, absolute_url

SITE = "https://news.example.com"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def test_a_site_path_gets_the_public_address():
    assert absolute_url("/article/a-story/") == f"{SITE}/article/a-story/"


@pytest.mark.parametrize(
    "url", ["https://cdn.example.org/a.jpg", "http://elsewhere.example/", "mailto:a@b.c", ""]
)
def test_an_absolute_url_or_nothing_passes_unchanged(url):
    assert absolute_url(url) == url


def test_the_address_follows_the_site_url_setting(settings):
    settings.SITE_URL = "https://other.example"
    assert absolute_url("/") == "https://other.example/"


def test_site_paths_in_links_and_images_are_made_absolute_but_other_hosts_are_not():
    html = (
        '<p><a href="/article/x/">x</a> <img src="/media/a.jpg" alt="">'
        ' <a href="//cdn.example.org/y">y</a> <a href="https://e.org/z">z</a></p>'
    )
    assert absolute_links(html) == (
        f'<p><a href="{SITE}/article/x/">x</a> <img src="{SITE}/media/a.jpg" alt="">'
        ' <a href="//cdn.example.org/y">y</a> <a href="https://e.org/z">z</a></p>'
    )
