"""The one place that decides when cached content (articles/caching.py) goes stale.

Any save or delete of a model whose data appears on reader pages starts a new content
generation: now, for this process, and again when the transaction commits, so another app
server cannot re-cache the old rows in between.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .caching import start_new_generation

# Models shown on article pages, cards, the home page or the navigation.
CONTENT_MODELS = {
    "articles.Article",
    "articles.ArticleAuthor",
    "images.Image",
    "articles.Author",
    "articles.Section",
    "articles.Series",
    "articles.Source",
    "taggit.Tag",
    "taggit.TaggedItem",
    "newsletters.Newsletter",  # the series signup box on article pages
}


def _is_content(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.concrete_model._meta.label in CONTENT_MODELS


def content_changed(sender, **kwargs):
    if not _is_content(sender):
        return
    start_new_generation()
    transaction.on_commit(start_new_generation, using=kwargs.get("using"))


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid="articles.content_changed")
