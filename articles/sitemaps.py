"""Sitemaps for search engines: the index of reader pages, and Google News' recent articles."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Article, Author, Section, Series, Source, published_q

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


SITEMAPS = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "authors": AuthorSitemap,
    "series": SeriesSitemap,
    "sources": SourceSitemap,
}


def news_sitemap_articles(*, now):
    """Articles for the Google News sitemap: published in the window ending now, newest first."""
    return (
        Article.objects.published()
        .published_since(now - NEWS_SITEMAP_WINDOW)
        .newest_first()
        .only("slug", "headline", "published_at")[:NEWS_SITEMAP_LIMIT]
    )
