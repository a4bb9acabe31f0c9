from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections, models
from django.db.models import Case, F, Func, OuterRef, Prefetch, Q, Subquery, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from .search import (
    FRAGMENT_DELIMITER,
    MARK_START,
    MARK_STOP,
    MAX_RESULTS,
    SEARCH_CONFIG,
    TAG_PATTERN,
    ParsedQuery,
    parse_query,
)


class SectionQuerySet(models.QuerySet):
    def navigation(self):
        """Sections shown in the site's navigation, in the editors' order."""
        return self.filter(show_in_navigation=True).order_by("order", "name")


class ArticleQuerySet(models.QuerySet):
    """The article's read rules; each status filter is the query form of a workflow state
    (articles.services.workflow moves articles between them)."""

    def published(self) -> "ArticleQuerySet":
        """Readable by the public now: published, and not scheduled for later."""
        return self.filter(published_q())

    def not_published(self) -> "ArticleQuerySet":
        """Everything readers cannot see now: drafts, in review, scheduled, unpublished."""
        return self.exclude(published_q())

    def drafts(self) -> "ArticleQuerySet":
        """Articles still being written: neither submitted nor ever published."""
        return self.filter(status=self.model.Status.DRAFT)

    def unpublished(self) -> "ArticleQuerySet":
        """Articles an editor took down after they were published."""
        return self.filter(status=self.model.Status.UNPUBLISHED)

    def scheduled(self) -> "ArticleQuerySet":
        """Published with a future date: they will appear on their own at that time."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=timezone.now())

    def awaiting_review(self) -> "ArticleQuerySet":
        """Submitted by a writer and waiting for an editor, longest-waiting first."""
        return self.filter(status=self.model.Status.IN_REVIEW).order_by("status_changed_at", "pk")

    def owned_by(self, user):
        """Articles a staff member started, or whose byline carries their author profile."""
        if not user.is_authenticated:
            return self.none()
        mine = Q(created_by=user) | Q(pk__in=self.model.objects.filter(bylines__author__user=user))
        return self.filter(mine)

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

    def latest_in_each_series(self):
        """The newest article of each series, among the articles of this queryset."""
        newest = self.filter(series=OuterRef("series")).order_by("-published_at", "-pk")
        return self.filter(series__isnull=False, pk=Subquery(newest.values("pk")[:1]))

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def newest_in_each_section(self, per_section: int):
        """The newest `per_section` articles of every section, in one query, not one per section."""
        rank = Window(
            RowNumber(),
            partition_by=[F("section")],
            order_by=[F("published_at").desc(), F("pk").desc()],
        )
        return self.annotate(rank_in_section=rank).filter(rank_in_section__lte=per_section)

    def for_cards(self):
        """What a list of article cards shows: section, series, source, ordered authors."""
        from .models import ArticleAuthor

        return self.select_related("section", "series", "source", "lead_image").prefetch_related(
            Prefetch(
                "bylines",
                queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
            )
        )

    def for_page(self):
        """Everything the article page shows, in a fixed number of queries."""
        return self.for_cards().select_related("translator").prefetch_related("tags")

    def search(self, query: str):
        """Rows matching a reader's query, best first, with `search_headline` on PostgreSQL;
        chain after published().

        Only the MAX_RESULTS newest matches are considered, so a query matching most of
        the archive costs no more than a precise one. PostgreSQL ranks them by the stored
        search vector; elsewhere every word is matched with LIKE and the newest come first.
        """
        parsed = parse_query(query)
        if not parsed:
            return self.none()
        return self._best_first(parsed).with_search_headlines(query)

    def search_ids(self, query: str) -> list[int]:
        """The ids of search(query), best first: one cheap query, small enough to cache;
        pages of rows then come from in_search_order()."""
        parsed = parse_query(query)
        if not parsed:
            return []
        return list(self._best_first(parsed).values_list("pk", flat=True))

    def in_search_order(self, ids: list[int], query: str):
        """These rows (a page of search_ids) in that order, with their search headlines."""
        position = Case(*(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)))
        return self.filter(pk__in=ids).with_search_headlines(query).order_by(position)

    def with_search_headlines(self, query: str):
        """On PostgreSQL, `search_headline`: the body's passage around the query's words.

        Cut from the whole body: show it only through articles.search.result_snippet."""
        parsed = parse_query(query)
        if not parsed or connections[self.db].vendor != "postgresql":
            return self
        # The snippet is cut from the body's text, without its tags.
        body_text = Func(
            F("body"), Value(TAG_PATTERN), Value(" "), Value("g"), function="regexp_replace"
        )
        return self.annotate(
            search_headline=SearchHeadline(
                body_text,
                _tsquery(parsed),
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=FRAGMENT_DELIMITER,
            )
        )

    def _best_first(self, parsed: ParsedQuery):
        full_text = connections[self.db].vendor == "postgresql"
        if full_text:
            matches = self.filter(search_vector=_tsquery(parsed))
        else:
            matches = self._substring_search(parsed)
        newest = matches.order_by("-published_at", "-pk").values("pk")[:MAX_RESULTS]
        candidates = self.model._default_manager.using(self.db).filter(pk__in=newest)
        if full_text:
            return candidates.annotate(
                search_rank=SearchRank(F("search_vector"), _tsquery(parsed))
            ).order_by("-search_rank", "-published_at", "-pk")
        return candidates.newest_first()

    def _substring_search(self, parsed: ParsedQuery):
        condition = Q()
        for needle in parsed.needles:
            condition &= (
                Q(headline__icontains=needle) | Q(dek__icontains=needle) | Q(body__icontains=needle)
            )
        return self.filter(condition)

    def update_search_vector(self) -> int:
        """Recompute the stored full-text vector of these rows (PostgreSQL only)."""
        if connections[self.db].vendor != "postgresql":
            return 0
        return self.update(search_vector=search_vector_expression())


def search_vector_expression():
    """Headline weighs most (A), then the dek (B), then the body (C)."""
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector("dek", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


def _tsquery(parsed: ParsedQuery) -> SearchQuery:
    return SearchQuery(parsed.tsquery(), search_type="raw", config=SEARCH_CONFIG)


def published_q(prefix: str = "") -> Q:
    """The published rule as a Q, for use inside other queries (e.g. counting per section)."""
    from .models import Article

    return Q(
        **{
            f"{prefix}status": Article.Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )
