"""The editors' admin for articles: the writing screen, the workflow buttons and the review queue.

The change form is a writing screen (templates/admin/articles/article/change_form.html):
headline, dek and body first, a side panel with the publishing controls, placement, byline
and image. Every status change goes through articles.services.workflow (run_transition, the
transition buttons); the form never writes `status`. Revisions and autosave come from
admin_revisions.RevisionsAdminMixin, the tag field and the byline's drag order from
admin_widgets. Sections, authors, series and redirects have plain admins at the end; sources
have theirs in admin_sources.
"""

from typing import cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.widgets import (
    AdminTextareaWidget,
    AdminTextInputWidget,
    AdminURLFieldWidget,
)
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, strip_tags
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media
from taggit.models import Tag

from newsroom.lib import roles
from newsroom.lib.admin import ChoicesWithoutScriptMixin, ReadOnlyAdminMixin
from newsroom.lib.urls import absolute_url

from . import admin_sources  # noqa: F401 (registers the sources' admin)
from .admin_revisions import RevisionsAdminMixin
from .admin_widgets import PositionedInlineMixin, TagAutocompleteWidget
from .models import (
    READING_WORDS_PER_MINUTE,
    Article,
    ArticleAuthor,
    ArticleAwaitingReview,
    ArticleQuerySet,
    ArticleRedirect,
    Author,
    Section,
    Series,
    SourcePermission,
    WorkflowEvent,
)
from .sanitize import EDITOR_EXTENSIONS, clean_body
from .services import preview, revisions, workflow


class BylineInline(ChoicesWithoutScriptMixin, PositionedInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = "author on the byline"
    verbose_name_plural = "byline (drag to order)"


WORKFLOW_EVENT_FIELDS = (
    "at",
    "transition_label",
    "actor",
    "publish_at",
    "note",
    "permission_override",
)


class WorkflowEventInline(admin.TabularInline):
    """The article's moves through the workflow, read-only: the record of who did what."""

    model = WorkflowEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = WORKFLOW_EVENT_FIELDS
    verbose_name = "workflow step"
    verbose_name_plural = "workflow history"

    @admin.display(description="Step")
    def transition_label(self, event):
        return event.get_transition_display()

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")


class WorkflowFilter(admin.SimpleListFilter):
    title = "workflow"
    parameter_name = "workflow"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Drafts"),
            ("review", "Awaiting review"),
            ("scheduled", "Scheduled"),
            ("live", "Live"),
            ("unpublished", "Unpublished"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "draft":
                return queryset.drafts()
            case "review":
                return queryset.awaiting_review()
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
            case "unpublished":
                return queryset.unpublished()
        return queryset


# Headlines and captions run long: give their inputs the width of the body field.
WIDE = {"class": "vLargeTextField"}


# The body's toolbar: every mark the sanitiser keeps is one button away (headings are
# buttons, not hidden in a dropdown), then undo/redo.
DESK_TOOLBAR = [
    {"group": "headings"},
    {"group": "marks"},
    {"group": "link"},
    {"group": "lists"},
    {"group": "nodes -blockType -lists"},
    {"group": "history"},
]


class ArticleAdminForm(forms.ModelForm):
    """The article form, plus the workflow button that was pressed, checked before saving."""

    body = ProseEditorFormField(
        # The figure button's "Browse…" opens the image library's picker.
        config={
            "extensions": EDITOR_EXTENSIONS
            | {"Figure": {"pickerUrl": reverse_lazy("admin:images_image_picker")}}
            | {"Menu": {"groups": DESK_TOOLBAR}}
        },
        sanitize=clean_body,
        widget=AdminProseEditorWidget,
        help_text="The story. Paste from a word processor keeps headings, lists and links and "
        "drops the rest. Images: the picture button, then “Browse…” picks one from the library.",
    )
    schedule_for = forms.SplitDateTimeField(
        required=False,
        label="Publish at",
        # The browser's own date and time pickers; min is set per request (today).
        widget=forms.SplitDateTimeWidget(
            date_attrs={"type": "date", "class": "desk-schedule__date"},
            time_attrs={"type": "time", "class": "desk-schedule__time"},
            date_format="%Y-%m-%d",
            time_format="%H:%M",
        ),
        error_messages={
            "invalid_date": "Choose when to publish: the date is missing.",
            "invalid_time": "Choose when to publish: the time is missing.",
        },
        help_text="For “Save and schedule”: when the article should appear on its own.",
    )
    permission_override_reason = forms.CharField(
        required=False,
        label="Override the source's permission",
        widget=AdminTextareaWidget(attrs={"rows": 2}),
        help_text="Only when publishing a translation its source's permission does not cover: "
        "why it may go live anyway. Kept in the workflow history.",
    )
    request: HttpRequest | None = None  # set per request by ArticleAdmin.get_form

    class Meta:
        model = Article
        # The admin narrows these to its fieldsets; status and dates are never form fields.
        fields = [
            *["headline", "slug", "dek", "dateline", "body", "section", "series", "tags"],
            *["country", "featured", "is_free", "lead_image", "source", "original_headline"],
            *["original_language", "original_url", "translator"],
            *["original_published_at", "original_author", "source_use"],
            *["original_is_wire_copy", "uses_source_photos"],
        ]
        widgets = {
            "tags": TagAutocompleteWidget,
            "dek": AdminTextareaWidget(attrs={"rows": 3}),
            # A textarea, so a long headline wraps where the writer can read it whole.
            "headline": AdminTextareaWidget(attrs={"rows": 2, "class": "desk-headline"}),
            "slug": AdminTextInputWidget(attrs=WIDE),
            "original_headline": AdminTextInputWidget(attrs=WIDE),
            "original_url": AdminURLFieldWidget(attrs=WIDE),
        }
        help_texts = {
            "tags": "Type to pick an existing tag; for a new one, type it and press Enter.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "schedule_for" in self.fields:
            today = timezone.localdate().isoformat()
            self.fields["schedule_for"].widget.widgets[0].attrs["min"] = today
        if "source_use" in self.fields:  # left out, a story uses the whole original
            self.fields["source_use"].required = False

    def clean_source_use(self) -> str:
        return self.cleaned_data.get("source_use") or SourcePermission.Scope.FULL

    def clean_headline(self) -> str:
        """One line, whatever the textarea let through (a pasted line break, say)."""
        return " ".join(self.cleaned_data["headline"].split())

    def requested_transition(self) -> str:
        return self.request.POST.get("_transition", "") if self.request else ""

    # ModelForm's private hook, after the instance has the form's values; not in the stubs.
    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        name = self.requested_transition()
        if not name or self.request is None:
            return
        try:
            workflow.check_transition(
                name,
                article=self.instance,
                by=self.request.user,
                at=self.cleaned_data.get("schedule_for"),
                override_reason=self.cleaned_data.get("permission_override_reason") or "",
            )
        except workflow.WorkflowError as error:
            move = workflow.resolve(name, article=self.instance)
            schedules = move is not None and move.schedules
            field = "schedule_for" if schedules and "schedule_for" in self.fields else None
            if field is None or field not in self.errors:  # the field's own message says it
                self.add_error(field, error.message)

    def override_reason(self) -> str:
        return self.cleaned_data.get("permission_override_reason") or ""


def run_transition(modeladmin, request, queryset, name: str) -> None:
    """Apply one workflow move to each selected article, reporting refusals one by one."""
    done = 0
    for article in queryset:
        try:
            workflow.apply_transition(name, article=article, by=request.user)
        except workflow.WorkflowError as error:
            modeladmin.message_user(request, error.message, messages.ERROR)
        else:
            done += 1
    if done:
        past = workflow.TRANSITIONS[name].past.lower()
        modeladmin.message_user(
            request, f"{past.capitalize()}: {done} article(s).", messages.SUCCESS
        )


def workflow_state(article) -> str:
    """ "Scheduled for 5 December 2026, 14:00", "In review since …", "Published …"."""
    if article.is_scheduled:
        return (
            f"Scheduled for {date_format(timezone.localtime(article.published_at), 'j M Y, H:i')}"
        )
    when = article.status_changed_at or (
        article.published_at if article.status == Article.Status.PUBLISHED else None
    )
    label = article.get_status_display()
    if when is None:
        return label
    joiner = " since " if article.status == Article.Status.IN_REVIEW else " "
    return f"{label}{joiner}{_local(when)}"


def _local(moment) -> str:
    return date_format(timezone.localtime(moment), "j M Y, H:i")


@admin.register(Article)
class ArticleAdmin(ChoicesWithoutScriptMixin, RevisionsAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    inlines = [BylineInline, WorkflowEventInline]
    list_display = ["headline", "section", "state", "author_names", "thumbnail"]
    list_filter = [WorkflowFilter, "status", "section", "series", "source", "is_free", "featured"]
    search_fields = ["headline", "dek", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["translator", "series", "source", "section", "lead_image"]
    list_select_related = ["section", "lead_image"]
    actions = ["submit_for_review", "publish", "unpublish", "send_back_to_draft"]
    # Status and dates move only through the workflow service (buttons and actions).
    workflow_readonly_fields = [
        "state",
        "preview_link",
        "published_at",
        "created_by",
        "status_changed_by",
        "lead_image_preview",
        "created_at",
        "updated_at",
    ]
    # Placement on the home page and the paywall are editors' decisions.
    editor_only_fields = ["featured", "is_free"]
    # The writing screen: fieldsets with "desk-side" sit in the side panel, the rest under
    # the body; "desk-publish" is drawn as the publishing panel (the template's business).
    fieldsets = [
        (None, {"fields": ["headline", "dek", "body"], "classes": ["desk-writing"]}),
        (
            "Publishing",
            {
                "fields": ["schedule_for", "permission_override_reason"],
                "classes": ["desk-side", "desk-publish"],
            },
        ),
        ("Placement", {"fields": ["section", "series", "tags"], "classes": ["desk-side"]}),
        ("Lead image", {"fields": ["lead_image", "lead_image_preview"], "classes": ["desk-side"]}),
        (
            "On the home page and the paywall",
            {"fields": ["featured", "is_free"], "classes": ["desk-side"]},
        ),
        ("Dateline and address", {"fields": ["dateline", "country", "slug"]}),
        (
            "Source of the translation",
            {
                "fields": [
                    "source",
                    "original_headline",
                    "original_language",
                    "original_url",
                    "original_published_at",
                    "original_author",
                    "translator",
                    "source_use",
                    "original_is_wire_copy",
                    "uses_source_photos",
                ]
            },
        ),
        (
            "Record",
            {
                "fields": [
                    "published_at",
                    "created_by",
                    "status_changed_by",
                    "created_at",
                    "updated_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    # Drawn in the side panel, right under the publishing controls.
    side_inlines = ["bylines"]

    tag_suggestions_per_page = 20

    def get_urls(self):
        tag_view = self.admin_site.admin_view(self.tag_autocomplete_view)
        return [
            path("tag-autocomplete/", tag_view, name="articles_article_tag_autocomplete"),
            *super().get_urls(),
        ]

    def tag_autocomplete_view(self, request):
        """Existing tags matching what the editor typed, names starting with it first."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        term = request.GET.get("term", "").strip()[:100]
        tags = Tag.objects.filter(name__icontains=term).annotate(
            starts=Case(
                When(name__istartswith=term, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        page = Paginator(
            tags.order_by("starts", "name").values_list("name", flat=True),
            self.tag_suggestions_per_page,
        ).get_page(request.GET.get("page"))
        return JsonResponse(
            {
                "results": [{"id": name, "text": name} for name in page],
                "pagination": {"more": page.has_next()},
            }
        )

    def get_queryset(self, request):
        queryset = cast(ArticleQuerySet, super().get_queryset(request)).prefetch_related(
            "bylines__author"
        )
        if roles.can_edit_any(request.user):
            return queryset
        return queryset.owned_by(request.user)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or roles.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or roles.can_edit_any(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.workflow_readonly_fields)
        if not roles.can_publish(request.user):
            fields += self.editor_only_fields
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        article = obj or Article(status=Article.Status.DRAFT)
        hidden = set()
        if not any(
            t.schedules for t in workflow.available_transitions(article=article, by=request.user)
        ):
            hidden.add("schedule_for")
        if not roles.can_override_source_permission(request.user):
            hidden.add("permission_override_reason")
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        attrs = {"request": request}
        shown = flatten_fieldsets(self.get_fieldsets(request, obj))
        for declared in ("schedule_for", "permission_override_reason"):
            if declared not in shown:
                attrs[declared] = None  # removes the declared field
        return type(form.__name__, (form,), attrs)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not roles.can_publish(request.user):
            for name in ("publish", "unpublish"):
                actions.pop(name, None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        obj._history_user = request.user
        form.content_changed = revisions.content_changed(obj)
        if form.requested_transition() or not form.content_changed:
            # Nothing to keep, or the workflow move that follows keeps the one revision.
            with revisions.without_revision(obj):
                super().save_model(request, obj, form, change)
        else:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the byline is saved, so "your own article" sees it.
        name = form.requested_transition()
        if not name:
            return
        try:
            workflow.apply_transition(
                name,
                article=form.instance,
                by=request.user,
                at=form.cleaned_data.get("schedule_for"),
                override_reason=form.override_reason(),
            )
        except workflow.WorkflowError as error:
            if form.content_changed:  # the move kept no revision: the edit keeps its own
                form.instance.save()
            self.message_user(request, f"Saved, but not moved: {error.message}", messages.ERROR)
        else:
            self.message_user(request, f"{workflow_state(form.instance)}.", messages.SUCCESS)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or Article(status=Article.Status.DRAFT)
        can_save = (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        transitions = (
            workflow.available_transitions(article=article, by=request.user) if can_save else []
        )
        context["workflow_transitions"] = transitions  # the schedule button sits by its time
        context["schedule_transition"] = next((t for t in transitions if t.schedules), None)
        context["desk"] = self.desk_context(request, article, add=add, can_save=can_save)
        # The editor's import map is an inline script: it needs this response's CSP nonce.
        nonce = getattr(request, "csp_nonce", None)
        if nonce is not None:
            context["media"] = Media.from_media(context["media"], nonce=str(nonce))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def desk_context(self, request, article, *, add, can_save):
        """What the writing screen's side panel shows beside the form's own fields."""
        words = len(strip_tags(article.body or "").split())
        may_autosave = can_save and revisions.may_autosave(article)
        if add:
            autosave_url = reverse("admin:articles_article_autosave_new")
        else:
            autosave_url = reverse("admin:articles_article_autosave", args=[article.pk])
        return {
            "state": workflow_state(article) if not add else "New draft, not saved yet",
            "status": article.status,
            "is_live": article.is_published,
            "words": words,
            "minutes": max(1, round(words / READING_WORDS_PER_MINUTE)) if words else 0,
            "words_per_minute": READING_WORDS_PER_MINUTE,
            "time_zone": timezone.get_current_timezone_name(),
            "utc_offset": timezone.localtime().strftime("%z"),
            "autosave_url": autosave_url if may_autosave else "",
            "preview": self.preview_link(article) if not add else "",
            "side_inlines": self.side_inlines,
        }

    def view_on_site(self, article):
        """Live articles open on the site; the others open through a fresh preview link."""
        if article.is_published:
            return article.get_absolute_url()
        return preview.make_preview_link(article=article).url

    @admin.display(description="Preview link")
    def preview_link(self, article):
        if article.pk is None:
            return "Save the article to get a preview link."
        if article.is_published:
            return format_html(
                '<a href="{}">Published: read it on the site</a>', article.get_absolute_url()
            )
        link = preview.make_preview_link(article=article)
        url = absolute_url(link.url)
        return format_html(
            '<div class="preview-link"><input type="text" readonly value="{}" '
            'aria-label="Preview link"></div>'
            '<p class="preview-link__help">Anyone with this link can read the article until {}, '
            'without an account. <a href="{}" target="_blank" rel="noopener">Open the preview</a>'
            "</p>",
            url,
            _local(link.expires_at),
            link.url,
        )

    @admin.display(description="Workflow", ordering="published_at")
    def state(self, article):
        return workflow_state(article)

    @admin.display(description="Authors")
    def author_names(self, article):
        return ", ".join(b.author.name for b in article.bylines.all())

    @admin.display(description="Image")
    def thumbnail(self, article):
        if not article.lead_image:
            return ""
        return format_html(
            '<img src="{}" alt="" class="image-thumbnail" width="60" height="40">',
            article.lead_image_url(0),
        )

    @admin.display(description="Preview")
    def lead_image_preview(self, article):
        if not article.lead_image:
            return "No image yet."
        return format_html(
            '<img src="{}" alt="{}" class="image-preview" width="320" height="213">',
            article.lead_image_url(0),
            article.lead_image_alt,
        )

    @admin.action(description="Submit the selected articles for review")
    def submit_for_review(self, request, queryset):
        run_transition(self, request, queryset, "submit")

    @admin.action(description="Publish the selected articles now")
    def publish(self, request, queryset):
        run_transition(self, request, queryset, "publish")

    @admin.action(description="Unpublish the selected articles")
    def unpublish(self, request, queryset):
        run_transition(self, request, queryset, "unpublish")

    @admin.action(description="Send the selected articles back to draft")
    def send_back_to_draft(self, request, queryset):
        run_transition(self, request, queryset, "send_back")


@admin.register(ArticleAwaitingReview)
class AwaitingReviewAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The editors' review queue; each row opens the article's own page."""

    list_display = ["headline_link", "section", "submitted_by", "waiting_since", "author_names"]
    list_display_links = None
    list_select_related = ["section", "status_changed_by"]
    ordering = ["status_changed_at", "pk"]
    search_fields = ["headline", "dek"]

    def get_queryset(self, request):
        queryset = cast(ArticleQuerySet, super().get_queryset(request))
        return queryset.awaiting_review().prefetch_related("bylines__author")

    def has_view_permission(self, request, obj=None):
        return roles.can_publish(request.user)

    def has_module_permission(self, request):
        return roles.can_publish(request.user)

    @admin.display(description="Headline")
    def headline_link(self, article):
        url = reverse("admin:articles_article_change", args=[article.pk])
        return format_html('<a href="{}">{}</a>', url, article.headline)

    @admin.display(description="Submitted by")
    def submitted_by(self, article):
        user = article.status_changed_by
        return (user.get_full_name() or user.get_username()) if user else "—"

    @admin.display(description="Waiting since", ordering="status_changed_at")
    def waiting_since(self, article):
        if not article.status_changed_at:
            return "—"
        return date_format(timezone.localtime(article.status_changed_at), "j M Y, H:i")

    @admin.display(description="Authors")
    def author_names(self, article):
        return ", ".join(b.author.name for b in article.bylines.all())


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__headline"]
    autocomplete_fields = ["article"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "show_in_navigation"]
    list_editable = ["order", "show_in_navigation"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "label", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
