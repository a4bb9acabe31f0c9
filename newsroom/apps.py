"""The project package as an app: the wiring that belongs to no one app (staff roles, the
cache's invalidation)."""

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate

from newsroom.lib.roles import grant_role_permissions

from .caching import invalidation, register_content_models, register_reader_value, switches


class NewsroomConfig(AppConfig):
    name = "newsroom"

    def ready(self) -> None:
        switches.check_layer_names(settings.CACHE_LAYERS_OFF)
        invalidation.connect()
        # The trust pages (newsroom.views.trust_page) are flat pages shown to readers.
        from django.contrib.flatpages.models import FlatPage

        register_content_models(FlatPage, FlatPage.sites.through)
        # A change to a user's row makes every process read it again (auth_backends).
        from django.contrib.auth import get_user_model

        from .auth_backends import USER_VERSION

        register_reader_value(USER_VERSION, invalidated_by={get_user_model(): "pk"})
        # Sent once per app: permissions of models added since reach the role groups.
        post_migrate.connect(grant_role_permissions, dispatch_uid="newsroom.grant_role_permissions")
