"""The article domain: sections, authors, series, sources, articles and their workflow
events, with the QuerySets that hold every read rule beside the model they filter.

Each status filter of ArticleQuerySet is the query form of a workflow state
(articles.services.workflow moves articles between them); `published_q()` is the same
rule as a Q for use inside other queries. Search is parsed by articles.search and shown by
articles.views, which asks the paywall what a snippet may reveal.
"""

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connections, models
from django.db.models import Case, F, OuterRef, Prefetch, Q, Subquery, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from images.validation import validate_image_file

from .languages import country_name, language_choices, language_name
from .sanitize import clean_body
from .search import (
    MAX_RESULTS,
    SEARCH_CONFIG,
    TRIGRAM_CUTOFF,
    ParsedQuery,
    SearchVectorIndex,
    closest_word,
    parse_query,
    search_vector_expression,
    suggest_query,
    vocabulary_words,
)


class SectionQuerySet(models.QuerySet):
    def navigation(self):
        """Sections shown in the site's navigation, in the editors' order."""
        return self.filter(show_in_navigation=True).order_by("order", "name")


class SourceQuerySet(models.QuerySet):
    def on_our_list(self, *, on: date) -> "SourceQuerySet":
        """The sources readers are told about (the Our sources page): those with published
        stories, or whose permission lets us translate them today; each with `story_count`
        (its published stories) and `latest_stories` (its newest few)."""
        story_count = models.Count("articles", filter=published_q("articles__"), distinct=True)
        latest = Article.objects.published().newest_first().defer("body")
        return (
            self.annotate(story_count=story_count)
            .filter(
                Q(story_count__gt=0)
                | permission_allows_q(
                    SourcePermission.Scope.HEADLINES, on=on, prefix="permission__"
                )
            )
            .select_related("permission")
            .prefetch_related(
                Prefetch(
                    "articles", queryset=latest[:SOURCE_LIST_STORIES], to_attr="latest_stories"
                )
            )
        )


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

    def about_country(self, code: str) -> "ArticleQuerySet":
        """Stories about the country with this ISO 3166-1 code (as on the country page)."""
        return self.filter(country=code.upper())

    def translated_by(self, author) -> "ArticleQuerySet":
        return self.filter(translator=author)

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
        return self.select_related("section", "series", "source", "lead_image").prefetch_related(
            Prefetch(
                "bylines",
                queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
            )
        )

    def for_page(self):
        """Everything the article page shows, in a fixed number of queries."""
        return (
            self.for_cards()
            .select_related("translator", "source__permission")
            .prefetch_related("tags")
        )

    def search(self, query: str):
        """Rows matching a reader's query, best first (see search_ids); chain after
        published()."""
        return self.in_search_order(self.search_ids(query))

    def search_ids(self, query: str) -> list[int]:
        """The ids of the rows matching a reader's query, best first: small enough to cache;
        pages of rows then come from in_search_order().

        Only the MAX_RESULTS newest matches are ranked, in the one scan that finds them, so
        a query matching most of the archive costs no more than a precise one. PostgreSQL
        ranks by the stored search vector; elsewhere every word is matched with LIKE and
        ranked as the vector weighs (see _substring_rank). Ties go to the newest.
        """
        parsed = parse_query(query)
        if not parsed:
            return []
        if connections[self.db].vendor == "postgresql":
            tsquery = _tsquery(parsed)
            matches = self.filter(search_vector=tsquery)
            rank: Any = SearchRank(F("search_vector"), tsquery)
        else:
            matches, rank = self._substring_search(parsed), _substring_rank(parsed)
        newest = (
            matches.annotate(search_rank=rank)
            .order_by("-published_at", "-pk")
            .values_list("pk", "search_rank")[:MAX_RESULTS]
        )
        # In newest-first order, a stable sort by rank leaves ties newest first.
        return [pk for pk, _rank in sorted(newest, key=lambda row: -row[1])]

    def in_search_order(self, ids: list[int]):
        """These rows (a page of search_ids) in that order."""
        if not ids:
            return self.none()
        position = Case(*(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)))
        return self.filter(pk__in=ids).order_by(position)

    def _substring_search(self, parsed: ParsedQuery):
        condition = Q()
        for needle in parsed.needles:
            condition &= (
                Q(headline__icontains=needle)
                | Q(original_headline__icontains=needle)
                | Q(dek__icontains=needle)
                | Q(body__icontains=needle)
            )
        return self.filter(condition)

    def spelling_suggestion(self, query: str, *, vocabulary: Callable[[], list[str]]) -> str:
        """A query like this one with its misspelt words corrected from the words of
        headlines, original headlines and deks, that finds something ("" if none):
        the closest word of vocabulary() by PostgreSQL's pg_trgm where installed, else by
        difflib (the caller caches search_vocabulary() for the content generation)."""
        if not parse_query(query):
            return ""
        correct: Callable[[str], str | None]
        if _has_trigrams(self.db):
            correct = partial(_closest_by_trigrams, vocabulary(), self.db)
        else:
            correct = partial(closest_word, vocabulary=vocabulary())
        suggestion = suggest_query(query, correct)
        if suggestion and self.search_ids(suggestion):
            return suggestion
        return ""

    def search_vocabulary(self) -> list[str]:
        """The words "did you mean" corrects to: those of published headlines, original
        headlines and deks."""
        rows = self.published().values_list("headline", "original_headline", "dek")
        return vocabulary_words(text for row in rows for text in row)

    def update_search_vector(self) -> int:
        """Recompute the stored full-text vector of these rows (PostgreSQL only)."""
        if connections[self.db].vendor != "postgresql":
            return 0
        return self.update(search_vector=search_vector_expression())


def _substring_rank(parsed: ParsedQuery) -> Case:
    """Without full text (SQLite), rank as the stored vector weighs: a story whose headline
    (or original headline) holds every term first, then one whose dek does."""
    headlines, dek = Q(), Q()
    for needle in parsed.needles:
        headlines &= Q(headline__icontains=needle) | Q(original_headline__icontains=needle)
        dek &= Q(dek__icontains=needle)
    return Case(When(headlines, then=Value(2)), When(dek, then=Value(1)), default=Value(0))


def _has_trigrams(alias: str) -> bool:
    """Whether the database is PostgreSQL with the pg_trgm extension installed."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def _closest_by_trigrams(vocabulary: list[str], alias: str, word: str) -> str | None:
    """The vocabulary's word most like word (pg_trgm's similarity): the vocabulary (the
    words of published headlines, original headlines and deks, cached per generation) is
    sent as an array, so no query splits every headline again (seconds over 50,000)."""
    sql = (
        "SELECT w FROM unnest(%s::text[]) AS w WHERE similarity(w, %s) >= %s "
        "ORDER BY similarity(w, %s) DESC, w LIMIT 1"
    )
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [vocabulary, word, TRIGRAM_CUTOFF, word])
        row = cursor.fetchone()
    return row[0] if row else None


def _tsquery(parsed: ParsedQuery) -> SearchQuery:
    return SearchQuery(parsed.tsquery(), search_type="raw", config=SEARCH_CONFIG)


def published_q(prefix: str = "") -> Q:
    """The published rule as a Q, for use inside other queries (e.g. counting per section)."""
    return Q(
        **{
            f"{prefix}status": Article.Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


if TYPE_CHECKING:  # for annotations only
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

# How many of a source's newest stories the Our sources page lists under it.
SOURCE_LIST_STORIES = 3


def country_page_url(code: str) -> str:
    """The country page of an ISO 3166-1 code (lower case in the address: /country/fr/)."""
    return reverse("articles:country", kwargs={"code": code.lower()})


# An adult reads English prose at about 230 words a minute; "N min read" rounds to that.
READING_WORDS_PER_MINUTE = 230


def unique_slug(model, value: str, *, instance_pk=None, max_length: int = 200) -> str:
    """A unicode-safe slug from value, suffixed -2, -3… until no other row has it."""
    base = slugify(value, allow_unicode=True)[:max_length].strip("-") or "untitled"
    candidate, n = base, 2
    while model._default_manager.filter(slug=candidate).exclude(pk=instance_pk).exists():
        suffix = f"-{n}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return candidate


class SluggedModel(models.Model):
    """A named thing with a URL slug generated from its name when left blank."""

    name: str  # each subclass declares the field, with its own length and help text

    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="The last part of the web address. Left blank, it is made from the name.",
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, instance_pk=self.pk)
        super().save(*args, **kwargs)


class Section(SluggedModel):
    name = models.CharField(
        max_length=100, help_text='Shown above headlines, e.g. "Food / Travel".'
    )
    description = models.TextField(
        blank=True, help_text="One or two sentences for the section page."
    )
    order = models.PositiveIntegerField(
        default=0, help_text="Lower numbers come first in the navigation."
    )
    show_in_navigation = models.BooleanField(default=True)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def get_absolute_url(self) -> str:
        return reverse("articles:section", kwargs={"slug": self.slug})


class Author(SluggedModel):
    name = models.CharField(max_length=150, help_text="As printed on the byline.")
    bio = models.TextField(blank=True, help_text="A short biography for the author page.")
    photo = models.ImageField(upload_to="authors/", blank=True, validators=[validate_image_file])
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The staff account of this author, if they have one.",
    )

    class Meta:
        ordering = ["name"]

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})


class Series(SluggedModel):
    name = models.CharField(max_length=150, help_text='A recurring column, e.g. "Eyes on U.S.".')
    label = models.CharField(
        max_length=100, blank=True, help_text='Shown above headlines, e.g. "eyes on the U.S.".'
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "series"

    def get_absolute_url(self) -> str:
        return reverse("articles:series", kwargs={"slug": self.slug})

    @property
    def display_label(self):
        return self.label or self.name


class CountryNamed:
    """A model with a `country` CountryField: its name and its country page, for templates."""

    country: Any

    @property
    def country_name(self) -> str:
        return country_name(self.country.code or "")

    @property
    def country_url(self) -> str:
        return country_page_url(self.country.code) if self.country else ""


class Source(CountryNamed, SluggedModel):
    name = models.CharField(max_length=150, help_text='The newspaper, e.g. "Le Monde".')
    country = CountryField(blank=True, help_text="Where the newspaper is published.")
    language = models.CharField(
        max_length=8,
        blank=True,
        choices=language_choices,
        help_text="The language it is written in (an ISO 639-1 code, e.g. fr for French).",
    )
    homepage = models.URLField(blank=True)
    contact_name = models.CharField(
        max_length=150, blank=True, help_text="Who at the newspaper answers for the agreement."
    )
    contact_email = models.EmailField(blank=True)
    notes = models.TextField(
        blank=True, help_text="For the desk only: how the newspaper likes to be asked, etc."
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def get_absolute_url(self) -> str:
        return reverse("articles:source", kwargs={"slug": self.slug})

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def kind(self) -> str:
        """What the newspaper is, in words: "a French-language newspaper from France"."""
        kind = f"a {self.language_name}-language newspaper" if self.language else "a newspaper"
        return f"{kind} from {self.country_name}" if self.country else kind

    @cached_property
    def current_permission(self) -> "SourcePermission | None":
        """The source's permission record, None if nobody has recorded one yet."""
        try:
            return self.permission
        except SourcePermission.DoesNotExist:
            return None


class SourcePermissionQuerySet(models.QuerySet):
    def allowing(self, use: str, *, on: date) -> "SourcePermissionQuerySet":
        """Permissions that cover this use (a SourcePermission.Scope) on this day."""
        return self.filter(permission_allows_q(use, on=on))


def permission_allows_q(use: str, *, on: date, prefix: str = "") -> Q:
    """SourcePermission.allows as a Q, for use inside other queries (prefix "permission__"
    from Source)."""
    scopes = SourcePermission.Scope.covering(use)
    return (
        Q(**{f"{prefix}status": SourcePermission.Status.GRANTED, f"{prefix}scope__in": scopes})
        & (Q(**{f"{prefix}starts_on__isnull": True}) | Q(**{f"{prefix}starts_on__lte": on}))
        & (Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": on}))
    )


class SourcePermission(models.Model):
    """What a source newspaper agreed we may do with its stories: one record per source,
    edited as the agreement changes (its history is kept)."""

    class Status(models.TextChoices):
        NONE = "none", "None asked"
        REQUESTED = "requested", "Requested"
        GRANTED = "granted", "Granted"
        REFUSED = "refused", "Refused"
        EXPIRED = "expired", "Expired"

    class Scope(models.TextChoices):
        # Widest first: each scope allows itself and every narrower one.
        FULL = "full", "Full translation"
        EXCERPTS = "excerpts", "Excerpts only"
        HEADLINES = "headlines", "Headlines only"

        @classmethod
        def covering(cls, use: str) -> list[str]:
            """The scopes that allow this use: itself and every wider one."""
            order = list(cls.values)
            return order[: order.index(use) + 1]

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="permission")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NONE)
    scope = models.CharField(
        max_length=20,
        choices=Scope.choices,
        default=Scope.FULL,
        help_text="How much of a story the agreement lets us translate.",
    )
    starts_on = models.DateField(
        null=True, blank=True, help_text="First day the agreement covers; blank: from the start."
    )
    ends_on = models.DateField(
        null=True, blank=True, help_text="Last day the agreement covers; blank: no end date."
    )
    attribution_text = models.CharField(
        max_length=300,
        blank=True,
        help_text='Printed under every story from this source, e.g. "© Le Monde, translated '
        'with permission."',
    )
    excludes_wire_copy = models.BooleanField(
        default=False,
        help_text="The agreement does not cover wire and partner-agency stories the newspaper "
        "republishes.",
    )
    excludes_photos = models.BooleanField(
        default=False, help_text="The agreement does not cover the newspaper's photographs."
    )
    notes = models.TextField(blank=True, help_text="Who agreed, when, and anything unusual.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourcePermissionQuerySet.as_manager()
    history = HistoricalRecords(verbose_name="source permission revision")

    class Meta:
        verbose_name = "permission"

    def __str__(self) -> str:
        return f"{self.source}: {self.get_status_display()}"

    def allows(self, use: str, *, on: date, wire_copy: bool = False, photos: bool = False) -> bool:
        """Whether the agreement covers this use (a Scope) on this day."""
        return not self.missing(use, on=on, wire_copy=wire_copy, photos=photos)

    def missing(self, use: str, *, on: date, wire_copy: bool = False, photos: bool = False) -> str:
        """What the agreement lacks for this use on this day, in an editor's words ("" if
        nothing): the instance form of permission_allows_q, plus the exclusions."""
        when = date_format(on, "j F Y")
        if self.status != self.Status.GRANTED:
            return {
                self.Status.NONE: "no permission has been asked for",
                self.Status.REQUESTED: "permission was requested but not granted yet",
                self.Status.REFUSED: "the newspaper refused permission",
                self.Status.EXPIRED: "its permission has expired",
            }[self.Status(self.status)]
        if self.starts_on and on < self.starts_on:
            start = date_format(self.starts_on, "j F Y")
            return f"its permission starts on {start}, after {when}"
        if self.ends_on and on > self.ends_on:
            return f"its permission ended on {date_format(self.ends_on, 'j F Y')}, before {when}"
        if self.scope not in self.Scope.covering(use):
            wanted = self.Scope(use).label.lower()
            return f"its permission covers {self.get_scope_display().lower()}, not {wanted}"
        if wire_copy and self.excludes_wire_copy:
            return "its permission excludes wire and partner-agency copy"
        if photos and self.excludes_photos:
            return "its permission excludes its photographs"
        return ""


# Named at module level so that django-stubs can see the queryset's methods on the manager.
_ArticleManagerBase = models.Manager.from_queryset(ArticleQuerySet)


class ArticleManager(_ArticleManagerBase):
    def get_queryset(self):
        # The search vector serves PostgreSQL's index and is never read in Python.
        return super().get_queryset().defer("search_vector")


class Article(CountryNamed, models.Model):
    class Status(models.TextChoices):
        # "Scheduled" is not a status: it is PUBLISHED with a future published_at, so the one
        # published() rule makes a scheduled article appear on its own at its time.
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    headline = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="The last part of the article's address. Left blank, it comes from the headline.",
    )
    dek = models.TextField(
        "dek", help_text="The standfirst: one paragraph under the headline and on cards."
    )
    body = models.TextField(
        help_text="The story. Paragraphs, h2/h3 subheads, quotes, lists and links; anything "
        "else (scripts, styles, event handlers) is removed on save."
    )
    dateline = models.CharField(
        max_length=100, blank=True, help_text='Printed before the first paragraph, e.g. "DANDONG".'
    )
    country = CountryField(blank=True, help_text="The country the story is about, shown on cards.")

    lead_image = models.ForeignKey(
        "images.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lead_for",
        help_text="From the image library: search by what it shows, or add a new one with +.",
    )

    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    authors: "models.ManyToManyField[Author, ArticleAuthor]" = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles"
    )
    translator = models.ForeignKey(
        Author,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text="Who translated the story into English.",
    )
    series = models.ForeignKey(
        Series, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text="The newspaper the story was first printed in.",
    )
    original_headline = models.CharField(max_length=300, blank=True)
    original_language = models.CharField(
        max_length=8,
        blank=True,
        choices=language_choices,
        help_text="Left blank, the source's language is shown.",
    )
    original_url = models.URLField(max_length=500, blank=True)
    original_published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the source newspaper published the original."
    )
    original_author = models.CharField(
        max_length=200, blank=True, help_text="The original's byline, as the newspaper printed it."
    )
    source_use = models.CharField(
        max_length=20,
        choices=SourcePermission.Scope.choices,
        default=SourcePermission.Scope.FULL,
        help_text="How much of the original this story uses; the source's permission must "
        "cover it.",
    )
    original_is_wire_copy = models.BooleanField(
        default=False,
        help_text="The original is a wire or partner-agency story the newspaper republished.",
    )
    uses_source_photos = models.BooleanField(
        default=False, help_text="The story shows the source newspaper's photographs."
    )
    tags = TaggableManager(blank=True)

    # Written only by articles.services.workflow: no form, the admin's included, edits it.
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
        help_text="Changed only through the workflow buttons (submit, publish, schedule…).",
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When the article went, or goes, live. Set by “Publish now” and “Schedule”; "
        "a future time means it appears on its own then.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_created",
        help_text="The staff member who started the article; writers may edit only their own.",
    )
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_free = models.BooleanField(
        default=False, help_text="Always free to read: never counts against the paywall meter."
    )
    featured = models.BooleanField(default=False, help_text="Candidate for the home page lead.")
    # Headline, dek and body for full-text search on PostgreSQL; rewritten on every save.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleManager()
    # Every save keeps a revision (articles.services.revisions compares and restores them).
    history = HistoricalRecords(excluded_fields=["search_vector"], verbose_name="article revision")
    # Set just before a save, for the revision it keeps to record who saved and why.
    _history_user: "AbstractBaseUser | AnonymousUser | None"
    _change_reason: str

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            SearchVectorIndex(fields=["search_vector"], name="article_search_vector_idx"),
        ]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("edit_any_article", "Can edit articles started by anyone, in any status"),
            (
                "override_source_permission",
                "Can publish a translation its source's permission does not cover",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, instance_pk=self.pk, max_length=255)
        self.body = clean_body(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        old_slug = self._public_slug_before_save()
        super().save(*args, **kwargs)
        Article.objects.filter(pk=self.pk).update_search_vector()
        if old_slug and old_slug != self.slug:
            ArticleRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": self})
        ArticleRedirect.objects.filter(old_slug=self.slug).delete()

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def _public_slug_before_save(self) -> str:
        """The stored slug, if readers may have seen it (the article was ever published)."""
        if self.pk is None:
            return ""
        stored = (
            Article.objects.filter(pk=self.pk, published_at__isnull=False)
            .exclude(status__in=[self.Status.DRAFT, self.Status.IN_REVIEW])
            .values_list("slug", flat=True)
            .first()
        )
        return stored or ""

    def is_published_at(self, moment) -> bool:
        """The instance form of ArticleQuerySet.published(), at a given moment."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= moment
        )

    def is_scheduled_at(self, moment) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_published_at(moment)

    @property
    def is_published(self) -> bool:
        return self.is_published_at(timezone.now())

    @property
    def is_scheduled(self) -> bool:
        return self.is_scheduled_at(timezone.now())

    @cached_property
    def byline_authors(self) -> list[Author]:
        """Authors in byline order (uses the prefetch from the queryset when present)."""
        return [byline.author for byline in self.bylines.all()]

    @cached_property
    def reading_minutes(self) -> int:
        """Minutes an average reader needs for the whole body, at least one."""
        words = len(strip_tags(self.body).split())
        return max(1, round(words / READING_WORDS_PER_MINUTE))

    @property
    def source_language(self) -> str:
        """The original's language code: its own, else its source's."""
        return self.original_language or (self.source.language if self.source else "")

    @property
    def source_language_name(self) -> str:
        return language_name(self.source_language)

    @property
    def attribution_text(self) -> str:
        """What the source's agreement asks us to print under the story ("" if nothing)."""
        permission = self.source.current_permission if self.source else None
        return permission.attribution_text if permission else ""

    def source_permission_missing(self, *, on: date) -> str:
        """What the source's permission lacks for this story on this day ("" if covered, or
        if the story is not a translation)."""
        if self.source is None:
            return ""
        permission = self.source.current_permission
        if permission is None:
            return "no permission has been recorded"
        return permission.missing(
            self.source_use,
            on=on,
            wire_copy=self.original_is_wire_copy,
            photos=self.uses_source_photos,
        )

    # The lead image, as templates have always read it (the image itself is in the library).
    @property
    def lead_image_alt(self) -> str:
        return self.lead_image.alt_text if self.lead_image else ""

    @property
    def lead_image_caption(self) -> str:
        return self.lead_image.caption if self.lead_image else ""

    @property
    def lead_image_credit(self) -> str:
        return self.lead_image.credit if self.lead_image else ""

    @property
    def lead_image_srcset(self) -> str:
        return self.lead_image.srcset("jpg") if self.lead_image else ""

    @property
    def lead_image_srcset_webp(self) -> str:
        return self.lead_image.srcset("webp") if self.lead_image else ""

    def lead_image_url(self, width_index: int = 1) -> str:
        """URL of one rendition (the middle width by default), for cards and social tags."""
        return self.lead_image.url(width_index) if self.lead_image else ""


class ArticleAuthor(models.Model):
    """One name on an article's byline; position sets the order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_author_per_article")
        ]
        verbose_name = "byline"

    def __str__(self) -> str:
        return str(self.author)


class ArticleRedirect(models.Model):
    """An address an article had while public; readers following it are sent to the new one."""

    old_slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.article.slug}"


class WorkflowEvent(models.Model):
    """One move of an article through the workflow: who moved it, when, from where to where."""

    class Transition(models.TextChoices):
        # The moves articles.services.workflow makes, labelled as the history tells them.
        SUBMIT = "submit", "Submitted for review"
        SEND_BACK = "send_back", "Sent back to draft"
        PUBLISH = "publish", "Published"
        SCHEDULE = "schedule", "Scheduled"
        # An editor's one step from a draft (or an unpublished article), skipping review.
        PUBLISH_DIRECTLY = "publish_directly", "Published without review"
        SCHEDULE_DIRECTLY = "schedule_directly", "Scheduled without review"
        UNPUBLISH = "unpublish", "Unpublished"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="workflow_events")
    transition = models.CharField(max_length=30, choices=Transition.choices)
    from_status = models.CharField(max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(max_length=20, choices=Article.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    publish_at = models.DateTimeField(
        null=True, blank=True, help_text="For publish and schedule: when the article goes live."
    )
    note = models.TextField(blank=True)
    permission_override = models.TextField(
        blank=True,
        help_text="Why the editor published although the source's permission did not cover "
        "the story.",
    )

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_transition_display()} by {self.actor or 'someone'}"


class ArticleAwaitingReview(Article):
    """The editors' queue: articles writers submitted, longest-waiting first (admin list)."""

    class Meta:
        proxy = True
        verbose_name = "article awaiting review"
        verbose_name_plural = "articles awaiting review"
