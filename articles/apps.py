from django.apps import AppConfig
from django.db.models.signals import pre_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from . import signals

        signals.connect()

        from taggit.models import Tag

        from .tagging import give_tag_a_slug

        pre_save.connect(give_tag_a_slug, sender=Tag, dispatch_uid="articles.give_tag_a_slug")
