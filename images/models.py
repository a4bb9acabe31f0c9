"""The library's Image: one picture, its words for readers, its focal point, its renditions.

The file field stores every original upright and stripped of metadata, in the originals
storage; saving an image makes its renditions (images.renditions), which is all readers see.
"""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.core.files import File
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.fields.files import ImageFieldFile

from .originals import upright_size, without_metadata
from .renditions import crop_key, make_renditions, rendition_name, rendition_urls
from .storage import original_storage
from .validation import LibraryImageFormField, validate_image_file


class OriginalFieldFile(ImageFieldFile):
    def save(self, name: str, content: File, save: bool = True) -> None:
        # Every way in (the admin's form, file.save() in code) stores the picture stripped.
        super().save(name, without_metadata(content), save)


class LibraryImageField(models.ImageField):
    """An ImageField whose form field explains a refused upload in the library's words,
    and whose files are stored upright and without metadata."""

    attr_class = OriginalFieldFile

    # Every keyword passes on to Field.formfield, form_class included, as in Django's own.
    def formfield(self, **kwargs: Any) -> forms.Field | None:  # type: ignore[override]
        return super().formfield(**{"form_class": LibraryImageFormField, **kwargs})

    def deconstruct(self) -> tuple[str, str, Sequence[Any], dict[str, Any]]:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


class Image(models.Model):
    """A picture in the library, used as a lead image or in article bodies."""

    file = LibraryImageField(
        upload_to="images/%Y/%m/",
        storage=original_storage,
        validators=[validate_image_file],
        help_text="JPEG, PNG or WebP. Readers get resized copies, never this file.",
    )
    alt_text = models.CharField(
        "alt text",
        max_length=255,
        help_text="What the image shows, for readers who cannot see it (required).",
    )
    caption = models.CharField(
        max_length=300, blank=True, help_text="Printed under the image on the article page."
    )
    credit = models.CharField(
        max_length=150, blank=True, help_text='Photographer and agency, e.g. "Brice Pedroletti".'
    )
    focal_x = models.FloatField(
        "focal point, across",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="0 is the left edge, 1 the right. Crops keep this point in view.",
    )
    focal_y = models.FloatField(
        "focal point, down",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="0 is the top edge, 1 the bottom.",
    )
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.alt_text

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.file and (not self.width or not self.file._committed):
            self.width, self.height = upright_size(self.file)
        super().save(*args, **kwargs)
        if self.file:
            make_renditions(self.file.name, focal=self.focal)

    @property
    def focal(self) -> tuple[float, float]:
        return (self.focal_x, self.focal_y)

    @property
    def name(self) -> str:
        """The original's storage name (what `lead_image.name` was before the library)."""
        return self.file.name

    def rendition_name(self, width: int, extension: str = "jpg") -> str:
        """The storage name of one rendition (for its size in bytes, say)."""
        return rendition_name(self.file.name, width, extension, crop=crop_key(self.focal))

    def rendition_urls(self, extension: str = "jpg") -> list[tuple[int, str]]:
        return rendition_urls(self.file.name, extension, crop=crop_key(self.focal))

    def srcset(self, extension: str = "jpg") -> str:
        return ", ".join(f"{url} {width}w" for width, url in self.rendition_urls(extension))

    def url(self, width_index: int = 1) -> str:
        return self.rendition_urls()[width_index][1]
