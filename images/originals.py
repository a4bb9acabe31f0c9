"""What of an upload is kept as the original: the picture, upright, without its metadata.

Phones write where a picture was taken (EXIF GPS) and with what; originals are re-encoded
on upload with only their pixels, colour profile and transparency, so no later rendition,
export or staff download can leak them.
"""

import posixpath
from io import BytesIO

from django.core.files import File
from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# EXIF orientations that turn the picture a quarter: width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}
EXIF_ORIENTATION = 0x0112
# How originals are re-encoded when their metadata is dropped: close to lossless, since
# every rendition is made from them.
REENCODE_OPTIONS: dict[str | None, dict[str, int]] = {
    "JPEG": {"quality": 95},
    "WEBP": {"quality": 95},
}
# What of an original's Pillow info is part of the picture rather than about it.
PICTURE_INFO = ("icc_profile", "transparency")


def without_metadata(file: File) -> ContentFile:
    """The picture re-encoded in its format, turned upright, with no EXIF, XMP or comment.

    Animated images keep their first frame, the one renditions are made from.
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


def upright_size(file: File) -> tuple[int, int]:
    """Width and height as the picture is seen, its EXIF orientation applied."""
    file.seek(0)
    with Image.open(file) as image:
        width, height = image.size
        if image.getexif().get(EXIF_ORIENTATION) in QUARTER_TURNS:
            width, height = height, width
    file.seek(0)
    return width, height
