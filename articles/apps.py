from django.apps import AppConfig
from django.db.models.signals import pre_save

from newsroom import caching


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        # Imported here: models (ours and taggit's) exist only once the app registry is ready.
        from taggit.models import Tag, TaggedItem

        from .cached import next_scheduled_publication
        from .models import (
            Article,
            ArticleAuthor,
            Author,
            Section,
            Series,
            Source,
            SourcePermission,
        )
        from .tagging import give_tag_a_slug

        # Shown on article pages, cards, the home page or the navigation (a permission's
        # attribution text is printed under its source's stories).
        caching.register_content_models(
            Article,
            ArticleAuthor,
            Author,
            Section,
            Series,
            Source,
            SourcePermission,
            Tag,
            TaggedItem,
        )
        caching.register_scheduled_changes(next_scheduled_publication)

        pre_save.connect(give_tag_a_slug, sender=Tag, dispatch_uid="articles.give_tag_a_slug")
