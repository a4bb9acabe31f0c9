"""The footer's Cookies link lands on the privacy page's account of every cookie."""

from io import StringIO

import pytest
from django.urls import reverse

from demo.content import pages as demo_pages

pytestmark = pytest.mark.django_db


def test_the_footer_links_the_cookies_part_of_the_privacy_page(client):
    demo_pages.load_demo(StringIO())
    home = client.get(reverse("home")).text
    assert f'<a href="{reverse("privacy")}#cookies">Cookies</a>' in home
    privacy = client.get(reverse("privacy")).text
    assert '<h2 id="cookies">Cookies</h2>' in privacy
