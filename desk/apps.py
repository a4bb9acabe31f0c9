from django.apps import AppConfig
from django.db.models.signals import post_save


class DeskConfig(AppConfig):
    name = "desk"
    verbose_name = "Translation desk"

    def ready(self) -> None:
        # Imported here: models exist only once the app registry is ready.
        from articles.models import WorkflowEvent

        from .services.stories import follow_article_workflow

        # The article workflow knows nothing of the desk (it sits below it): the desk
        # follows its moves, so a published translation marks its story published.
        post_save.connect(
            follow_article_workflow,
            sender=WorkflowEvent,
            dispatch_uid="desk.follow_article_workflow",
        )
