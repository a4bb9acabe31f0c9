"""Image checks and renditions. Readers get renditions, never the original upload.

Originals are re-encoded on upload, upright and without metadata (no EXIF GPS, camera or
XMP), and kept in the "originals" storage, which has no public address: renditions are
named after their original, so an original in public media would be one guess away.
Staff see an original through the admin (ImageAdmin.original_view).

Renditions are JPEG and WebP at each width in IMAGE_RENDITION_WIDTHS, cropped to the house
ratio (IMAGE_RENDITION_RATIO, the cards' 3:2) around the image's focal point. They are made
once, when the image is saved, under names derived from the original and the focal point,
so pages build their URLs without touching storage and a new focal point gets new files.
"""

import posixpath
import warnings
from io import BytesIO

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage, storages
from PIL import Image, ImageCms, ImageOps

# Refuse decompression bombs outright instead of letting Pillow merely warn.
Image.MAX_IMAGE_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# EXIF orientations that turn the picture a quarter: width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}
EXIF_ORIENTATION = 0x0112
# How originals are re-encoded when their metadata is dropped: close to lossless, since
# every rendition is made from them.
REENCODE_OPTIONS = {"JPEG": {"quality": 95}, "WEBP": {"quality": 95}}
# What of an original's Pillow info is part of the picture rather than about it.
PICTURE_INFO = ("icc_profile", "transparency")


def original_storage() -> Storage:
    """Where originals live (STORAGES["originals"]): never at a public address."""
    return storages["originals"]


def validate_image_file(upload) -> None:
    """Form validator: a real image, of a format we serve, under the configured size."""
    limit = settings.MAX_IMAGE_UPLOAD_MB * 1024 * 1024
    if upload.size and upload.size > limit:
        raise ValidationError(
            f"This image is {upload.size / 1024 / 1024:.1f} MB; the largest allowed is "
            f"{settings.MAX_IMAGE_UPLOAD_MB} MB."
        )
    too_many_pixels = ValidationError(
        f"This image has too many pixels to process safely (the limit is "
        f"{Image.MAX_IMAGE_PIXELS // 1_000_000} megapixels)."
    )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            # Between the limit and twice it Pillow only warns: treat that as a bomb too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                pixels = image.width * image.height
                image.verify()
            if pixels <= Image.MAX_IMAGE_PIXELS:
                # verify() reads no pixels of a JPEG; a truncated one fails only here.
                upload.seek(0)
                with Image.open(upload) as image:
                    image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise too_many_pixels from exc
    except Exception as exc:  # Pillow raises many types for a file that is not an image.
        raise ValidationError(
            "This file is not an image we can read (use JPEG, PNG or WebP)."
        ) from exc
    finally:
        upload.seek(0)
    if pixels > Image.MAX_IMAGE_PIXELS:
        raise too_many_pixels
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(f"{image_format} images are not accepted; use JPEG, PNG or WebP.")


class LibraryImageFormField(forms.ImageField):
    """Django's image field, but our own clear messages come first (size, bombs, formats)."""

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image_file(data)
        return super().to_python(data)


def without_metadata(file) -> ContentFile:
    """The picture re-encoded in its format, turned upright, with no EXIF, XMP or comment.

    Phones write where a picture was taken (EXIF GPS) and with what; only the pixels,
    their colour profile and transparency are kept. Animated images keep their first frame,
    the one renditions are made from.
    """
    file.seek(0)
    with Image.open(file) as opened:
        image_format = opened.format
        image = ImageOps.exif_transpose(opened)
    kept = {key: image.info[key] for key in PICTURE_INFO if key in image.info}
    image.info = {}
    buffer = BytesIO()
    image.save(buffer, image_format, **kept, **REENCODE_OPTIONS.get(image_format, {}))
    file.seek(0)
    return ContentFile(buffer.getvalue(), name=posixpath.basename(file.name or ""))


def move_original_out_of_public_media(name: str) -> bool:
    """Move an original stored before originals had their own storage, stripping it.

    Safe to run again (or after an interruption): a name already moved is only deleted
    from public media, a missing one is skipped. Returns whether public media held it.
    """
    public, private = default_storage, original_storage()
    if not public.exists(name):
        return False
    if not private.exists(name):
        with public.open(name, "rb") as handle:
            data = ContentFile(handle.read(), name=name)
        try:
            data = without_metadata(data)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            pass  # unreadable: moved as it is, out of public reach all the same
        private.save(name, data)
    public.delete(name)
    return True


def upright_size(file) -> tuple[int, int]:
    """Width and height as the picture is seen, its EXIF orientation applied."""
    file.seek(0)
    with Image.open(file) as image:
        width, height = image.size
        if image.getexif().get(EXIF_ORIENTATION) in QUARTER_TURNS:
            width, height = height, width
    file.seek(0)
    return width, height


def crop_key(focal: tuple[float, float] | None) -> str:
    """Part of a rendition's name: which focal point it was cropped around."""
    if focal is None:
        return ""
    return f"f{round(focal[0] * 100)}-{round(focal[1] * 100)}"


def rendition_name(
    original_name: str, width: int, extension: str = "jpg", *, crop: str = ""
) -> str:
    stem = posixpath.splitext(posixpath.basename(original_name))[0]
    folder = posixpath.dirname(original_name)
    return posixpath.join("renditions", crop, folder, f"{stem}-{width}.{extension}")


def rendition_urls(
    original_name: str, extension: str = "jpg", *, crop: str = ""
) -> list[tuple[int, str]]:
    """(width, url) for each rendition, without touching storage: names are deterministic."""
    return [
        (width, default_storage.url(rendition_name(original_name, width, extension, crop=crop)))
        for width in settings.IMAGE_RENDITION_WIDTHS
    ]


def crop_box(
    size: tuple[int, int], ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of the given ratio inside size, as centred on the focal point as fits."""
    width, height = size
    target = ratio[0] / ratio[1]
    if width / height > target:  # too wide: keep the height, choose the columns
        box_width, box_height = round(height * target), height
    else:  # too tall: keep the width, choose the rows
        box_width, box_height = width, round(width / target)
    left = min(max(round(focal[0] * width - box_width / 2), 0), width - box_width)
    top = min(max(round(focal[1] * height - box_height / 2), 0), height - box_height)
    return left, top, left + box_width, top + box_height


def to_srgb(image: Image.Image) -> Image.Image:
    """RGB for the web: CMYK through its ICC profile when it has one, transparency on white."""
    if image.mode == "CMYK":
        profile = image.info.get("icc_profile")
        if profile:
            try:
                return ImageCms.profileToProfile(
                    image,
                    ImageCms.ImageCmsProfile(BytesIO(profile)),
                    ImageCms.createProfile("sRGB"),
                    outputMode="RGB",
                )
            except (ImageCms.PyCMSError, OSError):
                pass  # a broken profile: fall back to Pillow's plain conversion
        return image.convert("RGB")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode not in ("RGB", "L"):
        return image.convert("RGB")
    return image


def make_renditions(
    original_name: str,
    *,
    focal: tuple[float, float] | None = None,
    force: bool = False,
    source: Storage | None = None,
) -> None:
    """Write JPEG and WebP renditions at each configured width, once.

    With a focal point, each is cropped to IMAGE_RENDITION_RATIO around it. The original is
    read from the originals storage unless source says otherwise (an old data migration).
    """
    crop = crop_key(focal)
    largest = rendition_name(original_name, settings.IMAGE_RENDITION_WIDTHS[-1], crop=crop)
    if not force and default_storage.exists(largest):
        return
    with (source or original_storage()).open(original_name, "rb") as handle:
        with Image.open(handle) as opened:
            image = to_srgb(ImageOps.exif_transpose(opened))
            if focal is not None:
                image = image.crop(crop_box(image.size, settings.IMAGE_RENDITION_RATIO, focal))
            for width in settings.IMAGE_RENDITION_WIDTHS:
                copy = image.copy()
                if copy.width > width:
                    height = round(copy.height * width / copy.width)
                    copy = copy.resize((width, height), Image.Resampling.LANCZOS)
                for extension, pil_format in (("jpg", "JPEG"), ("webp", "WEBP")):
                    buffer = BytesIO()
                    copy.save(buffer, pil_format, quality=82, optimize=True)
                    name = rendition_name(original_name, width, extension, crop=crop)
                    if default_storage.exists(name):
                        default_storage.delete(name)
                    default_storage.save(name, ContentFile(buffer.getvalue()))
