from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from images.validation import validate_image_file

from .querysets import ArticleQuerySet, SectionQuerySet
from .sanitize import clean_body
from .search import SearchVectorIndex

if TYPE_CHECKING:  # for annotations only
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

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


class Source(SluggedModel):
    name = models.CharField(max_length=150, help_text='The newspaper, e.g. "Le Monde".')
    country = models.CharField(max_length=100, help_text="Where the newspaper is published.")
    language = models.CharField(max_length=60, help_text="The language it is written in.")
    homepage = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def get_absolute_url(self) -> str:
        return reverse("articles:source", kwargs={"slug": self.slug})


# Named at module level so that django-stubs can see the queryset's methods on the manager.
_ArticleManagerBase = models.Manager.from_queryset(ArticleQuerySet)


class ArticleManager(_ArticleManagerBase):
    def get_queryset(self):
        # The search vector serves PostgreSQL's index and is never read in Python.
        return super().get_queryset().defer("search_vector")


class Article(models.Model):
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
    country = models.CharField(
        max_length=100, blank=True, help_text="The country the story is about, shown on cards."
    )

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
        max_length=60, blank=True, help_text="Left blank, the source's language is shown."
    )
    original_url = models.URLField(max_length=500, blank=True)
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
        return self.original_language or (self.source.language if self.source else "")

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

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="workflow_events")
    transition = models.CharField(max_length=30)
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

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_transition_display()} by {self.actor or 'someone'}"

    def get_transition_display(self) -> str:
        from .services.workflow import TRANSITIONS

        transition = TRANSITIONS.get(self.transition)
        return transition.past if transition else self.transition


class ArticleAwaitingReview(Article):
    """The editors' queue: articles writers submitted, longest-waiting first (admin list)."""

    class Meta:
        proxy = True
        verbose_name = "article awaiting review"
        verbose_name_plural = "articles awaiting review"
