"""What invalidates the caches, declared by the apps that own it (in AppConfig.ready()).

    caching.register_content_models(Article, Section, ...)     # a change: new generation
    caching.register_scheduled_changes(next_scheduled_publication)
    caching.register_shared_value(POLICY, invalidated_by=[MeterPolicy, ...])
    caching.register_reader_value(STATE, invalidated_by={Subscription: "user_id"})

The registry only records; newsroom.caching.invalidation connects the model signals to
it, and newsroom.caching.generation reads the scheduled changes and the shared values to
read with the generation. The package itself knows no domain model.
"""

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:  # only a type here: data.py imports generation.py, which imports this
    from .data import SharedValue
    from .readers import ReaderValue

ModelClass = type[models.Model]

# Concrete models whose rows appear on reader pages: a change starts a new generation.
_content_models: set[ModelClass] = set()
# Callables giving the next moment content changes without a save (a scheduled article).
_scheduled_changes: list[Callable[[], datetime | None]] = []
# Shared values, with the concrete models whose changes make them stale.
_shared_values: dict[str, "SharedValue[Any]"] = {}
_value_models: dict[ModelClass, list["SharedValue[Any]"]] = {}
# Per-reader values, with the models whose changes make one reader's value stale and the
# attribute of a row that names its reader.
_reader_models: dict[ModelClass, list[tuple["ReaderValue[Any]", str]]] = {}


def _concrete(model: ModelClass) -> ModelClass:
    """The model whose table holds the rows: a proxy model's concrete model, or itself."""
    concrete = model._meta.concrete_model
    assert concrete is not None  # Django sets it on every model class it creates
    return concrete


def register_content_models(*models_shown: ModelClass) -> None:
    """Models whose rows reader pages show (through models and tags included)."""
    for model in models_shown:
        _content_models.add(_concrete(model))


def register_scheduled_changes(next_change: Callable[[], datetime | None]) -> None:
    """next_change() says when content next changes on its own (None: never)."""
    if next_change not in _scheduled_changes:
        _scheduled_changes.append(next_change)


def register_shared_value(
    value: "SharedValue[Any]", *, invalidated_by: Iterable[ModelClass]
) -> None:
    """value is forgotten whenever a row of one of these models changes."""
    _shared_values[value.key] = value
    for model in invalidated_by:
        dependants = _value_models.setdefault(_concrete(model), [])
        if value not in dependants:
            dependants.append(value)


def register_reader_value(
    value: "ReaderValue[Any]", *, invalidated_by: dict[ModelClass, str]
) -> None:
    """value(user_id) is forgotten whenever a row of one of these models changes: the
    reader is the row's attribute named here (e.g. {Subscription: "user_id"})."""
    for model, attribute in invalidated_by.items():
        dependants = _reader_models.setdefault(_concrete(model), [])
        if (value, attribute) not in dependants:
            dependants.append((value, attribute))


def content_models() -> frozenset[ModelClass]:
    return frozenset(_content_models)


def is_content_model(sender: object) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.concrete_model in _content_models


def values_invalidated_by(sender: object) -> list["SharedValue[Any]"]:
    meta = getattr(sender, "_meta", None)
    return _value_models.get(meta.concrete_model, []) if meta is not None else []


def reader_values() -> list["ReaderValue[Any]"]:
    """Every registered per-reader value, once each."""
    found: dict[str, ReaderValue[Any]] = {}
    for dependants in _reader_models.values():
        for value, _attribute in dependants:
            found.setdefault(value.name, value)
    return list(found.values())


def reader_values_invalidated_by(sender: object) -> list[tuple["ReaderValue[Any]", str]]:
    meta = getattr(sender, "_meta", None)
    return _reader_models.get(meta.concrete_model, []) if meta is not None else []


def next_scheduled_change() -> datetime | None:
    """The soonest moment any app's content changes on its own, or None."""
    moments = [moment for next_change in _scheduled_changes if (moment := next_change())]
    return min(moments, default=None)


def keys_read_with_generation() -> list[str]:
    """Shared values every page asks for: fetched in the generation's round trip."""
    return [key for key, value in _shared_values.items() if value.read_with_generation]
