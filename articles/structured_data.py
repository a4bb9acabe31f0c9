"""schema.org structured data (JSON-LD) for article pages.

`news_article` builds the NewsArticle object, following Google's guidance for paywalled
content: `isAccessibleForFree` says whether a reader without a subscription gets the whole
story, and when they do not, `hasPart` names the gated part of the page with a CSS class
(the template puts that class on the withheld text for subscribers and on the paywall
block for everyone else). `BreadcrumbList` objects go on section and article pages.
A translation carries `translator`, `inLanguage: "en"` and `translationOfWork`, the
original as a CreativeWork (headline, url, language, date, author, its newspaper).
`json_ld` renders any such object as a safe script tag.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from newsroom.lib.urls import absolute_url

# The class the article template puts on the part of the body a paywall withholds.
PAYWALLED_CLASS = "story__paywalled"
PAYWALLED_SELECTOR = f".{PAYWALLED_CLASS}"


def news_article(article, *, accessible_for_free: bool) -> dict:
    """The NewsArticle object for an article page (authors and section already fetched)."""
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline[:110],
        "description": article.dek,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat(),
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute_url(author.get_absolute_url())}
            for author in article.byline_authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute_url("/"),
            "logo": {"@type": "ImageObject", "url": absolute_url(static("img/logo.png"))},
        },
        "articleSection": article.section.name,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "isAccessibleForFree": accessible_for_free,
    }
    if article.lead_image:
        data["image"] = [absolute_url(article.lead_image_url(width_index=-1))]
    if article.original_url:
        data["isBasedOn"] = article.original_url
    data["inLanguage"] = "en"
    if article.translator:
        data["translator"] = {
            "@type": "Person",
            "name": article.translator.name,
            "url": absolute_url(reverse("articles:translator", args=[article.translator.slug])),
        }
    if article.source:
        data["translationOfWork"] = original_work(article)
    if not accessible_for_free:
        data["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": PAYWALLED_SELECTOR,
        }
    return {key: value for key, value in data.items() if value is not None}


def original_work(article) -> dict:
    """The story this article translates, as a CreativeWork (blank details left out)."""
    source = article.source
    publisher = {"@type": "Organization", "name": source.name}
    if source.homepage:
        publisher["url"] = source.homepage
    work = {
        "@type": "CreativeWork",
        "headline": article.original_headline or None,
        "url": article.original_url or None,
        "inLanguage": article.source_language or None,
        "datePublished": (
            article.original_published_at.isoformat() if article.original_published_at else None
        ),
        "author": (
            {"@type": "Person", "name": article.original_author}
            if article.original_author
            else None
        ),
        "publisher": publisher,
    }
    return {key: value for key, value in work.items() if value is not None}


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
