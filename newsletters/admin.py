"""The newsletter admin: newsletters, subscribers (CSV import and export), blocked domains,
issues (preview, test send, send and resume) and their deliveries.

Subscriber status is read-only here: the unsubscribe action goes through the preferences
service to newsletters.services.subscribers.change_status; sending goes through
services.sending.
"""

import io
from email.utils import parseaddr
from typing import Any, cast

from csp.constants import SELF
from csp.decorators import csp_replace
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from articles.admin_widgets import PositionedInlineMixin
from newsroom.lib.admin import ChoicesWithoutScriptMixin

from .models import (
    BlockedDomain,
    Delivery,
    IssueArticle,
    Newsletter,
    NewsletterIssue,
    NewsletterQuerySet,
    Subscriber,
    Subscription,
    clean_intro,
)
from .services import editions, issue_email, preferences, sending
from .services.subscribers_csv import export_lines, import_subscribers


@admin.register(Newsletter)
class NewsletterAdmin(ChoicesWithoutScriptMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "cadence",
        "series",
        "in_masthead",
        "is_active",
        "confirmed_subscribers",
        "pending_subscribers",
    ]
    list_filter = ["cadence", "is_active", "in_masthead"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["series"]

    def get_queryset(self, request):
        queryset = cast(NewsletterQuerySet, super().get_queryset(request))
        return queryset.select_related("series").with_subscriber_counts()

    @admin.display(description="confirmed", ordering="confirmed_count")
    def confirmed_subscribers(self, obj):
        return obj.confirmed_count

    @admin.display(description="waiting to confirm", ordering="pending_count")
    def pending_subscribers(self, obj):
        return obj.pending_count


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    fields = ["newsletter", "created_at"]
    readonly_fields = ["created_at"]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text='UTF-8, with a first row naming the columns; one must be "email".',
    )
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Every imported address is subscribed to these.",
    )
    source = forms.CharField(
        label="Where the consent was gathered",
        max_length=200,
        help_text='Recorded with each subscriber, e.g. "Old newsletter provider, export of '
        'March 2026".',
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            return io.TextIOWrapper(upload.file, encoding="utf-8-sig", newline="")
        except (UnicodeDecodeError, ValueError) as exc:
            raise forms.ValidationError("The file must be UTF-8 text.") from exc


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "newsletter_names", "created_at", "confirmed_at"]
    list_filter = ["status", "newsletters", "created_at"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    inlines = [SubscriptionInline]
    change_list_template = "admin/newsletters/subscriber/change_list.html"
    actions = ["unsubscribe_from_everything"]
    # The status moves only through newsletters.services.subscribers (signup, links, actions).
    readonly_fields = [
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "consent_at",
        "consent_text",
        "consent_source",
        "consent_ip_hash",
    ]
    fieldsets = [
        (None, {"fields": ["email", "status", "created_at", "confirmed_at", "unsubscribed_at"]}),
        (
            "Consent record",
            {"fields": ["consent_at", "consent_text", "consent_source", "consent_ip_hash"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("newsletters")

    @admin.action(description="Unsubscribe from every newsletter", permissions=["change"])
    def unsubscribe_from_everything(self, request, queryset) -> None:
        now = timezone.now()
        subscribers = list(queryset)
        for subscriber in subscribers:
            preferences.unsubscribe(subscriber=subscriber, now=now)
        self.message_user(
            request, f"{len(subscribers)} subscriber(s) unsubscribed.", messages.SUCCESS
        )

    @admin.display(description="newsletters")
    def newsletter_names(self, obj):
        return ", ".join(n.name for n in obj.newsletters.all())

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="newsletters_subscriber_export",
            ),
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="newsletters_subscriber_import",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request):
        """The subscribers the list shows (same filters and search), streamed as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        queryset = self.get_changelist_instance(request).get_queryset(request)
        response = StreamingHttpResponse(
            export_lines(queryset.prefetch_related(None)), content_type="text/csv"
        )
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
        return response

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        report = None
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = import_subscribers(
                    lines=form.cleaned_data["file"],
                    newsletters=form.cleaned_data["newsletters"],
                    source=form.cleaned_data["source"],
                )
            except UnicodeDecodeError:
                form.add_error("file", "The file must be UTF-8 text.")
            else:
                self.message_user(
                    request,
                    f"{report.created} added, {report.updated} already known, "
                    f"{len(report.rejected)} rejected.",
                    messages.WARNING if report.rejected else messages.SUCCESS,
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import subscribers",
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/newsletters/subscriber/import.html", context)


@admin.register(BlockedDomain)
class BlockedDomainAdmin(admin.ModelAdmin):
    list_display = ["domain", "reason", "created_at"]
    search_fields = ["domain", "reason"]


class IssueArticleInline(ChoicesWithoutScriptMixin, PositionedInlineMixin, admin.TabularInline):
    model = IssueArticle
    extra = 1
    autocomplete_fields = ["article"]
    fields = ["article", "position"]
    verbose_name = "story"
    verbose_name_plural = "stories (drag to order; headline, dek and link go in the email)"

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.is_editable

    def has_add_permission(self, request, obj=None):
        return obj is None or obj.is_editable

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.is_editable


# The introduction's toolbar: what an email carries well, all of it kept by the sanitiser.
INTRO_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
}
# Who the preview is addressed to: an imaginary subscriber, with links that open nothing.
SAMPLE_RECIPIENT = "a.subscriber@example.com"


class NewsletterIssueForm(forms.ModelForm):
    intro = ProseEditorFormField(
        config={"extensions": INTRO_EXTENSIONS},
        sanitize=clean_intro,
        widget=AdminProseEditorWidget,
        required=False,
        help_text="A few sentences from the editors, before the stories: bold, italic, links "
        "and lists. The newsletter's greeting comes first on its own.",
    )

    class Meta:
        model = NewsletterIssue
        fields = ["newsletter", "subject", "preheader", "intro", "scheduled_for"]


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(ChoicesWithoutScriptMixin, admin.ModelAdmin):
    form = NewsletterIssueForm
    change_list_template = "admin/newsletters/newsletterissue/change_list.html"
    list_display = ["subject", "newsletter", "status", "progress", "scheduled_for", "sent_at"]
    list_filter = ["status", "newsletter"]
    search_fields = ["subject"]
    list_select_related = ["newsletter"]
    inlines = [IssueArticleInline]
    autocomplete_fields = ["newsletter"]
    change_form_template = "admin/newsletters/newsletterissue/change_form.html"
    fields = [
        "newsletter",
        "subject",
        "preheader",
        "intro",
        "status",
        "scheduled_for",
        "delivery_progress",
        "send_started_at",
        "sent_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        fixed = ["status", "delivery_progress", "send_started_at", "sent_at"]
        if obj is not None and not obj.is_editable:
            return [*fixed, "newsletter", "subject", "preheader", "intro_as_sent", "scheduled_for"]
        return fixed

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None and not obj.is_editable:
            # Shown as the email shows it, not as its HTML source.
            fields = ["intro_as_sent" if name == "intro" else name for name in fields]
        return fields

    @admin.display(description="intro")
    def intro_as_sent(self, obj):
        # Cleaned by the article sanitiser on save (models.clean_intro).
        return mark_safe(obj.intro)  # noqa: S308

    def get_queryset(self, request):
        def count(*statuses):
            return Count("deliveries", filter=Q(deliveries__status__in=statuses))

        return (
            super()
            .get_queryset(request)
            .annotate(
                sent_count=count(Delivery.Status.SENT),
                failed_count=count(Delivery.Status.FAILED),
                remaining_count=count(Delivery.Status.PENDING, Delivery.Status.SENDING),
            )
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The intro editor's import map is an inline script: it needs this response's nonce.
        nonce = getattr(request, "csp_nonce", None)
        if nonce is not None:
            context["media"] = Media.from_media(context["media"], nonce=str(nonce))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="sent / failed / remaining")
    def progress(self, obj):
        if obj.is_unsent:
            return "–"
        return f"{obj.sent_count} / {obj.failed_count} / {obj.remaining_count}"

    @admin.display(description="deliveries")
    def delivery_progress(self, obj):
        if obj is None or obj.pk is None or obj.is_editable:
            return "Not sent yet."
        report = sending.delivery_report(obj)
        return format_html(
            '<progress max="{}" value="{}"></progress> {} sent, {} failed, {} remaining{} '
            "of {} recipients.",
            report.total or 1,
            report.sent + report.failed,
            report.sent,
            report.failed,
            report.remaining,
            format_html(
                ", {} in doubt (handed to the mail server as a worker was killed; not re-sent)",
                report.in_doubt,
            )
            if report.in_doubt
            else "",
            report.total,
        )

    def get_urls(self):
        def view(name, func):
            return path(
                f"<int:pk>/{name}/",
                self.admin_site.admin_view(func),
                name=f"newsletters_newsletterissue_{name.replace('-', '_')}",
            )

        return [
            path(
                "build/<int:newsletter_pk>/",
                self.admin_site.admin_view(self.build_view),
                name="newsletters_newsletterissue_build",
            ),
            # The change form shows the preview in a frame: this page alone may be framed.
            view("preview", csp_replace({"frame-ancestors": [SELF]})(cast(Any, self.preview_view))),
            view("preview-text", self.preview_text_view),
            view("send-test", self.send_test_view),
            view("send", self.send_view),
            view("retry", self.retry_view),
            *super().get_urls(),
        ]

    def _issue(self, request, pk, *, change=False):
        issue = get_object_or_404(NewsletterIssue.objects.select_related("newsletter"), pk=pk)
        allowed = self.has_change_permission if change else self.has_view_permission
        if not allowed(request, issue):
            raise PermissionDenied
        return issue

    def build_view(self, request, newsletter_pk):
        """One click: today's draft of a newsletter with its latest stories, to reorder."""
        if request.method != "POST":
            return redirect(reverse("admin:newsletters_newsletterissue_changelist"))
        if not self.has_add_permission(request):
            raise PermissionDenied
        newsletter = get_object_or_404(Newsletter, pk=newsletter_pk)
        edition = editions.build_edition(newsletter=newsletter, created_by=request.user)
        if edition.created:
            self.message_user(
                request,
                f"Today's {newsletter.name} holds the {edition.stories} latest "
                f"stor{'y' if edition.stories == 1 else 'ies'}: put them in order, write "
                "the introduction, then preview and send.",
            )
        else:
            self.message_user(
                request,
                f"Today's {newsletter.name} was already started: here it is.",
                messages.INFO,
            )
        return redirect(
            reverse("admin:newsletters_newsletterissue_change", args=[edition.issue.pk])
        )

    def changelist_view(self, request, extra_context=None):
        can_build = self.has_add_permission(request)
        extra_context = {
            **(extra_context or {}),
            "buildable_newsletters": list(Newsletter.objects.active()) if can_build else [],
        }
        return super().changelist_view(request, extra_context)

    def preview_view(self, request, pk):
        issue = self._issue(request, pk)
        # Addressed to an imaginary subscriber: the footer's links are real addresses of the
        # site carrying tokens for nobody, never a placeholder and never a real reader's.
        message = issue_email.personalise(
            issue_email.render_issue(issue), subscriber_id=0, email=SAMPLE_RECIPIENT
        )
        html = next(
            content for content, mimetype in message.alternatives if mimetype == "text/html"
        )
        response = HttpResponse(html)
        # The email's own styles are inline; keep the admin's framing rules.
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    def preview_text_view(self, request, pk):
        issue = self._issue(request, pk)
        message = issue_email.personalise(
            issue_email.render_issue(issue), subscriber_id=0, email=SAMPLE_RECIPIENT
        )
        return HttpResponse(message.body, content_type="text/plain; charset=utf-8")

    def send_test_view(self, request, pk):
        issue = self._issue(request, pk)
        if request.method != "POST":
            return redirect(reverse("admin:newsletters_newsletterissue_change", args=[pk]))
        if not request.user.email:
            self.message_user(
                request, "Your account has no email address to send the test to.", messages.ERROR
            )
        else:
            try:
                sending.send_test(issue=issue, to=request.user.email)
            except issue_email.UnsendableIssue as exc:
                self.message_user(request, f"The test was not sent. {exc}", messages.ERROR)
            else:
                self.message_user(request, f"Test sent to {request.user.email}.")
        return redirect(reverse("admin:newsletters_newsletterissue_change", args=[pk]))

    def send_view(self, request, pk):
        issue = self._issue(request, pk, change=True)
        change_url = reverse("admin:newsletters_newsletterissue_change", args=[pk])
        if request.method == "POST":
            try:
                self._start_or_schedule(request, issue)
            except issue_email.UnsendableIssue as exc:
                self.message_user(request, f"This issue was not sent. {exc}", messages.ERROR)
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Send this issue?",
            "issue": issue,
            "original": issue,
            "recipients": Subscriber.objects.receiving(issue.newsletter).count(),
            "can_schedule": bool(issue.scheduled_for and issue.scheduled_for > timezone.now()),
        }
        return TemplateResponse(request, "admin/newsletters/newsletterissue/send.html", context)

    def _start_or_schedule(self, request, issue):
        when = request.POST.get("when")
        if when == "schedule" and issue.scheduled_for and issue.scheduled_for > timezone.now():
            if sending.schedule(issue=issue, when=issue.scheduled_for):
                when = timezone.localtime(issue.scheduled_for)
                self.message_user(request, f"Scheduled for {when:%Y-%m-%d %H:%M}.")
            else:
                self.message_user(
                    request,
                    "This issue cannot be scheduled: it is not a draft, or the background "
                    "worker cannot run work later (see TASKS_BACKEND).",
                    messages.ERROR,
                )
        elif sending.start_sending(issue=issue):
            self.message_user(request, "Sending has started; this page shows its progress.")
        else:
            self.message_user(request, "This issue is already sending or sent.", messages.ERROR)

    def retry_view(self, request, pk):
        issue = self._issue(request, pk, change=True)
        if request.method == "POST":
            if issue.status == NewsletterIssue.Status.SENDING:
                sending.resume(issue=issue)
                self.message_user(request, "Sending resumed.")
            else:
                count = sending.retry_failed(issue=issue)
                self.message_user(request, f"Retrying {count} failed deliveries.")
        return redirect(reverse("admin:newsletters_newsletterissue_change", args=[pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # get_object answers None for an id that is not one (a 404-like redirect, not a 500).
        issue = self.get_object(request, unquote(object_id))
        sender_name, sender_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        extra_context = {
            **(extra_context or {}),
            "refresh_seconds": 5
            if issue and issue.status == NewsletterIssue.Status.SENDING
            else None,
            "inbox": {
                "sender_name": sender_name or sender_address,
                "sender_address": sender_address,
                "recipient": SAMPLE_RECIPIENT,
            },
        }
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read-only: who got which issue, and why a delivery failed."""

    list_display = ["subscriber", "issue", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "issue"]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber", "issue"]
    raw_id_fields = ["subscriber", "issue"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
