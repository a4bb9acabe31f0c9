"""The project package as an app: the wiring that belongs to no one app (staff roles)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

from newsroom.lib.roles import grant_role_permissions


class NewsroomConfig(AppConfig):
    name = "newsroom"

    def ready(self) -> None:
        # Sent once per app: permissions of models added since reach the role groups.
        post_migrate.connect(grant_role_permissions, dispatch_uid="newsroom.grant_role_permissions")
