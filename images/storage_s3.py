"""Originals on S3, under a private key prefix or bucket: see images.storage."""

from storages.backends.s3 import S3Storage

from .storage import StaffOnlyURLMixin


class OriginalsS3Storage(StaffOnlyURLMixin, S3Storage):
    """Originals under a private key prefix or bucket (AWS_ORIGINALS_LOCATION, _BUCKET_NAME)."""
