from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles.cached import navigation_sections
from newsroom.caching import current_generation, fragment_seconds

SITE_DESCRIPTION = "International news translated into English from the world's best newspapers."


def site(request):
    """Site name and the section navigation, shown in the chrome of every page."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "SITE_DESCRIPTION": SITE_DESCRIPTION,
        # Lazy: pages that never show the navigation (feeds, the admin) never read the cache.
        "nav_sections": SimpleLazyObject(navigation_sections),
        # Keys the fragments cached with {% cache %} (read once per request, if used).
        "content_generation": SimpleLazyObject(current_generation),
        # Their lifetimes: {% cache cache_seconds.home ... %}.
        "cache_seconds": fragment_seconds(),
    }
