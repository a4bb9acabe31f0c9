"""Renditions: what readers get instead of the original upload.

JPEG and WebP at each width in IMAGE_RENDITION_WIDTHS, cropped to the house ratio
(IMAGE_RENDITION_RATIO, the cards' 3:2) around the image's focal point. They are made once,
when the image is saved, under names derived from the original and the focal point, so pages
build their URLs without touching storage and a new focal point gets new files.
"""

import posixpath
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from PIL import Image, ImageCms, ImageOps

from .storage import original_storage


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
                converted = ImageCms.profileToProfile(
                    image,
                    ImageCms.ImageCmsProfile(BytesIO(profile)),
                    ImageCms.createProfile("sRGB"),
                    outputMode="RGB",
                )
                assert converted is not None  # not inPlace: a new image
                return converted
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
