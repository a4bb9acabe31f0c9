"""One switch per caching layer, for debugging: CACHE_LAYERS_OFF (from the environment).

    CACHE_LAYERS_OFF=pages,fragments make run

Names: "data" (generation-keyed data and shared values: every read builds afresh),
"fragments" ({% cache %} keeps nothing), "pages" (no shared article page), "memo" (no
request memo: every part of a page reads the shared cache). CACHE_TRUST_SECONDS=0 turns
the trust window off. Read on every call, so override_settings works in tests.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

LAYERS = frozenset({"data", "fragments", "pages", "memo"})


def layer_on(name: str) -> bool:
    """Whether the caching layer `name` is in use (not listed in CACHE_LAYERS_OFF)."""
    return name not in settings.CACHE_LAYERS_OFF


def check_layer_names(names: list[str]) -> list[str]:
    """The names, refused at start-up when one names no layer (a typo would switch nothing)."""
    unknown = sorted(set(names) - LAYERS)
    if unknown:
        raise ImproperlyConfigured(
            f"CACHE_LAYERS_OFF names no such layer: {', '.join(unknown)} "
            f"(layers: {', '.join(sorted(LAYERS))})."
        )
    return names
