from django.contrib.sitemaps.views import sitemap
from django.urls import path, register_converter

from . import feeds, views
from .sitemaps import SITEMAPS


class UnicodeSlugConverter:
    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")

app_name = "articles"
urlpatterns = [
    path("latest/", views.LatestView.as_view(), name="latest"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("section/<uslug:slug>/", views.SectionView.as_view(), name="section"),
    path("section/<uslug:slug>/feed/", feeds.SectionFeed(), name="section-feed"),
    path("section/<uslug:slug>/feed/atom/", feeds.SectionAtomFeed(), name="section-feed-atom"),
    path("author/<uslug:slug>/", views.AuthorView.as_view(), name="author"),
    path("author/<uslug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("author/<uslug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author-feed-atom"),
    path("series/<uslug:slug>/", views.SeriesView.as_view(), name="series"),
    path("series/<uslug:slug>/feed/", feeds.SeriesFeed(), name="series-feed"),
    path("series/<uslug:slug>/feed/atom/", feeds.SeriesAtomFeed(), name="series-feed-atom"),
    path("source/<uslug:slug>/", views.SourceView.as_view(), name="source"),
    path("source/<uslug:slug>/feed/", feeds.SourceFeed(), name="source-feed"),
    path("source/<uslug:slug>/feed/atom/", feeds.SourceAtomFeed(), name="source-feed-atom"),
    path("sources/", views.OurSourcesView.as_view(), name="sources"),
    path("country/<str:code>/", views.CountryView.as_view(), name="country"),
    path("translators/<uslug:slug>/", views.TranslatorView.as_view(), name="translator"),
    path("tag/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("tag/<uslug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("tag/<uslug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("article/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("feed/", feeds.ArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.ArticlesAtomFeed(), name="feed-atom"),
    path("preview/<str:token>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("news-sitemap.xml", views.news_sitemap, name="news-sitemap"),
]
