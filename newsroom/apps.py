"""The project package as an app: the wiring that belongs to no one app (staff roles, the
cache's invalidation)."""

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate

from newsroom.lib.roles import grant_role_permissions

from .caching import invalidation, switches


class NewsroomConfig(AppConfig):
    name = "newsroom"

    def ready(self) -> None:
        switches.check_layer_names(settings.CACHE_LAYERS_OFF)
        invalidation.connect()
        # Sent once per app: permissions of models added since reach the role groups.
        post_migrate.connect(grant_role_permissions, dispatch_uid="newsroom.grant_role_permissions")
