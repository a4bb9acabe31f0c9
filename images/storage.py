"""Where originals live: the "originals" storage, whose URL is the admin's staff-only view
(ImageAdmin.original_view), never a public address. Renditions are named after their
original, so an original in public media would be one guess away.

The S3 one lives in storage_s3.py, so a site on local disk never imports boto3 (0.3 s).
"""

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage, storages
from django.urls import reverse
from PIL import Image

from .originals import without_metadata


def original_storage() -> Storage:
    """Where originals live (STORAGES["originals"]): never at a public address."""
    return storages["originals"]


class StaffOnlyURLMixin:
    def url(self, name: str | None) -> str:
        return reverse("admin:images_image_original", args=[name])


class OriginalsFileSystemStorage(StaffOnlyURLMixin, FileSystemStorage):
    """Originals on local disk, outside MEDIA_ROOT (ORIGINALS_ROOT)."""


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
