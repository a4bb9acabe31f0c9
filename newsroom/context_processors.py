from django.conf import settings

from articles.models import Section

SITE_DESCRIPTION = "International news translated into English from the world's best newspapers."


def site(request):
    """Site name and the section navigation, shown in the chrome of every page."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "SITE_DESCRIPTION": SITE_DESCRIPTION,
        "nav_sections": Section.objects.navigation(),
    }
