"""Template fragments ({% cache %}): lifetimes from settings, one switch to turn them off.

Templates never write a lifetime: `{% cache cache_seconds.home home content_generation %}`,
with `cache_seconds` put in every page's context by newsroom.context_processors.site and
the numbers in settings.CACHE_FRAGMENT_SECONDS. Every fragment is keyed by the content
generation, so a process keeps its own copies (CACHES["template_fragments"], in memory).
With CACHE_LAYERS_OFF=fragments every lifetime is 0, which Django's cache never keeps.
"""

from django.conf import settings

from .switches import layer_on


def fragment_seconds() -> dict[str, int]:
    """The lifetime of each named fragment, 0 for all while the layer is off."""
    if layer_on("fragments"):
        return settings.CACHE_FRAGMENT_SECONDS
    return dict.fromkeys(settings.CACHE_FRAGMENT_SECONDS, 0)
