"""What search engines and social networks read about a page: absolute URLs and breadcrumbs."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse


def absolute_url(path_or_url: str) -> str:
    """The public address of a path on this site (SITE_URL); absolute URLs pass unchanged."""
    if not path_or_url or urlsplit(path_or_url).scheme:
        return path_or_url
    return f"{settings.SITE_URL}{path_or_url}"


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict:
    """schema.org BreadcrumbList from (name, path) pairs, outermost first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute_url(url)}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def section_breadcrumbs(section) -> dict:
    return breadcrumb_list([("Home", reverse("home")), (section.name, section.get_absolute_url())])


def article_breadcrumbs(article) -> dict:
    return breadcrumb_list(
        [
            ("Home", reverse("home")),
            (article.section.name, article.section.get_absolute_url()),
            (article.headline, article.get_absolute_url()),
        ]
    )
