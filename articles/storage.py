"""Storages for the image library's originals: wherever the files are, their URL is the
admin's staff-only view (ImageAdmin.original_view), never a public address.

The S3 one lives in storage_s3.py, so a site on local disk never imports boto3 (0.3 s).
"""

from django.core.files.storage import FileSystemStorage
from django.urls import reverse


class StaffOnlyURLMixin:
    def url(self, name: str) -> str:
        return reverse("admin:articles_image_original", args=[name])


class OriginalsFileSystemStorage(StaffOnlyURLMixin, FileSystemStorage):
    """Originals on local disk, outside MEDIA_ROOT (ORIGINALS_ROOT)."""
