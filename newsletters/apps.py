from django.apps import AppConfig

from newsroom import caching


class NewslettersConfig(AppConfig):
    name = "newsletters"

    def ready(self) -> None:
        # Imported here: models exist only once the app registry is ready.
        from .models import Newsletter

        caching.register_content_models(Newsletter)  # the series signup box on article pages
