"""Article data kept in the content cache (newsroom.caching), the same for every reader.

What an article page shows besides the body the paywall cuts (the article with its
related and latest lists), the section navigation, each story's search result card, and
the one moment content changes without a save: the next scheduled article going live.
Which models invalidate it is declared in articles/apps.py.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from newsroom.caching import ProcessMemory, cached, cached_many, current_generation

from .models import Article, Section, Source
from .search import ParsedQuery, TextBlock, snippet_of_blocks, text_blocks

RELATED_COUNT = 3
LATEST_COUNT = 5


@dataclass
class ArticlePage:
    """What the article page shows besides the body the paywall cuts: same for everyone."""

    article: Article
    related: list[Article] = field(default_factory=list)
    latest: list[Article] = field(default_factory=list)
    generation: int = 0


def page_for(article: Article, *, generation: int) -> ArticlePage:
    """The related and latest lists around an article (uncached: article_page caches)."""
    others = Article.objects.published().exclude(pk=article.pk).newest_first()
    # Cards never show the body: leaving it out keeps cache entries small.
    related = with_bylines(
        others.in_section(article.section_id).for_cards().defer("body")[:RELATED_COUNT]
    )
    latest = list(others.defer("body")[:LATEST_COUNT])
    [article] = with_bylines([article])
    return ArticlePage(article, related, latest, generation)


def article_page(slug: str) -> ArticlePage | None:
    """The published article at slug with its related and latest lists, or None."""
    generation = current_generation()

    def build() -> ArticlePage | None:
        article = Article.objects.published().for_page().filter(slug=slug).first()
        return None if article is None else page_for(article, generation=generation)

    return cached(f"article:{slug}", build, generation=generation, keep_none=False)


def next_story(article: Article, *, generation: int) -> Article | None:
    """The story offered after this one, as the reference page does (its teaser, then "Keep
    reading"): the newest other story of its series, else the newest story of any series,
    else the newest story. The candidates are cached per series, not per article, so a
    story's first view costs no query for them once its series' are cached."""

    def candidates(series_id: int | None) -> list[Article]:
        def build() -> list[Article]:
            # Two: one of them may be the story being read.
            published = Article.objects.published().newest_first().for_cards()
            if series_id is not None:
                return with_bylines(published.in_series(series_id)[:2])
            return with_bylines(published.filter(series__isnull=False)[:2] or published[:2])

        return cached(f"next-stories:{series_id}", build, generation=generation)

    for series_id in dict.fromkeys([article.series_id, None]):
        story = next((s for s in candidates(series_id) if s.pk != article.pk), None)
        if story is not None:
            return story
    return None


def latest_stories() -> list[Article]:
    """The newest stories, for the rail beside lists (cached per generation)."""
    return cached(
        "latest-stories",
        lambda: list(Article.objects.published().newest_first().defer("body")[:LATEST_COUNT]),
    )


@dataclass
class SourcesOfCountry:
    """One country's part of the Our sources page: its newspapers, by language then name."""

    code: str  # "" for sources whose country nobody recorded
    name: str
    sources: list[Source]


def our_sources() -> list[SourcesOfCountry]:
    """The Our sources page's newspapers, by country name, each with its newest stories."""

    def build() -> list[SourcesOfCountry]:
        sources = list(Source.objects.on_our_list(on=timezone.localdate()))
        # By country name (not code), language name, then newspaper; unknown countries last.
        sources.sort(key=lambda s: (not s.country, s.country_name, s.language_name, s.name.lower()))
        return [
            SourcesOfCountry(code, sources[0].country_name if code else "Elsewhere", sources)
            for code, group in groupby(sources, key=lambda s: s.country.code or "")
            for sources in [list(group)]
        ]

    return cached("our-sources", build)


def navigation_sections() -> list[Section]:
    """The sections of the site navigation, for the chrome of every page."""
    return cached("nav-sections", lambda: list(Section.objects.navigation()))


def with_bylines(articles: Iterable[Article]) -> list[Article]:
    """The articles as a list, byline authors computed so cached copies carry them."""
    articles = list(articles)
    for article in articles:
        article.byline_authors  # noqa: B018
    return articles


def next_scheduled_publication() -> datetime | None:
    """When the next scheduled article goes live (a new content generation then)."""
    upcoming = Article.objects.scheduled().order_by("published_at").first()
    return upcoming.published_at if upcoming else None


# The cards of this process: enough for the stories most searches find (the newest 500
# matches are ranked), a few megabytes.
_search_card_memory = ProcessMemory(size=2000)

# Where a search result's card takes what its query changes; never found in rendered text.
ORIGINAL_HEADLINE_SLOT = mark_safe("<!--search:original-headline-->")
SNIPPET_SLOT = mark_safe("<!--search:snippet-->")


@dataclass(frozen=True)
class SearchCard:
    """One article as a search result shows it, rendered once per content generation and
    paywall policy and shared by every search that finds it; only what the query changes
    is filled in per search (see result_html)."""

    pk: int
    headline: str
    original_headline: str
    # The rendered card, cut where the original headline and the snippet go.
    before_original: str
    before_snippet: str
    after_snippet: str
    # What the paywall shows a reader nobody can identify, as text blocks: snippets come
    # only from here.
    public_blocks: tuple[TextBlock, ...]

    @classmethod
    def of(cls, article: Article, *, public_html: str) -> "SearchCard":
        html = render_to_string(
            "includes/cards/search_result.html",
            {
                "article": article,
                "original_headline_slot": ORIGINAL_HEADLINE_SLOT,
                "snippet_slot": SNIPPET_SLOT,
            },
        )
        before_original, rest = html.split(ORIGINAL_HEADLINE_SLOT)
        before_snippet, after_snippet = rest.split(SNIPPET_SLOT)
        return cls(
            pk=article.pk,
            headline=article.headline,
            original_headline=article.original_headline,
            before_original=before_original,
            before_snippet=before_snippet,
            after_snippet=after_snippet,
            public_blocks=text_blocks(public_html),
        )

    def original_headline_matches(self, query: ParsedQuery) -> bool:
        """Whether the story matched by its original headline (in the source's language), not
        its English one: the result then shows that headline, so readers see why it is there."""
        original, english = self.original_headline.lower(), self.headline.lower()
        needles = [n for n in query.needles if n]
        return (
            bool(original)
            and any(n in original for n in needles)
            and not all(n in english for n in needles)
        )

    def result_html(self, query: ParsedQuery) -> SafeString:
        """The card for this query: the original headline when it matched, and the snippet."""
        original = (
            format_html(
                '<p class="search-result__original">Original headline: “{}”</p>',
                self.original_headline,
            )
            if self.original_headline_matches(query)
            else ""
        )
        passage = snippet_of_blocks(self.public_blocks, query)
        snippet = (
            format_html('<p class="search-result__snippet">{}</p>', passage) if passage else ""
        )
        return mark_safe(
            self.before_original + original + self.before_snippet + snippet + self.after_snippet
        )


def search_cards(
    ids: list[int], *, public_html: Callable[[Article], str], policy_key: str
) -> list[SearchCard]:
    """The cards of these published articles, in this order, from the content cache (one
    round trip); those missing are built with one query. public_html(article) is the part of
    its body a reader nobody can identify may read, under the paywall policy policy_key names."""

    def build(missing: list[int]) -> dict[int, SearchCard]:
        articles = with_bylines(Article.objects.published().filter(pk__in=missing).for_cards())
        return {a.pk: SearchCard.of(a, public_html=public_html(a)) for a in articles}

    found = cached_many(
        ids, lambda pk: f"search-card:{policy_key}:{pk}", build, memory=_search_card_memory
    )
    return [found[pk] for pk in ids if pk in found]
