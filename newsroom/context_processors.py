from django.conf import settings

from articles.models import Section


def site(request):
    """Site name and the section navigation, shown in the chrome of every page."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "nav_sections": Section.objects.navigation(),
    }
