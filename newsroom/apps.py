from django.apps import AppConfig
from django.conf import settings

from .caching import invalidation, switches


class NewsroomConfig(AppConfig):
    name = "newsroom"

    def ready(self) -> None:
        switches.check_layer_names(settings.CACHE_LAYERS_OFF)
        invalidation.connect()
