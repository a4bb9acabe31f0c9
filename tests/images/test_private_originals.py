"""Original uploads: stored upright without metadata, and never at a public address."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage

from images import originals, storage, validation
from images.models import Image
from newsroom.lib.roles import EDITOR
from tests.factories import ImageFactory, UserFactory, image_upload
from tests.newsroom.test_deploy import run_manage

pytestmark = pytest.mark.django_db

GPS = {1: "N", 2: (48.0, 51.0, 30.0), 3: "E", 4: (2.0, 17.0, 40.0)}


def phone_photo(name="phone.jpg") -> SimpleUploadedFile:
    """300 wide, 200 high as stored, red top-left corner, EXIF "turn a quarter" and GPS."""
    picture = PILImage.new("RGB", (300, 200), "blue")
    picture.paste((255, 0, 0), (0, 0, 40, 40))
    exif = PILImage.Exif()
    exif[originals.EXIF_ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[ExifTags.IFD.GPSInfo] = GPS
    buffer = BytesIO()
    picture.save(buffer, "JPEG", exif=exif.tobytes(), comment=b"Taken at home")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def stored_original(image: Image) -> PILImage.Image:
    with storages["originals"].open(image.file.name, "rb") as handle:
        opened = PILImage.open(handle)
        opened.load()
        return opened


def assert_stripped_and_upright(opened: PILImage.Image) -> None:
    exif = opened.getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert not dict(exif)  # no orientation, camera, GPS pointer…
    assert "comment" not in opened.info and "xmp" not in opened.info
    assert opened.size == (200, 300)  # stored upright
    red, green, blue = opened.getpixel((190, 10))  # the red corner, turned to the top right
    assert red > 200 and blue < 60


def test_an_uploaded_phone_photo_is_stored_upright_without_gps_or_camera_data():
    image = ImageFactory(file=phone_photo())
    assert (image.width, image.height) == (200, 300)
    assert_stripped_and_upright(stored_original(image))


def test_an_admin_upload_is_stored_upright_without_gps(client):
    client.force_login(UserFactory(role=EDITOR))
    response = client.post(
        reverse("admin:images_image_add"),
        {"file": phone_photo(), "alt_text": "A street", "focal_x": "0.5", "focal_y": "0.5"},
    )
    assert response.status_code == 302
    assert_stripped_and_upright(stored_original(Image.objects.get()))


def test_a_transparent_png_keeps_its_transparency():
    clear = PILImage.new("RGBA", (30, 20), (0, 0, 0, 0))
    buffer = BytesIO()
    clear.save(buffer, "PNG")
    image = ImageFactory(file=SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png"))
    assert stored_original(image).getpixel((5, 5))[3] == 0


def test_the_original_is_not_at_the_address_its_renditions_suggest(client):
    image = ImageFactory(file=image_upload("harbour.jpg"))
    rendition = image.url(0)
    assert client.get(rendition).status_code == 200
    guessed = "/media/" + image.file.name
    assert rendition.replace("renditions/f50-50/", "").replace("-480", "") == guessed
    assert client.get(guessed).status_code == 404
    assert not default_storage.exists(image.file.name)


def test_media_serves_nothing_outside_renditions_even_if_an_old_original_is_there(client):
    default_storage.save("images/2025/01/old.jpg", ContentFile(image_upload().read()))
    assert client.get("/media/images/2025/01/old.jpg").status_code == 404
    assert client.get("/media/renditions/../images/2025/01/old.jpg").status_code == 404


def test_staff_see_the_original_through_the_admin(client):
    image = ImageFactory(file=image_upload("harbour.jpg"))
    url = image.file.url
    assert url.startswith("/admin/")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(role=EDITOR))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"]
    with storages["originals"].open(image.file.name, "rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()
    page = client.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    assert url in page and "/media/images/" not in page


def test_staff_without_the_image_permission_cannot_see_an_original(client):
    image = ImageFactory()
    client.force_login(UserFactory(is_staff=True))
    assert client.get(image.file.url).status_code == 403


def test_an_address_naming_no_original_is_a_404(client):
    client.force_login(UserFactory(role=EDITOR))
    url = reverse("admin:images_image_original", args=["images/2025/01/nothing.jpg"])
    assert client.get(url).status_code == 404


def test_a_truncated_jpeg_is_refused_with_a_message():
    whole = image_upload().read()
    cut = SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2], "image/jpeg")
    with pytest.raises(ValidationError, match="not an image we can read"):
        validation.validate_image_file(cut)


def test_moving_an_old_original_is_safe_to_repeat_and_to_resume():
    name = default_storage.save("images/2025/01/old.jpg", ContentFile(phone_photo().read()))
    assert storage.move_original_out_of_public_media(name)
    assert not storage.move_original_out_of_public_media(name)  # nothing left to move
    with storages["originals"].open(name, "rb") as handle:
        moved = handle.read()
    # Interrupted after the copy, before the delete: the next run only deletes.
    default_storage.save(name, ContentFile(b"a stale public copy"))
    assert storage.move_original_out_of_public_media(name)
    assert not default_storage.exists(name)
    with storages["originals"].open(name, "rb") as handle:
        assert handle.read() == moved


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_old_originals_out_of_public_media_stripped():
    before = [("articles", "0008_role_groups_by_model")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    name = default_storage.save("images/2025/01/street.jpg", ContentFile(phone_photo().read()))
    old.get_model("articles", "Image").objects.create(
        file=name, alt_text="A street", width=200, height=300
    )

    for _ in range(2):  # forwards, back (nothing to undo), forwards again
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
        image = Image.objects.get(file=name)
        assert not default_storage.exists(name)
        assert_stripped_and_upright(stored_original(image))
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(before)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_on_s3_originals_go_to_a_private_prefix_and_link_to_the_admin():
    code = (
        "import django; django.setup();"
        "from django.core.files.storage import storages;"
        "s = storages['originals'];"
        "print(type(s).__name__, s.bucket_name, s.location, s.url('images/a.jpg'))"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert (
        "OriginalsS3Storage newsroom-media originals /admin/images/image/original/images/a.jpg"
        in result.stdout
    )


def test_on_s3_originals_inside_the_public_prefix_are_refused():
    result = run_manage(
        "check",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_ORIGINALS_LOCATION="media/originals",
    )
    assert result.returncode != 0
    assert "AWS_ORIGINALS_LOCATION must lie outside AWS_LOCATION" in result.stderr
