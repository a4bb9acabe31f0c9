from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone


class SectionQuerySet(models.QuerySet):
    def navigation(self):
        """Sections shown in the site's navigation, in the editors' order."""
        return self.filter(show_in_navigation=True).order_by("order", "name")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Readable by the public now: published, and not scheduled for later."""
        return self.filter(published_q())

    def in_section(self, section):
        return self.filter(section=section)

    def by_author(self, author):
        return self.filter(bylines__author=author)

    def tagged(self, tag):
        return self.filter(tags=tag)

    def in_series(self, series):
        return self.filter(series=series)

    def from_source(self, source):
        return self.filter(source=source)

    def published_since(self, moment):
        """Published at or after moment (combine with published() to exclude scheduled ones)."""
        return self.filter(published_at__gte=moment)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_cards(self):
        """What a list of article cards shows: section, series, source, ordered authors."""
        from .models import ArticleAuthor

        return self.select_related("section", "series", "source").prefetch_related(
            Prefetch(
                "bylines",
                queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
            )
        )

    def for_page(self):
        """Everything the article page shows, in a fixed number of queries."""
        return self.for_cards().select_related("translator").prefetch_related("tags")

    def search(self, query: str):
        """Simple search over headline, dek and body; PostgreSQL gets full-text search."""
        terms = query.split()[:10]
        condition = Q()
        for term in terms:
            condition &= (
                Q(headline__icontains=term) | Q(dek__icontains=term) | Q(body__icontains=term)
            )
        return self.filter(condition) if terms else self.none()


def published_q(prefix: str = "") -> Q:
    """The published rule as a Q, for use inside other queries (e.g. counting per section)."""
    from .models import Article

    return Q(
        **{
            f"{prefix}status": Article.Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )
