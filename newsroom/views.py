from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse

from articles.models import Article, Section
from articles.seo import absolute_url

SECTION_BLOCK_SIZE = 4
SERIES_BLOCK_SIZE = 3


def home(request):
    """Lead story, the newest of each series, a block per section, and the latest stories."""
    published = Article.objects.published().newest_first().for_cards()
    lead = published.filter(featured=True).first() or published.first()
    others = published.exclude(pk=lead.pk) if lead else published
    section_blocks = []
    for section in Section.objects.navigation():
        articles = list(others.in_section(section)[:SECTION_BLOCK_SIZE])
        if articles:
            section_blocks.append((section, articles))
    return render(
        request,
        "home.html",
        {
            "lead": lead,
            "series_picks": others.latest_in_each_series()[:SERIES_BLOCK_SIZE],
            "section_blocks": section_blocks,
            "latest": others[:8],
        },
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {absolute_url(reverse('articles:sitemap'))}",
        f"Sitemap: {absolute_url(reverse('articles:news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """The 500 page, rendered without context processors or queries: the database may be down."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"SITE_NAME": settings.SITE_NAME}))
