import os
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions, expand_extensions
from PIL import Image as PILImage

from articles.sanitize import ALLOWED_TAGS, EDITOR_EXTENSIONS
from images import originals, renditions, validation
from images.models import Image
from tests.factories import ArticleFactory, ImageFactory, image_upload

pytestmark = pytest.mark.django_db


def upload(image: PILImage.Image, fmt="JPEG", name="photo.jpg", **save_kwargs):
    buffer = BytesIO()
    image.save(buffer, fmt, **save_kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def rendition(image: Image, width_index=0, extension="jpg") -> PILImage.Image:
    url = image.rendition_urls(extension)[width_index][1]
    with default_storage.open(url.removeprefix("/media/"), "rb") as handle:
        opened = PILImage.open(handle)
        opened.load()
        return opened


def test_renditions_are_made_in_jpeg_and_webp_at_each_width(settings):
    image = ImageFactory(file=image_upload(size=(1600, 1000)))
    for extension, pil_format in (("jpg", "JPEG"), ("webp", "WEBP")):
        for index, width in enumerate(settings.IMAGE_RENDITION_WIDTHS):
            made = rendition(image, index, extension)
            assert made.format == pil_format
            assert made.size == (width, round(width * 2 / 3))


def test_renditions_are_made_once_and_reused():
    image = ImageFactory()
    name = image.rendition_urls()[0][1].removeprefix("/media/")
    made_at = os.stat(default_storage.path(name)).st_mtime_ns
    image.caption = "A new caption"
    image.save()
    assert os.stat(default_storage.path(name)).st_mtime_ns == made_at


def test_exif_orientation_is_applied():
    # Stored 300 wide and 200 high, with EXIF saying "turn a quarter": it is a portrait.
    stored = PILImage.new("RGB", (300, 200), "red")
    exif = PILImage.Exif()
    exif[originals.EXIF_ORIENTATION] = 6
    image = ImageFactory(file=upload(stored, exif=exif.tobytes()))
    assert (image.width, image.height) == (200, 300)
    assert rendition(image).size == (200, 133)  # 3:2 cut from the upright picture


def test_cmyk_jpeg_becomes_rgb_with_its_colours():
    cmyk_red = PILImage.new("CMYK", (300, 200), (0, 255, 255, 0))
    image = ImageFactory(file=upload(cmyk_red))
    made = rendition(image)
    assert made.mode == "RGB"
    red, green, blue = made.getpixel((10, 10))
    assert red > 200 and green < 60 and blue < 60


def test_transparent_png_is_put_on_white():
    clear = PILImage.new("RGBA", (300, 200), (0, 0, 0, 0))
    image = ImageFactory(file=upload(clear, "PNG", "logo.png"))
    assert min(rendition(image).getpixel((10, 10))) > 250


def test_focal_point_decides_the_crop():
    picture = PILImage.new("RGB", (300, 100), "blue")
    picture.paste((255, 0, 0), (0, 0, 100, 100))  # the left third is red
    image = ImageFactory(file=upload(picture, "PNG", "split.png"), focal_x=0.1)
    red, green, blue = rendition(image).getpixel((5, 50))
    assert red > 200 and blue < 60
    left_name = image.url(0)
    image.focal_x = 0.9
    image.save()
    assert image.url(0) != left_name  # a new focal point gets new files
    red, green, blue = rendition(image).getpixel((5, 50))
    assert blue > 200 and red < 60


def test_crop_box_stays_inside_the_picture():
    assert renditions.crop_box((300, 100), (3, 2), (0.0, 0.5)) == (0, 0, 150, 100)
    assert renditions.crop_box((300, 100), (3, 2), (1.0, 0.5)) == (150, 0, 300, 100)
    assert renditions.crop_box((100, 300), (3, 2), (0.5, 0.0)) == (0, 0, 100, 67)
    assert renditions.crop_box((150, 100), (3, 2), (0.9, 0.9)) == (0, 0, 150, 100)


def test_upload_over_the_size_limit_is_refused(settings):
    settings.MAX_IMAGE_UPLOAD_MB = 1
    noise = PILImage.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3))
    too_big = upload(noise, "PNG", "noise.png")
    assert too_big.size > 1024 * 1024
    with pytest.raises(ValidationError, match="the largest allowed is 1 MB"):
        validation.validate_image_file(too_big)


@pytest.mark.parametrize("size", [(150, 100), (400, 400)], ids=["1-2x the limit", "over 2x"])
def test_decompression_bombs_are_refused(monkeypatch, size):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 10_000)
    bomb = upload(PILImage.new("L", size), "PNG", "bomb.png")
    with pytest.raises(ValidationError, match="too many pixels"):
        validation.validate_image_file(bomb)


def test_a_file_that_is_not_an_image_is_refused():
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not a picture at all", "image/jpeg")
    with pytest.raises(ValidationError, match="not an image we can read"):
        validation.validate_image_file(fake)


def test_an_image_format_we_do_not_serve_is_refused():
    bmp = upload(PILImage.new("RGB", (30, 20)), "BMP", "old.bmp")
    with pytest.raises(ValidationError, match="BMP images are not accepted"):
        validation.validate_image_file(bmp)


def test_admin_upload_error_keeps_what_was_typed(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:images_image_add"),
        {
            "file": SimpleUploadedFile("notes.jpg", b"just text", "image/jpeg"),
            "alt_text": "Protesters in Santiago",
            "caption": "",
            "credit": "",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "not an image we can read" in str(form.errors["file"])
    assert form["alt_text"].value() == "Protesters in Santiago"
    assert not Image.objects.exists()


def test_alt_text_is_required(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:images_image_add"),
        {"file": image_upload(), "alt_text": "", "focal_x": "0.5", "focal_y": "0.5"},
    )
    assert "alt_text" in response.context["adminform"].form.errors


def test_admin_upload_records_the_uploader_and_size(client, writer):
    client.force_login(writer)
    response = client.post(
        reverse("admin:images_image_add"),
        {
            "file": image_upload(size=(900, 600)),
            "alt_text": "A market",
            "focal_x": "0.3",
            "focal_y": "0.6",
        },
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.uploaded_by, image.width, image.height) == (writer, 900, 600)


def test_writer_cannot_change_someone_elses_image(client, writer):
    image = ImageFactory(alt_text="Original")
    client.force_login(writer)
    client.post(
        reverse("admin:images_image_change", args=[image.pk]),
        {"alt_text": "Changed", "focal_x": "0.5", "focal_y": "0.5"},
    )
    image.refresh_from_db()
    assert image.alt_text == "Original"


def test_article_keeps_its_lead_image_api_with_a_library_image(client):
    image = ImageFactory(alt_text="A waitress", caption="In Dandong", credit="B. Pedroletti")
    article = ArticleFactory(lead_image=image)
    assert article.lead_image
    assert article.lead_image_alt == "A waitress"
    assert article.lead_image_caption == "In Dandong"
    assert article.lead_image_credit == "B. Pedroletti"
    assert article.lead_image_url() == image.url(1)
    assert article.lead_image_srcset.count(" 480w") == 1
    assert ".webp 1200w" in article.lead_image_srcset_webp
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="A waitress"' in html
    assert "In Dandong" in html
    assert image.url(1) in html


def test_article_without_lead_image_reads_as_empty():
    article = ArticleFactory(lead_image=None)
    assert not article.lead_image
    assert article.lead_image_url() == article.lead_image_srcset == article.lead_image_alt == ""


def test_deleting_an_image_leaves_the_article_without_one():
    article = ArticleFactory(lead_image=ImageFactory())
    article.lead_image.delete()
    article.refresh_from_db()
    assert article.lead_image is None


def test_editor_offers_only_what_the_sanitiser_keeps():
    allowed = allowlist_from_extensions(expand_extensions(EDITOR_EXTENSIONS))
    assert set(allowed["tags"]) <= ALLOWED_TAGS


def test_article_form_body_goes_through_clean_body(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    body = response.context["adminform"].form.fields["body"]
    assert body.clean('<p onclick="x()">Hi<script>bad()</script></p>') == "<p>Hi</p>"
    assert "data-django-prose-editor-configurable" in response.content.decode()


def test_admin_upload_of_a_bomb_says_so(client, editor, monkeypatch):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 10_000)
    client.force_login(editor)
    response = client.post(
        reverse("admin:images_image_add"),
        {
            "file": upload(PILImage.new("L", (400, 400)), "PNG", "bomb.png"),
            "alt_text": "A bomb",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    assert "too many pixels" in str(response.context["adminform"].form.errors["file"])


def test_make_renditions_command_restores_missing_files():
    from io import StringIO

    from django.core.management import call_command

    image = ImageFactory()
    names = [url.removeprefix("/media/") for _, url in image.rendition_urls()]
    for name in names:
        default_storage.delete(name)
    out = StringIO()
    call_command("make_renditions", stdout=out)
    assert all(default_storage.exists(name) for name in names)
    assert "checked for 1 image(s); 0 could not be read" in out.getvalue()


def test_word_processor_paste_keeps_structure_and_drops_the_rest():
    from articles.sanitize import clean_body

    pasted = (
        '<p class="MsoNormal" style="margin:0cm;font-family:Calibri"><span lang="FR" '
        'style="mso-ansi-language:FR"><b>Dandong</b> — <i>the border</i></span><o:p></o:p></p>'
        '<h2 class="MsoHeading2"><span style="color:#2F5496">A subhead</span></h2>'
        '<ul style="margin-top:0"><li class="MsoListParagraph">One</li></ul>'
        '<table><tr><td>cell</td></tr></table><font face="Arial">plain</font>'
    )
    assert clean_body(pasted) == (
        "<p><b>Dandong</b> — <i>the border</i></p><h2>A subhead</h2><ul><li>One</li></ul>cellplain"
    )


def test_editor_picker_lists_library_images_and_searches(client, writer):
    ImageFactory(alt_text="Boats in the harbour", caption="Marseille at dawn")
    ImageFactory(alt_text="A desert road")
    client.force_login(writer)
    url = reverse("admin:images_image_picker")
    page = client.get(url, {"CKEditorFuncNum": "-1"}).content.decode()
    assert page.count('class="image-picker__choice"') == 2
    assert 'data-func-num="-1"' in page
    found = client.get(url, {"CKEditorFuncNum": "-1", "q": "marseille"}).content.decode()
    assert found.count('class="image-picker__choice"') == 1
    assert 'data-alt="Boats in the harbour"' in found


def test_editor_picker_is_for_staff_only(client):
    response = client.get(reverse("admin:images_image_picker"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_body_editor_figure_button_browses_the_library(client, editor):
    client.force_login(editor)
    html = client.get(reverse("admin:articles_article_add")).content.decode()
    assert reverse("admin:images_image_picker") in html
