"""The one place that decides when cached values go stale: model signals, wired once.

A save, delete or many-to-many change of a registered content model starts a new
generation; of a model a shared value depends on, forgets that value; of a model a
per-reader value depends on, forgets that reader's value. Both happen now,
for this process, and again when the transaction commits, so another app server cannot
re-cache the old rows in between. Proxies count as their concrete model.
"""

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import registry
from .generation import start_new_generation


def model_changed(sender: Any, using: str | None = None, **kwargs: Any) -> None:
    if registry.is_content_model(sender):
        start_new_generation()
        transaction.on_commit(start_new_generation, using=using)
    for value in registry.values_invalidated_by(sender):
        value.forget()
        transaction.on_commit(value.forget, using=using)
    instance = kwargs.get("instance")
    for reader_value, attribute in registry.reader_values_invalidated_by(sender):
        user_id = getattr(instance, attribute, None)
        if user_id is not None:
            reader_value.forget(user_id)
            transaction.on_commit(partial(reader_value.forget, user_id), using=using)


def connect() -> None:
    """Called once, by the newsroom app's ready()."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(model_changed, dispatch_uid="newsroom.caching.model_changed")
