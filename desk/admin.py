"""The translation desk in the admin: feeds, the stories (paste, assign, translate side by
side, changed originals), the board, translators and the glossary.

Every write goes through desk.services; a translator's lists hold only their own
assignments in their languages (SourceStoryQuerySet.visible_to).
"""

from datetime import timedelta
from typing import cast

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from articles.services.revisions import word_diff
from newsroom.lib import roles
from newsroom.lib.admin import ChoicesWithoutScriptMixin

from .forms import AssignForm, BoardFilterForm, PasteForm, TranslateForm, TranslatorProfileForm
from .models import (
    GlossaryTerm,
    SourceFeed,
    SourceStory,
    SourceStoryQuerySet,
    StoryEvent,
    TranslatorProfile,
)
from .services import feeds, glossary, intake, stories
from .text import paragraphs, plain_text

State = SourceStory.State
# The board's columns, left to right.
BOARD_COLUMNS = [
    State.CANDIDATE,
    State.ASSIGNED,
    State.TRANSLATING,
    State.IN_REVIEW,
    State.PUBLISHED,
    State.OUTDATED,
    State.DECLINED,
]
# Published and declined stories leave the board after this many days.
BOARD_DAYS = 30


@admin.register(SourceFeed)
class SourceFeedAdmin(admin.ModelAdmin):
    list_display = ["url", "source", "active", "last_polled_at", "health", "next_poll_at"]
    list_filter = ["active", "source"]
    search_fields = ["url", "source__name"]
    fields = ("source", "url", "active")
    actions = ["poll_now"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        return (*self.fields, *self.get_readonly_fields(request, obj))

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("last_polled_at", "next_poll_at", "consecutive_failures", "last_error", "etag")

    @admin.display(description="Health")
    def health(self, feed):
        if not feed.is_failing:
            return "OK" if feed.last_polled_at else "Not polled yet"
        return format_html(
            '<span class="desk-failing">{} failure{} in a row: {}</span>',
            feed.consecutive_failures,
            "" if feed.consecutive_failures == 1 else "s",
            feed.last_error,
        )

    @admin.action(description="Poll the selected feeds now", permissions=["change"])
    def poll_now(self, request, queryset):
        now = timezone.now()
        for feed in queryset.select_related("source"):
            result = feeds.poll_feed(feed=feed, now=now)
            if result.error:
                self.message_user(request, f"{feed.url}: {result.error}", messages.ERROR)
            elif result.not_modified:
                self.message_user(request, f"{feed.url}: nothing new since the last poll.")
            else:
                self.message_user(
                    request,
                    f"{feed.url}: {result.created} new, {result.changed} changed.",
                    messages.SUCCESS,
                )


class StoryEventInline(admin.TabularInline):
    model = StoryEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ("at", "from_state", "to_state", "actor", "note")
    verbose_name = "desk step"
    verbose_name_plural = "desk history"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SourceStory)
class SourceStoryAdmin(admin.ModelAdmin):
    list_display = ["headline", "source", "language", "state", "translator", "deadline_cell"]
    list_filter = ["state", "source", "language", "via"]
    search_fields = ["headline", "original_url", "original_author"]
    list_select_related = ["source", "translator"]
    readonly_fields = (
        "headline",
        "source",
        "original_link",
        "language",
        "original_published_at",
        "original_author",
        "via",
        "received_at",
        "state",
        "translator",
        "deadline",
        "section",
        "article_link",
        "original_text",
    )
    fields = readonly_fields
    inlines = [StoryEventInline]
    actions = ["decline_selected"]
    change_form_template = "admin/desk/sourcestory/change_form.html"

    # The list and every page: a translator's own assignments, in their languages.
    def get_queryset(self, request):
        stories = cast(SourceStoryQuerySet, super().get_queryset(request))
        return stories.visible_to(request.user)

    def has_assign_permission(self, request):
        return roles.can_assign(request.user)

    @admin.display(description="Deadline", ordering="deadline")
    def deadline_cell(self, story):
        if story.deadline is None:
            return "–"
        when = date_format(timezone.localtime(story.deadline), "j M, H:i")
        if story.is_overdue(timezone.now()):
            return format_html('<span class="desk-overdue">{} (overdue)</span>', when)
        return when

    @admin.display(description="Original")
    def original_link(self, story):
        return format_html('<a href="{0}" rel="noopener noreferrer">{0}</a>', story.original_url)

    @admin.display(description="Translation")
    def article_link(self, story):
        if story.article_id is None:
            return "Not started"
        url = reverse("admin:articles_article_change", args=[story.article_id])
        return format_html('<a href="{}">{}</a>', url, story.article)

    @admin.display(description="Original text")
    def original_text(self, story):
        return format_html(
            '<div class="desk-original-text">{}</div>',
            format_html_join("", "<p>{}</p>", ((text,) for text in paragraphs(story.text))),
        )

    @admin.action(description="Decline the selected stories", permissions=["assign"])
    def decline_selected(self, request, queryset):
        declined = 0
        for story in queryset:
            try:
                stories.decline(story=story, by=request.user, now=timezone.now())
            except stories.DeskError as error:
                self.message_user(request, error.message, messages.WARNING)
            else:
                declined += 1
        if declined:
            self.message_user(
                request,
                f"Declined {declined} stor{'y' if declined == 1 else 'ies'}.",
                messages.SUCCESS,
            )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("board/", wrap(self.board_view), name="desk_sourcestory_board"),
            path(
                "<path:object_id>/assign/", wrap(self.assign_view), name="desk_sourcestory_assign"
            ),
            path(
                "<path:object_id>/translate/",
                wrap(self.translate_view),
                name="desk_sourcestory_translate",
            ),
            path(
                "<path:object_id>/changes/",
                wrap(self.changes_view),
                name="desk_sourcestory_changes",
            ),
            *super().get_urls(),
        ]

    # --- pages -----------------------------------------------------------------------------

    def _context(self, request, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "can_assign": roles.can_assign(request.user),
            **extra,
        }

    def _story_or_404(self, request, object_id) -> SourceStory:
        story = self.get_object(request, unquote(object_id))
        if story is None:
            raise Http404("No story on the desk has this id, or it is not assigned to you.")
        if not self.has_view_or_change_permission(request, story):
            raise PermissionDenied
        return story

    def change_view(self, request, object_id, form_url="", extra_context=None):
        story = self._story_or_404(request, object_id)
        context = {
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
            "story": story,
            "can_assign": roles.can_assign(request.user),
            "unresolved": intake.unresolved_change(story),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context=context)

    def add_view(self, request, form_url="", extra_context=None):
        """Adding a story is pasting an original: it becomes a candidate."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PasteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            received = intake.receive(
                original=intake.Original(
                    url=data["original_url"],
                    headline=data["headline"],
                    text=data["text"],
                    language=data["language"],
                    published_at=data["published_at"],
                    author=data["author"],
                ),
                source=data["source"],
                via=SourceStory.Via.PASTE,
                now=timezone.now(),
                by=request.user,
            )
            story = received.story
            if received.created:
                self.message_user(
                    request, f"“{story}” is on the desk as a candidate.", messages.SUCCESS
                )
            elif received.changed:
                self.message_user(
                    request,
                    f"This address was already on the desk: “{story}” now has the new text "
                    "(the earlier one is kept).",
                    messages.WARNING,
                )
            else:
                self.message_user(
                    request, f"This story is already on the desk: “{story}”.", messages.WARNING
                )
            return redirect(reverse("admin:desk_sourcestory_change", args=[story.pk]))
        context = self._context(request, "Paste an original", form=form)
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/desk/paste.html", context)

    def board_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        now = timezone.now()
        filters = BoardFilterForm(request.GET or None)
        if not roles.can_assign(request.user):
            del filters.fields["translator"]  # a translator's board holds only their own
        recent = Q(state__in=[State.PUBLISHED, State.DECLINED]) & Q(
            state_changed_at__lt=now - timedelta(days=BOARD_DAYS)
        )
        found = filters.filter(self.get_queryset(request).for_board().exclude(recent))
        by_state: dict[str, list[SourceStory]] = {state: [] for state in BOARD_COLUMNS}
        for story in found:
            story.overdue = story.is_overdue(now)
            by_state[story.state].append(story)
        columns = [(State(state), by_state[state]) for state in BOARD_COLUMNS]
        context = self._context(
            request,
            "The desk",
            filters=filters,
            columns=columns,
            board_days=BOARD_DAYS,
            total=sum(len(items) for _, items in columns),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/desk/board.html", context)

    def assign_view(self, request, object_id):
        story = self._story_or_404(request, object_id)
        if not roles.can_assign(request.user):
            raise PermissionDenied
        initial = {
            "translator": story.translator,
            "deadline": story.deadline,
            "section": story.section,
        }
        form = AssignForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                stories.assign(
                    story=story,
                    translator=form.cleaned_data["translator"],
                    deadline=form.cleaned_data["deadline"],
                    section=form.cleaned_data["section"],
                    by=request.user,
                    now=timezone.now(),
                )
            except stories.DeskError as error:
                form.add_error(None, error.message)
            else:
                translator = form.cleaned_data["translator"].translator_profile
                self.message_user(
                    request, f"“{story}” is assigned to {translator}.", messages.SUCCESS
                )
                return redirect(reverse("admin:desk_sourcestory_board"))
        context = self._context(
            request,
            f"Assign “{story}”",
            crumb="Assign",
            form=form,
            story=story,
            permission_missing=story.permission_missing(on=timezone.localdate()),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/desk/assign.html", context)

    def translate_view(self, request, object_id):
        story = self._story_or_404(request, object_id)
        user = request.user
        if not roles.can_assign(user) and story.translator_id != user.pk:
            raise PermissionDenied
        originals = paragraphs(story.text)
        terms = glossary.terms_for(story.language)
        now = timezone.now()
        action = request.POST.get("action", "")
        if request.method == "POST" and action == "start":
            try:
                stories.start_translation(story=story, by=user, now=now)
            except stories.DeskError as error:
                self.message_user(request, error.message, messages.ERROR)
            return redirect(reverse("admin:desk_sourcestory_translate", args=[story.pk]))
        article = story.article
        editable = article is not None and roles.can_edit(user, article)
        # Until the translator writes one, the draft carries the original's headline.
        english_headline = article.headline if article else ""
        initial = {
            "headline": "" if english_headline == story.headline else english_headline,
            "dek": article.dek if article else "",
        }
        for index, row in enumerate(story.translated_paragraphs):
            initial[f"paragraph_{index}"] = row
        data = request.POST if request.method == "POST" and editable else None
        form = TranslateForm(data, initial=initial, paragraph_count=len(originals))
        if data is not None and form.is_valid() and action != "preview":
            translation = stories.Translation(
                headline=form.cleaned_data["headline"],
                dek=form.cleaned_data["dek"],
                paragraphs=form.paragraphs(),
            )
            try:
                if action == "submit":
                    stories.submit_for_review(
                        story=story, translation=translation, by=user, now=now
                    )
                    self.message_user(
                        request,
                        f"“{translation.headline}” is with the editors for review.",
                        messages.SUCCESS,
                    )
                    return redirect(reverse("admin:desk_sourcestory_translate", args=[story.pk]))
                stories.save_translation(story=story, translation=translation, by=user, now=now)
            except stories.DeskError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, "Saved.", messages.SUCCESS)
                return redirect(reverse("admin:desk_sourcestory_translate", args=[story.pk]))
        english = (
            [form[f"paragraph_{i}"].value() or "" for i in range(len(originals))]
            if data is not None
            else story.translated_paragraphs
        )
        rows = glossary.rows(
            originals=originals, english=english, terms=terms, language=story.language
        )
        context = self._context(
            request,
            f"Translate “{story}”",
            crumb="Side by side",
            story=story,
            overdue=story.is_overdue(now),
            article=article,
            form=form,
            rows=list(zip(rows, form.paragraph_fields(), strict=True)),
            editable=editable,
            missing=sum(len(row.missing) for row in rows),
            can_start=article is None and story.state == State.ASSIGNED,
            permission_missing=story.permission_missing(on=timezone.localdate()),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/desk/translate.html", context)

    def changes_view(self, request: HttpRequest, object_id):
        story = self._story_or_404(request, object_id)
        unresolved = intake.unresolved_change(story)
        if request.method == "POST":
            try:
                stories.mark_resolved(story=story, by=request.user, now=timezone.now())
            except stories.DeskError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"“{story}” is marked as up to date with its original.",
                    messages.SUCCESS,
                )
            return redirect(reverse("admin:desk_sourcestory_change", args=[story.pk]))
        earlier = unresolved or story.revisions.order_by("-replaced_at", "-pk").first()
        if earlier is None:
            raise Http404("The original of this story has not changed since it arrived.")
        context = self._context(
            request,
            f"What changed in the original of “{story}”",
            crumb="What changed",
            story=story,
            earlier=earlier,
            unresolved=unresolved is not None,
            headline_diff=word_diff(earlier.headline, story.headline)
            if earlier.headline != story.headline
            else None,
            # The whole original with its changes marked: the translator needs the context.
            text_diff=word_diff(plain_text(earlier.text), plain_text(story.text)),
            can_resolve=story.is_outdated
            and (roles.can_assign(request.user) or story.translator_id == request.user.pk),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/desk/changes.html", context)


@admin.register(TranslatorProfile)
class TranslatorProfileAdmin(ChoicesWithoutScriptMixin, admin.ModelAdmin):
    form = TranslatorProfileForm
    list_display = ["author", "user", "language_names"]
    autocomplete_fields = ["author"]
    search_fields = ["author__name", "user__username"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "rendering", "language", "notes"]
    list_filter = ["language"]
    search_fields = ["term", "rendering", "notes"]
