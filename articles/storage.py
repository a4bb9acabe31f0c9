"""Storages for the image library's originals: wherever the files are, their URL is the
admin's staff-only view (ImageAdmin.original_view), never a public address."""

from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from storages.backends.s3 import S3Storage


class StaffOnlyURLMixin:
    def url(self, name: str) -> str:
        return reverse("admin:articles_image_original", args=[name])


class OriginalsFileSystemStorage(StaffOnlyURLMixin, FileSystemStorage):
    """Originals on local disk, outside MEDIA_ROOT (ORIGINALS_ROOT)."""


class OriginalsS3Storage(StaffOnlyURLMixin, S3Storage):
    """Originals under a private key prefix or bucket (AWS_ORIGINALS_LOCATION, _BUCKET_NAME)."""
