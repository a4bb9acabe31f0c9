"""The image library's admin pages: uploads refused with reasons, nothing typed or saved lost."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from images.models import Image as LibraryImage
from tests.factories import ArticleFactory, image_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def form_of(response):
    return response.context["adminform"].form


IMAGE_ADD = reverse("admin:images_image_add")


def new_image(**overrides):
    """What an editor types into the image library's upload form."""
    data = {
        "alt_text": "A North Korean waitress",
        "caption": "A waitress in Dandong",
        "credit": "Brice Pedroletti",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }
    return data | overrides


def test_a_file_that_is_not_an_image_is_refused_and_the_form_keeps_what_was_typed(admin_client):
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = admin_client.post(IMAGE_ADD, new_image(file=fake))
    assert response.status_code == 200
    form = form_of(response)
    assert "not an image" in str(form.errors["file"])
    assert form["alt_text"].value() == "A North Korean waitress"
    assert form["credit"].value() == "Brice Pedroletti"
    assert not LibraryImage.objects.exists()


def test_an_oversized_image_is_refused_with_its_size(admin_client, settings):
    settings.MAX_IMAGE_UPLOAD_MB = 0.001  # about 1 KB
    big = image_upload(size=(400, 400), color="white")
    response = admin_client.post(IMAGE_ADD, new_image(file=big))
    assert response.status_code == 200
    assert "the largest allowed is" in str(form_of(response).errors["file"])
    assert form_of(response)["caption"].value() == "A waitress in Dandong"
    assert not LibraryImage.objects.exists()


def test_a_bad_upload_on_an_existing_image_loses_nothing_already_saved(admin_client):
    article = ArticleFactory(lead_image=image_upload(), lead_image_alt="Before", status="draft")
    image = article.lead_image
    original_file = image.file.name
    response = admin_client.post(
        reverse("admin:images_image_change", args=[image.pk]),
        new_image(alt_text="Changed", file=SimpleUploadedFile("x.jpg", b"no")),
    )
    assert response.status_code == 200
    image.refresh_from_db()
    assert (image.file.name, image.alt_text) == (original_file, "Before")
    article.refresh_from_db()
    assert article.lead_image == image
