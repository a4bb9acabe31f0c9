"""Reader pages of the article domain: lists, search, the article page, preview, sitemaps.

Views are thin: each parses the request, asks a queryset or a service (the paywall's gate
decides what an article page and a search snippet may show) and renders. Search results
reach the paginator through `SearchResults`, which builds one page of result cards at a time.
"""

import hashlib
from collections.abc import Sequence
from typing import Any, cast

from django.contrib.sitemaps.views import (  # type: ignore[attr-defined]  # not in the stubs
    SitemapIndexItem,
    x_robots_tag,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from newsroom.caching import cached, current_generation, pages
from newsroom.lib.signing import ExpiredToken, InvalidToken
from newsroom.lib.urls import absolute_url
from paywall.gate import ArticleGate, gate_article
from paywall.services.access import Access
from paywall.services.policy import Policy, get_policy
from paywall.services.teaser import public_body, split_body

from .cached import (
    ArticlePage,
    article_page,
    latest_stories,
    next_story,
    our_sources,
    page_for,
    search_cards,
)
from .languages import country_name
from .models import Article, Author, Section, Series, Source, country_page_url
from .search import (
    MAX_RESULTS,
    SEARCH_CACHE_SECONDS,
    display_query,
    parse_query,
)
from .services import preview
from .sitemaps import SITEMAPS, news_sitemap_articles
from .structured_data import news_article

PAGE_SIZE = 20


class ArticleListView(ListView):
    """A paginated list of published articles, newest first, as cards."""

    paginate_by = PAGE_SIZE
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    heading = ""

    def get_articles(self):
        return Article.objects.published()

    def get_queryset(self):
        return self.get_articles().newest_first().for_cards()

    def count(self, queryset) -> int:
        """The list's length, cached for the content generation like the list itself (a
        fragment of the template): a warm list page runs no SQL."""
        return cached(f"list-count:{self.request.path}", queryset.count)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        paginator.count = self.count(queryset)
        # get_page() turns ?page=abc into page 1 and a page past the end into the last one.
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_subject(self, model):
        """The section, author, tag… at this address (cached per generation), or 404."""
        slug = self.kwargs["slug"]
        subject = cached(
            f"list-subject:{model._meta.label}:{slug}",
            lambda: model.objects.filter(slug=slug).first(),
            keep_none=False,
        )
        if subject is None:
            raise Http404(f"No {model._meta.verbose_name} has this address.")
        return subject

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("heading", self.heading)
        context["content_generation"] = current_generation()
        # Lazy: a warm rail fragment never reads it.
        context["latest"] = SimpleLazyObject(latest_stories)
        return context


class LatestView(ArticleListView):
    heading = "The latest"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            description="The newest stories translated from the world's press, as they appear.",
            **kwargs,
        )


class SectionView(ArticleListView):
    template_name = "articles/section_detail.html"

    def get_articles(self):
        self.section = self.get_subject(Section)
        return super().get_articles().in_section(self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            heading=self.section.name,
            description=self.section.description,
            current_section_slug=self.section.slug,
            **kwargs,
        )


class AuthorView(ArticleListView):
    template_name = "articles/author_detail.html"

    def get_articles(self):
        self.author = self.get_subject(Author)
        return super().get_articles().by_author(self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author, heading=self.author.name, description=self.author.bio, **kwargs
        )


class SeriesView(ArticleListView):
    template_name = "articles/series_detail.html"

    def get_articles(self):
        self.series = self.get_subject(Series)
        return super().get_articles().in_series(self.series)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            series=self.series,
            heading=self.series.name,
            description=self.series.description,
            **kwargs,
        )


class SourceView(ArticleListView):
    template_name = "articles/source_detail.html"

    def get_articles(self):
        self.source = self.get_subject(Source)
        return super().get_articles().from_source(self.source)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            source=self.source,
            heading=self.source.name,
            description=f"Stories translated from {self.source.name}, {self.source.kind}.",
            **kwargs,
        )


class CountryView(ArticleListView):
    """The stories about one country, by its ISO code: /country/fr/ (404 for no country)."""

    template_name = "articles/country_detail.html"

    def get(self, request, *args, **kwargs):
        code = self.kwargs["code"]
        if not country_name(code.upper()):
            raise Http404("No country has this code.")
        if code != code.lower():
            return redirect(country_page_url(code), permanent=True)
        return super().get(request, *args, **kwargs)

    def get_articles(self):
        return super().get_articles().about_country(self.kwargs["code"])

    def get_context_data(self, **kwargs):
        name = country_name(self.kwargs["code"].upper())
        return super().get_context_data(
            country_name=name,
            heading=name,
            description=f"Stories about {name}, translated into English from the world's press.",
            **kwargs,
        )


class TranslatorView(ArticleListView):
    """A translator's published translations (404 for an author who translated none)."""

    template_name = "articles/translator_detail.html"

    def get_articles(self):
        self.translator = self.get_subject(Author)
        articles = super().get_articles().translated_by(self.translator)
        if not self.count(articles):
            raise Http404("This author has no published translations.")
        return articles

    def get_context_data(self, **kwargs):
        name = self.translator.name
        return super().get_context_data(
            translator=self.translator,
            heading=name,
            description=self.translator.bio or f"Stories translated into English by {name}.",
            **kwargs,
        )


class OurSourcesView(TemplateView):
    """Every newspaper we translate, by country and language, with its newest stories."""

    template_name = "articles/our_sources.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(countries=our_sources(), **kwargs)


class TagView(ArticleListView):
    template_name = "articles/tag_detail.html"

    def get_articles(self):
        self.tag = self.get_subject(Tag)
        return super().get_articles().tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tag=self.tag,
            heading=self.tag.name,
            description=f"Stories about {self.tag.name}, translated from the world's press.",
            **kwargs,
        )


class SearchResults(Sequence[SafeString]):
    """A query's matches for the paginator: their ids, best first (cached by the view), and
    the results of one page (each its card's HTML for this query), built only when the page
    is shown.

    A result's snippet is cut only from what the paywall shows a reader nobody can identify
    (the teaser of a paywalled story; ranking still reads the whole body), so the cards, and a
    page of results cached as a fragment, are kept per policy.
    """

    def __init__(self, ids: list[int], query: str, *, policy: Policy):
        self.ids = ids
        self.query = query
        self.policy = policy

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            ids = self.ids[index]
            # Lazy: a page whose rendering comes from the fragment cache never builds it.
            return SimpleLazyObject(lambda: self._page(ids))
        return self[index : index + 1][0]

    def _page(self, ids: list[int]) -> list[SafeString]:
        now = timezone.now()
        cards = search_cards(
            ids,
            public_html=lambda article: public_body(article=article, now=now, policy=self.policy),
            policy_key=policy_key(self.policy),
        )
        parsed = parse_query(self.query)
        return [card.result_html(parsed) for card in cards]


def policy_key(policy: Policy) -> str:
    """A short name for the policy, the same in every process, for cache keys."""
    return hashlib.sha256(repr(policy).encode()).hexdigest()[:16]


class SearchView(ArticleListView):
    template_name = "articles/search.html"
    max_query_length = 200

    def get_queryset(self):
        # A query's ranked ids are cached for the content generation (any change to the
        # content, or a scheduled article going live, starts a new one), briefly; so is
        # each page of results, as a fragment of search.html: a repeated search runs no
        # SQL, and a new one ranks once, then fetches only the rows of the page shown.
        self.query = " ".join(self.request.GET.get("q", "").split())[: self.max_query_length]
        digest = hashlib.sha256(self.query.encode()).hexdigest()
        ids = cached(
            f"search:{digest}:ids",
            lambda: Article.objects.published().search_ids(self.query),
            timeout=SEARCH_CACHE_SECONDS,
            in_process=False,
        )
        # Snippets show what the paywall lets anyone see: the page is cached per policy too.
        self.policy = get_policy()
        self.results = SearchResults(ids, self.query, policy=self.policy)
        return self.results

    def count(self, results) -> int:
        return len(results)

    def suggestion(self) -> str:
        """A corrected query ("did you mean") when nothing matches, cached like the ids."""
        if len(self.results) or not self.query:
            return ""
        digest = hashlib.sha256(self.query.encode()).hexdigest()
        return cached(
            f"search:{digest}:suggestion",
            lambda: Article.objects.spelling_suggestion(
                self.query,
                vocabulary=lambda: cached("search:vocabulary", Article.objects.search_vocabulary),
            ),
            timeout=SEARCH_CACHE_SECONDS,
            in_process=False,
        )

    def get_context_data(self, **kwargs):
        suggestion = self.suggestion()
        return super().get_context_data(
            query=self.query,
            query_display=display_query(self.query),
            suggestion=suggestion,
            suggestion_display=display_query(suggestion) if suggestion else "",
            heading="Search",
            result_limit=MAX_RESULTS,
            paywall_policy=self.policy,
            **kwargs,
        )


class ArticleDetailView(DetailView):
    """The article page; the paywall decides whether it holds the whole body or a teaser.

    The article and its lists come from the content cache (the same for every reader);
    the paywall's decision is made on them for each request and never cached.
    """

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        self.page = article_page(kwargs["slug"])
        if self.page is None:
            # An address the article had before its slug changed: send readers on, for good.
            moved = Article.objects.published().filter(redirects__old_slug=kwargs["slug"]).first()
            if moved is None:
                raise Http404("No published article has this address.")
            return redirect(moved, permanent=True)
        self.object = self.page.article
        self.gate = gate_article(request, self.object)
        key = pages.page_key(
            request, generation=self.page.generation, variant=self.gate.page_variant
        )
        response = pages.respond(
            request,
            key,
            lambda extra: cast(
                TemplateResponse,
                self.render_to_response(self.get_context_data(object=self.object, **extra)),
            ),
        )
        return self.gate.finalize(response)

    def get_article_page(self) -> ArticlePage:
        assert self.page is not None  # get() answered already when there is no page
        return self.page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.get_article_page()
        context["related"] = page.related
        context["latest"] = page.latest
        context["content_generation"] = page.generation
        context["gate"] = self.gate
        context["body_opening"], context["body_rest"] = self.body_around_signup()
        context["next_story"] = self.next_story_teaser(page)
        free = self.gate.free_for_everyone
        # The same for every reader given the paywall's outcome: built once per generation.
        context["structured_data"] = cached(
            f"article-jsonld:{self.object.pk}:{free}",
            lambda: news_article(self.object, accessible_for_free=free),
            generation=page.generation,
        )
        return context

    def next_story_teaser(self, page: ArticlePage) -> dict[str, Any] | None:
        """The next story's teaser: its opening paragraph shown, the rest of what the paywall
        shows anyone (all of a free story, a metered story's teaser) behind "Keep reading"."""
        story = next_story(self.object, generation=page.generation)
        if story is None:
            return None
        policy = self.gate.policy or get_policy()
        public = public_body(article=story, now=timezone.now(), policy=policy)
        opening, more = split_body(public, paragraphs=1)
        return {
            "article": story,
            "opening": opening or public,
            "more": more if opening else "",
            "complete": public == story.body,  # free to everyone: nothing more on its page
        }

    def body_around_signup(self) -> tuple[str, str]:
        """The readable body in two parts, the series' signup between them (as on the reference
        page): where the paywall cut a metered story, or, for a story free to everyone, after
        as many opening paragraphs as a teaser holds. A gated page's rest stays empty."""
        gate = self.gate
        if not gate.full or gate.rest or not gate.free_for_everyone:
            return gate.teaser, gate.rest
        paragraphs = gate.policy.teaser_paragraphs if gate.policy else Policy().teaser_paragraphs
        opening, rest = split_body(gate.teaser, paragraphs=paragraphs)
        return (opening, rest) if opening else (gate.teaser, "")


@x_robots_tag
def sitemap_index(request):
    """The sitemap index, one entry per sitemap page, with locations on SITE_URL."""
    entries = []
    for name, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = absolute_url(reverse("articles:sitemap-section", kwargs={"section": name}))
        lastmod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            entries.append(SitemapIndexItem(f"{location}?p={page}", lastmod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@x_robots_tag
def news_sitemap(request):
    """Google News sitemap: the articles of the last 48 hours."""
    return TemplateResponse(
        request,
        "articles/news_sitemap.xml",
        {"articles": news_sitemap_articles(now=timezone.now())},
        content_type="application/xml",
    )


class ArticlePreviewView(ArticleDetailView):
    """An unpublished article through its signed link: the article page, marked as a preview."""

    template_name = "articles/article_preview.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            self.article, self.expires_at = preview.article_for_preview(token=kwargs["token"])
        except InvalidToken as error:
            expired = isinstance(error, ExpiredToken)
            response: HttpResponse = TemplateResponse(
                request,
                "articles/preview_invalid.html",
                {"expired": expired},
                status=410 if expired else 404,
            )
        else:
            if self.article.is_published:
                return redirect(self.article, permanent=False)
            # The signed link is the grant: the whole text, no meter read, no funnel count.
            self.gate = ArticleGate(
                access=Access(full=True, reason="preview", remaining=None),
                teaser=self.article.body,
                rest="",
                free_for_everyone=True,
            )
            response = DetailView.get(self, request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"  # the link is the key: keep it out of Referer
        return response

    def get_object(self, queryset=None):
        return self.article

    def get_article_page(self) -> ArticlePage:
        # Never from the content cache: the article is not published.
        return page_for(self.article, generation=current_generation())

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview_expires_at=self.expires_at, **kwargs)
