"""Bad input in an address is a 404 or a 400 page that says why, never a server error."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ImageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_superuser=True))
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    "name",
    ["a" * 300, "renditions/" + "é" * 150 + ".jpg", "renditions/f50-50/" + "b" * 256],
    ids=["300 characters", "over 255 bytes", "256 characters in a folder"],
)
def test_a_media_name_too_long_for_the_disk_is_a_404(client, name):
    ImageFactory()  # so the renditions folder exists and the disk would be asked
    client.raise_request_exception = False
    response = client.get(f"/media/{name}")
    assert response.status_code == 404
    assert "We couldn't find that page" in response.content.decode()


def test_a_media_name_with_a_null_character_is_a_400_that_says_so(client):
    client.raise_request_exception = False
    response = client.get("/media/renditions/%00.jpg")
    assert response.status_code == 400
    assert "null character" in response.content.decode()


@pytest.mark.parametrize(
    "page,params",
    [
        ("admin:newsletters_delivery_changelist", {"status": "\x00sent"}),
        ("admin:newsletters_subscriber_changelist", {"status": "confirmed\x00"}),
        ("admin:articles_article_changelist", {"status": "\x00published"}),
        ("admin:paywall_subscription_changelist", {"status": "act\x00ive"}),
    ],
)
def test_a_null_character_in_an_admin_list_filter_is_dropped(staff_client, page, params):
    response = staff_client.get(reverse(page), params)
    assert response.status_code == 200
    chosen = params["status"].replace("\x00", "")
    assert response.context["cl"].get_filters_params() == {"status": [chosen]}


def test_a_null_character_in_an_admin_search_or_filter_name_is_dropped(staff_client):
    ArticleFactory(headline="Harbour strike")
    url = reverse("admin:articles_article_changelist")
    found = staff_client.get(url, {"q": "harb\x00our", "\x00": "1"})
    assert found.status_code == 200
    assert [a.headline for a in found.context["cl"].result_list] == ["Harbour strike"]


def test_a_null_character_in_the_image_picker_search_is_dropped(staff_client):
    ImageFactory(alt_text="Boats in the harbour")
    ImageFactory(alt_text="A desert road")
    response = staff_client.get(reverse("admin:images_image_picker"), {"q": "harbour\x00"})
    assert response.status_code == 200
    assert response.content.decode().count('class="image-picker__choice"') == 1


def test_a_null_character_in_a_reader_search_is_dropped(client):
    ArticleFactory(headline="Harbour strike")
    response = client.get(reverse("articles:search"), {"q": "harbour\x00"})
    assert response.status_code == 200
    assert "Harbour strike" in response.content.decode()


def test_an_encoded_percent_sign_followed_by_zeros_is_searched_as_typed(client):
    response = client.get(reverse("articles:search"), {"q": "%00"})
    assert response.status_code == 200
    assert response.context["query"] == "%00"
