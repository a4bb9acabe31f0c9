"""Make the library's missing renditions (after a restore, or new IMAGE_RENDITION_WIDTHS)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from images.models import Image
from images.renditions import make_renditions


class Command(BaseCommand):
    help = "Make missing JPEG and WebP renditions of every library image (--force: remake all)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--force", action="store_true", help="Remake existing renditions.")

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:
        done, failed = 0, 0
        for image in Image.objects.order_by("pk").iterator():
            try:
                make_renditions(image.file.name, focal=image.focal, force=force)
            except (OSError, ValueError) as error:  # a missing or unreadable original
                failed += 1
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {error}")
            else:
                done += 1
        self.stdout.write(f"Renditions checked for {done} image(s); {failed} could not be read.")
