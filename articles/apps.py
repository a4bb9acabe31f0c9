from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from . import signals
        from .roles import grant_role_permissions

        signals.connect()

        from taggit.models import Tag

        from .tagging import give_tag_a_slug

        pre_save.connect(give_tag_a_slug, sender=Tag, dispatch_uid="articles.give_tag_a_slug")

        # Sent once per app: permissions of models added since reach the role groups.
        post_migrate.connect(grant_role_permissions, dispatch_uid="articles.grant_role_permissions")
