"""Caching for reader pages: five layers, one package, the rules that keep them safe in code.

    request ─▶ memo ─▶ shared page ─▶ fragments ─▶ data ─▶ database
               (per     (per process,   ({% cache %},  (shared cache +
               request)  anonymous)      per process)   process memory)
                     all keyed by the content generation (shared cache)

- generation.py: the number that keys everything; a registered model's change replaces it.
- data.py: cached() values per generation (cached_many() for many at once); SharedValue
  for the policy and plans.
- pages.py: whole anonymous pages per (generation, address, variant), refused if personal.
- memo.py: one read per request of each shared value.
- readers.py: ReaderValue, one signed-in reader's own values, forgotten on their changes.
- registry.py / invalidation.py: apps declare their content models and shared values in
  AppConfig.ready(); one receiver turns model signals into invalidation.
- fragments.py: {% cache %} lifetimes from settings.CACHE_FRAGMENT_SECONDS.
- switches.py: CACHE_LAYERS_OFF switches a layer off for debugging.

docs/caching.md draws the layers and lists the invariants with the
test that enforces each. This package imports no domain app: domain apps import it.
"""

from .data import MISSING, ProcessMemory, SharedValue, cached, cached_many
from .fragments import fragment_seconds
from .generation import GENERATION_KEY, current_generation, start_new_generation
from .memo import RequestMemoMiddleware, request_memo
from .readers import ReaderValue, prefetch_reader_values
from .registry import (
    content_models,
    register_content_models,
    register_reader_value,
    register_scheduled_changes,
    register_shared_value,
)
from .switches import layer_on

__all__ = [
    "GENERATION_KEY",
    "MISSING",
    "ProcessMemory",
    "ReaderValue",
    "RequestMemoMiddleware",
    "SharedValue",
    "cached",
    "cached_many",
    "content_models",
    "current_generation",
    "fragment_seconds",
    "layer_on",
    "prefetch_reader_values",
    "register_content_models",
    "register_reader_value",
    "register_scheduled_changes",
    "register_shared_value",
    "request_memo",
    "start_new_generation",
]
