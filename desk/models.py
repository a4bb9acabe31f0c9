"""The translation desk: source feeds, the originals they bring in, translators, the glossary.

A `SourceStory` is an original as received (pasted, or polled from a `SourceFeed`), kept
sanitised like article bodies. It moves candidate → assigned → translating → in review →
published (plus declined and outdated) only through `desk.services.stories.change_state`,
whose transition table sits beside the reads here (`SourceStory.State`, the queryset).
"""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

from articles.languages import language_choices
from articles.models import Article, Author, Section, Source, SourcePermission

from .languages import language_name, validate_language_code


class SourceFeedQuerySet(models.QuerySet):
    def due(self, now) -> "SourceFeedQuerySet":
        """Active feeds whose next poll time has come (or that were never polled)."""
        waited = models.Q(next_poll_at__isnull=True) | models.Q(next_poll_at__lte=now)
        return self.filter(waited, active=True)


class SourceFeed(models.Model):
    """An RSS or Atom feed of a source newspaper, polled for new stories."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(
        "feed address",
        max_length=500,
        unique=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="The RSS or Atom address (http or https), e.g. https://www.lemonde.fr/rss/une.xml.",
    )
    active = models.BooleanField(
        default=True, help_text="Only active feeds are polled by the background worker."
    )
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    next_poll_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the worker polls it next; later after each failure (backoff).",
    )
    etag = models.CharField(max_length=255, blank=True, editable=False)
    modified = models.CharField("Last-Modified", max_length=255, blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    objects = SourceFeedQuerySet.as_manager()

    class Meta:
        ordering = ["source__name", "url"]

    def __str__(self) -> str:
        return f"{self.source} – {self.url}"

    @property
    def is_failing(self) -> bool:
        return self.consecutive_failures > 0


class SourceStoryQuerySet(models.QuerySet):
    def in_state(self, state: str) -> "SourceStoryQuerySet":
        return self.filter(state=state)

    def candidates(self) -> "SourceStoryQuerySet":
        return self.filter(state=SourceStory.State.CANDIDATE)

    def outdated(self) -> "SourceStoryQuerySet":
        return self.filter(state=SourceStory.State.OUTDATED)

    def open_assignments(self) -> "SourceStoryQuerySet":
        """Given to a translator and not yet handed to the editors."""
        return self.filter(state__in=SourceStory.WORK_IN_HAND)

    def overdue(self, now) -> "SourceStoryQuerySet":
        """Assignments whose deadline has passed while the translator still holds them."""
        return self.open_assignments().filter(deadline__lt=now)

    def published_since(self, moment) -> "SourceStoryQuerySet":
        """Published by the desk at or after moment (outdated ones were published too)."""
        return self.filter(
            state__in=[SourceStory.State.PUBLISHED, SourceStory.State.OUTDATED],
            published_at__gte=moment,
        )

    def visible_to(self, user) -> "SourceStoryQuerySet":
        """Editors see the whole desk; a translator only their own assignments, in their
        languages."""
        if not user.is_active:
            return self.none()
        if user.has_perm("desk.assign_sourcestory"):
            return self
        profile = TranslatorProfile.objects.filter(user=user).first()
        if profile is None:
            return self.none()
        return self.filter(translator=user, language__in=profile.languages)

    def for_board(self) -> "SourceStoryQuerySet":
        """What the board and lists show: source, translator and the translation."""
        return self.select_related(
            "source", "translator__translator_profile__author", "article"
        ).order_by(models.F("deadline").asc(nulls_last=True), "-received_at", "-pk")


class SourceStory(models.Model):
    """An original story as received, and the desk's work on it."""

    class State(models.TextChoices):
        CANDIDATE = "candidate", "Candidate"
        ASSIGNED = "assigned", "Assigned"
        TRANSLATING = "translating", "Translating"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        DECLINED = "declined", "Declined"
        OUTDATED = "outdated", "Outdated"

    class Via(models.TextChoices):
        PASTE = "paste", "Pasted"
        FEED = "feed", "Feed"

    # States in which a translator holds the story (its deadline counts).
    WORK_IN_HAND = (State.ASSIGNED, State.TRANSLATING)

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="desk_stories")
    feed = models.ForeignKey(
        SourceFeed, null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )
    original_url = models.URLField(
        max_length=500,
        unique=True,
        help_text="The original's address, normalised (no tracking parameters): one story per URL.",
    )
    headline = models.CharField("original headline", max_length=300)
    text = models.TextField(
        "original text", help_text="The original, sanitised like article bodies."
    )
    original_published_at = models.DateTimeField("original publication date", null=True, blank=True)
    original_author = models.CharField(max_length=200, blank=True)
    language = models.CharField(
        max_length=8,
        choices=language_choices,
        validators=[validate_language_code],
        help_text='The original\'s language, as an ISO 639-1 code ("fr", "ko").',
    )
    received_at = models.DateTimeField(default=timezone.now)
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.PASTE)

    # Written only by desk.services.stories.change_state.
    state = models.CharField(
        max_length=20, choices=State.choices, default=State.CANDIDATE, editable=False
    )
    state_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desk_assignments",
        editable=False,
    )
    assigned_at = models.DateTimeField(null=True, blank=True, editable=False)
    deadline = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    section = models.ForeignKey(
        Section,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="Where the translation will run; chosen when the story is assigned.",
    )
    article = models.OneToOneField(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desk_story",
        editable=False,
        help_text="The translation, a draft article created when translating starts.",
    )
    # The English being written, one entry per paragraph of the original (the article's
    # body is these joined), so the rows stay aligned while some are still empty.
    translated_paragraphs = models.JSONField(default=list, blank=True, editable=False)

    objects = SourceStoryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "source story"
        verbose_name_plural = "source stories"
        permissions = [
            ("assign_sourcestory", "Can assign source stories to translators and decline them"),
        ]
        indexes = [models.Index(fields=["state", "deadline"])]

    def __str__(self) -> str:
        return self.headline

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def is_outdated(self) -> bool:
        return self.state == self.State.OUTDATED

    @property
    def is_candidate(self) -> bool:
        return self.state == self.State.CANDIDATE

    @property
    def is_in_hand(self) -> bool:
        return self.state in self.WORK_IN_HAND

    def permission_missing(self, *, on) -> str:
        """What the source's agreement lacks for a full translation on that day ("" if
        covered): the workflow refuses to publish the translation until it is covered."""
        permission = self.source.current_permission
        if permission is None:
            return "no permission has been recorded"
        return permission.missing(SourcePermission.Scope.FULL, on=on)

    def is_overdue(self, now) -> bool:
        return self.is_in_hand and self.deadline is not None and self.deadline < now


class SourceStoryRevision(models.Model):
    """A version of the original that a later poll replaced: kept for the diff."""

    story = models.ForeignKey(SourceStory, on_delete=models.CASCADE, related_name="revisions")
    headline = models.CharField(max_length=300)
    text = models.TextField()
    received_at = models.DateTimeField(help_text="When this version had arrived.")
    replaced_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        verbose_name = "earlier version of the original"
        verbose_name_plural = "earlier versions of the original"

    def __str__(self) -> str:
        return f"{self.headline} (replaced {self.replaced_at:%Y-%m-%d %H:%M})"


class StoryEvent(models.Model):
    """One move of a source story between states: who, when, from where to where."""

    story = models.ForeignKey(SourceStory, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=20, choices=SourceStory.State.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=SourceStory.State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_from_state_display() or 'new'} → {self.get_to_state_display()}"


class TranslatorProfile(models.Model):
    """A staff account that translates: its byline and the languages it translates from."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translator_profile"
    )
    author = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        related_name="translator_profiles",
        help_text="The byline printed as “Translated by” on their translations.",
    )
    languages = models.JSONField(
        default=list,
        help_text='ISO 639-1 codes of the languages they translate from, e.g. ["fr", "es"].',
    )

    class Meta:
        ordering = ["author__name"]

    def __str__(self) -> str:
        return str(self.author)

    @property
    def language_names(self) -> str:
        return ", ".join(language_name(code) for code in self.languages)


class GlossaryTerm(models.Model):
    """A name, institution or title in a source language, and its agreed English rendering."""

    language = models.CharField(
        max_length=8, choices=language_choices, help_text="The language the term is written in."
    )
    term = models.CharField(max_length=200, help_text="As it appears in the original.")
    rendering = models.CharField(
        max_length=200, help_text="The agreed English rendering, as it must appear."
    )
    notes = models.TextField(blank=True, help_text="Why, or when to use another form.")

    class Meta:
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "term"], name="desk_glossary_unique_term_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.rendering}"
