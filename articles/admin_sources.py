"""The sources' admin: each newspaper with its country, language, contact and the
permission record that decides whether its stories may be published in translation."""

from django import forms
from django.contrib import admin
from django.db.models import Count

from .forms import CountryCodeField, LanguageCodeField
from .models import Source, SourcePermission


class SourceAdminForm(forms.ModelForm):
    country = CountryCodeField(
        required=False,
        label="Country",
        help_text="Where the newspaper is published: its English name or ISO code (FR).",
    )
    language = LanguageCodeField(
        required=False,
        label="Language",
        help_text="The language it is written in: its English name or ISO 639-1 code (fr).",
    )

    class Meta:
        model = Source
        fields = [
            *["name", "slug", "country", "language", "homepage"],
            *["contact_name", "contact_email", "notes"],
        ]


class SourcePermissionForm(forms.ModelForm):
    class Meta:
        model = SourcePermission
        fields = [
            *["status", "scope", "starts_on", "ends_on", "attribution_text"],
            *["excludes_wire_copy", "excludes_photos", "notes"],
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "attribution_text": forms.TextInput(attrs={"size": 80}),
        }

    def clean(self):
        cleaned = super().clean() or {}
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "The agreement cannot end before it starts.")
        if cleaned.get("status") == SourcePermission.Status.GRANTED and not cleaned.get(
            "attribution_text"
        ):
            self.add_error(
                "attribution_text",
                "A granted permission needs the attribution text the agreement requires "
                "(printed under every story).",
            )
        return cleaned


class SourcePermissionInline(admin.StackedInline):
    """One permission record per source, edited as the agreement changes."""

    model = SourcePermission
    form = SourcePermissionForm
    min_num = 1
    max_num = 1
    can_delete = False
    verbose_name = "permission to translate"
    verbose_name_plural = "permission to translate"


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceAdminForm
    inlines = [SourcePermissionInline]
    list_display = ["name", "country_label", "language_label", "permission_status", "stories"]
    list_filter = ["permission__status", "country", "language"]
    search_fields = ["name", "contact_name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "country", "language", "homepage"]}),
        ("Contact", {"fields": ["contact_name", "contact_email", "notes"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("permission")
            .annotate(story_count=Count("articles"))
        )

    @admin.display(description="Country", ordering="country")
    def country_label(self, source):
        return source.country_name

    @admin.display(description="Language", ordering="language")
    def language_label(self, source):
        return source.language_name

    @admin.display(description="Permission", ordering="permission__status")
    def permission_status(self, source):
        permission = source.current_permission
        return permission.get_status_display() if permission else "Not recorded"

    @admin.display(description="Stories", ordering="story_count")
    def stories(self, source):
        return source.story_count
