"""Upload checks: a real image, of a format we serve, under the size and pixel limits.

They run before anything decodes the picture, so a decompression bomb or a disguised file
is refused with a message an editor understands rather than a server error.
"""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from PIL import Image

# Refuse decompression bombs outright instead of letting Pillow merely warn. Set when the
# app loads (images.models imports this module), so every later Image.open obeys it.
Image.MAX_IMAGE_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def _pixel_limit() -> int:
    """Pillow's decompression-bomb limit, which this project never switches off (None)."""
    limit = Image.MAX_IMAGE_PIXELS
    assert limit is not None
    return limit


def validate_image_file(upload: File) -> None:
    """Form validator: a real image, of a format we serve, under the configured size."""
    pixel_limit = _pixel_limit()
    limit = settings.MAX_IMAGE_UPLOAD_MB * 1024 * 1024
    if upload.size and upload.size > limit:
        raise ValidationError(
            f"This image is {upload.size / 1024 / 1024:.1f} MB; the largest allowed is "
            f"{settings.MAX_IMAGE_UPLOAD_MB} MB."
        )
    too_many_pixels = ValidationError(
        f"This image has too many pixels to process safely (the limit is "
        f"{pixel_limit // 1_000_000} megapixels)."
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
            if pixels <= pixel_limit:
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
    if pixels > pixel_limit:
        raise too_many_pixels
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(f"{image_format} images are not accepted; use JPEG, PNG or WebP.")


class LibraryImageFormField(forms.ImageField):
    """Django's image field, but our own clear messages come first (size, bombs, formats)."""

    def to_python(self, data: File | None) -> File | None:
        if data is not None and data not in self.empty_values:
            validate_image_file(data)
        return super().to_python(data)
