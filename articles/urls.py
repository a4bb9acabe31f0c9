from django.contrib.sitemaps.views import sitemap
from django.urls import path, register_converter

from . import views
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
    path("author/<uslug:slug>/", views.AuthorView.as_view(), name="author"),
    path("series/<uslug:slug>/", views.SeriesView.as_view(), name="series"),
    path("source/<uslug:slug>/", views.SourceView.as_view(), name="source"),
    path("tag/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("article/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
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
