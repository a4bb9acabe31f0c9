from django.apps import AppConfig

from newsroom import caching


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Images"

    def ready(self) -> None:
        # Imported here: models exist only once the app registry is ready.
        from .models import Image

        # Lead images and their captions are shown on article pages and cards.
        caching.register_content_models(Image)
