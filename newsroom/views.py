"""Site-wide views: the home page, the trust pages, robots.txt, /healthz, error and lockout
pages, media.

`media` serves only PUBLIC_MEDIA_PREFIXES (renditions, author photos); the error pages
render without context processors or queries, so they work while the database is down.
"""

import logging
import math
import posixpath
from collections import defaultdict

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.template.defaultfilters import pluralize
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.static import serve

from articles.cached import with_bylines
from articles.models import Article, Section
from newsroom.lib.urls import absolute_url

from .caching import cached, current_generation
from .lib.ratelimit import too_many_attempts

SECTION_BLOCK_SIZE = 4
SERIES_BLOCK_SIZE = 3
logger = logging.getLogger(__name__)


def home_blocks() -> dict:
    """Lead story, the newest of each series, a block per section, and the latest stories.

    Each story appears once: a block leaves out what a block above it already shows.
    """
    # Cards never show the body: leaving it out keeps the cache entry small.
    published = Article.objects.published().newest_first().for_cards().defer("body")
    lead = published.filter(featured=True).first() or published.first()
    shown: set[int] = {lead.pk} if lead else set()
    series_picks = list(published.exclude(pk__in=shown).latest_in_each_series()[:SERIES_BLOCK_SIZE])
    shown.update(article.pk for article in series_picks)
    by_section = defaultdict(list)
    in_sections = published.exclude(pk__in=shown).newest_in_each_section(SECTION_BLOCK_SIZE)
    for article in with_bylines(in_sections):
        by_section[article.section_id].append(article)
        shown.add(article.pk)
    section_blocks = [
        (section, by_section[section.pk])
        for section in Section.objects.navigation()
        if by_section[section.pk]
    ]
    return {
        "lead": with_bylines([lead])[0] if lead else None,
        "series_picks": with_bylines(series_picks),
        "section_blocks": section_blocks,
        "latest": with_bylines(published.exclude(pk__in=shown)[:8]),
    }


def home(request):
    """The front page, its blocks from the content cache."""
    generation = current_generation()
    blocks = cached("home", home_blocks, generation=generation)
    return render(request, "home.html", {**blocks, "content_generation": generation})


def find_flatpage(url: str) -> FlatPage | None:
    return FlatPage.objects.filter(url=url, sites=settings.SITE_ID).first()


def trust_page(request, url: str):
    """A page editors write in the admin (flatpages: About, Privacy, ...), from the content
    cache; FlatPage is a content model (newsroom/apps.py), so an edit shows at once."""
    generation = current_generation()
    page = cached(f"flatpage:{url}", lambda: find_flatpage(url), generation=generation)
    if page is None:
        raise Http404("No page has this address.")
    if page.registration_required and not request.user.is_authenticated:
        return redirect_to_login(request.path)
    return render(
        request,
        page.template_name or "flatpages/default.html",
        {"flatpage": page, "content_generation": generation},
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


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database is unreachable")
        return False


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        logger.exception("Health check: the cache is unreachable")
        return False


@never_cache
def healthz(request):
    """For load balancers: 200 when the database and cache answer, 503 otherwise.

    The body says only which part failed; the reason goes to the log, not to the caller.
    """
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "unavailable"}
    body.update({name: "ok" if ok else "failing" for name, ok in checks.items()})
    return JsonResponse(body, status=200 if healthy else 503)


def login_locked_out(request, original_response=None, credentials=None):
    """The page django-axes shows once a login is locked out (429, with how long to wait)."""
    seconds = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds())
    minutes = math.ceil(seconds / 60)
    return too_many_attempts(
        request,
        retry_after=seconds,
        heading="Too many failed sign-in attempts",
        reason=(
            f"After {settings.AXES_FAILURE_LIMIT} wrong passwords in a row, signing in to this "
            f"account from your connection is paused for {minutes} minute{pluralize(minutes)}. "
            "This protects the account from password guessing."
        ),
    )


def csrf_failure(request, reason=""):
    """A refused form (Django's CSRF check, or newsroom.lib.csrf), in the site's own style."""
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    """A refused address (a null character in it, say), in the site's own style."""
    return render(request, "400.html", status=400)


def server_error(request):
    """The 500 page, rendered without context processors or queries: the database may be down."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"SITE_NAME": settings.SITE_NAME}))


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""
    return redirect(static("img/favicon.svg"))


# Longest name of one file or folder on common file systems (ext4, XFS, APFS: 255 bytes).
NAME_MAX_BYTES = 255


def media(request, path: str):
    """Uploaded files readers may fetch (SERVE_MEDIA): the public prefixes only.

    The name is checked before the disk is asked: one too long for the file system, or
    outside PUBLIC_MEDIA_PREFIXES (an original upload, say), is a 404 like a missing file.
    """
    name = posixpath.normpath(path).lstrip("/")
    if not name.startswith(settings.PUBLIC_MEDIA_PREFIXES) or any(
        len(part.encode()) > NAME_MAX_BYTES for part in name.split("/")
    ):
        raise Http404("No such file.")
    return serve(request, name, document_root=settings.MEDIA_ROOT)
