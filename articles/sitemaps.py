"""Sitemaps for search engines: the index of reader pages, and Google News' recent articles."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article, Author, Section, Series, Source, country_page_url, published_q

# Google News reads only articles published in the last two days, at most 1,000 of them.
NEWS_SITEMAP_WINDOW = timedelta(hours=48)
NEWS_SITEMAP_LIMIT = 1000


class PublicSitemap(Sitemap):
    """Locations on SITE_URL, whatever host name the crawler used to reach us."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def lastmod(self, item):
        return item.last_published_at


class ArticleSitemap(PublicSitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().newest_first().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class _WithPublishedArticles(PublicSitemap):
    """Pages listing articles: only those with a published article, dated by the newest."""

    model: type[Section | Author | Series | Source]
    articles_path = "articles__"
    changefreq = "daily"

    def items(self):
        return (
            self.model._default_manager.annotate(
                last_published_at=Max(
                    f"{self.articles_path}published_at", filter=published_q(self.articles_path)
                )
            )
            .filter(last_published_at__isnull=False)
            .order_by("pk")
        )


class SectionSitemap(_WithPublishedArticles):
    model = Section
    changefreq = "hourly"


class AuthorSitemap(_WithPublishedArticles):
    model = Author
    articles_path = "bylines__article__"


class SeriesSitemap(_WithPublishedArticles):
    model = Series


class SourceSitemap(_WithPublishedArticles):
    model = Source


class TranslatorSitemap(_WithPublishedArticles):
    model = Author
    articles_path = "translations__"

    def location(self, item):
        return reverse("articles:translator", kwargs={"slug": item.slug})


class CountrySitemap(PublicSitemap):
    """The country pages of the countries published stories are about."""

    changefreq = "daily"

    def items(self):
        return list(
            Article.objects.published()
            .exclude(country="")
            .values("country")
            .annotate(last_published_at=Max("published_at"))
            .order_by("country")
        )

    def location(self, item):
        return country_page_url(item["country"])

    def lastmod(self, item):
        return item["last_published_at"]


class OurSourcesSitemap(PublicSitemap):
    """The Our sources page, dated by the newest story."""

    changefreq = "daily"

    def items(self):
        return ["articles:sources"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return Article.objects.published().aggregate(latest=Max("published_at"))["latest"]


SITEMAPS = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "authors": AuthorSitemap,
    "series": SeriesSitemap,
    "sources": SourceSitemap,
    "translators": TranslatorSitemap,
    "countries": CountrySitemap,
    "our-sources": OurSourcesSitemap,
}


def news_sitemap_articles(*, now):
    """Articles for the Google News sitemap: published in the window ending now, newest first."""
    return (
        Article.objects.published()
        .published_since(now - NEWS_SITEMAP_WINDOW)
        .newest_first()
        .only("slug", "headline", "published_at")[:NEWS_SITEMAP_LIMIT]
    )
