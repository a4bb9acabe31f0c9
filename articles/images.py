"""Lead-image checks and renditions. Readers get renditions, never the original upload."""

import posixpath
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

# Refuse decompression bombs outright instead of letting Pillow merely warn.
Image.MAX_IMAGE_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def validate_image_file(upload) -> None:
    """Form validator: a real image, of a format we serve, under the configured size."""
    limit = settings.MAX_IMAGE_UPLOAD_MB * 1024 * 1024
    if upload.size and upload.size > limit:
        raise ValidationError(
            f"This image is {upload.size / 1024 / 1024:.1f} MB; the largest allowed is "
            f"{settings.MAX_IMAGE_UPLOAD_MB} MB."
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except Image.DecompressionBombError as exc:
        raise ValidationError("This image has too many pixels to process safely.") from exc
    except Exception as exc:  # Pillow raises many types for a file that is not an image.
        raise ValidationError(
            "This file is not an image we can read (use JPEG, PNG or WebP)."
        ) from exc
    finally:
        upload.seek(0)
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(f"{image_format} images are not accepted; use JPEG, PNG or WebP.")


def rendition_name(original_name: str, width: int, extension: str = "jpg") -> str:
    stem = posixpath.splitext(posixpath.basename(original_name))[0]
    folder = posixpath.dirname(original_name)
    return posixpath.join("renditions", folder, f"{stem}-{width}.{extension}")


def rendition_urls(original_name: str, extension: str = "jpg") -> list[tuple[int, str]]:
    """(width, url) for each rendition, without touching storage: names are deterministic."""
    return [
        (width, default_storage.url(rendition_name(original_name, width, extension)))
        for width in settings.IMAGE_RENDITION_WIDTHS
    ]


def make_renditions(original_name: str, *, force: bool = False) -> None:
    """Write JPEG and WebP renditions at each configured width, EXIF orientation applied."""
    largest = rendition_name(original_name, settings.IMAGE_RENDITION_WIDTHS[-1])
    if not force and default_storage.exists(largest):
        return
    with default_storage.open(original_name, "rb") as handle:
        with Image.open(handle) as opened:
            image = ImageOps.exif_transpose(opened)
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            for width in settings.IMAGE_RENDITION_WIDTHS:
                copy = image.copy()
                if copy.width > width:
                    height = round(copy.height * width / copy.width)
                    copy = copy.resize((width, height), Image.Resampling.LANCZOS)
                for extension, pil_format in (("jpg", "JPEG"), ("webp", "WEBP")):
                    buffer = BytesIO()
                    copy.save(buffer, pil_format, quality=82, optimize=True)
                    name = rendition_name(original_name, width, extension)
                    if default_storage.exists(name):
                        default_storage.delete(name)
                    default_storage.save(name, ContentFile(buffer.getvalue()))
