from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from . import signals
        from .roles import grant_role_permissions

        signals.connect()

        # Sent once per app: permissions of models added since reach the role groups.
        post_migrate.connect(grant_role_permissions, dispatch_uid="articles.grant_role_permissions")
