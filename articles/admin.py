from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html

from .models import Article, ArticleAuthor, Author, Section, Series, Source


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = "author on the byline"
    verbose_name_plural = "byline (in order)"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    inlines = [BylineInline]
    list_display = ["headline", "section", "status", "published_at", "author_names", "thumbnail"]
    list_filter = ["status", "section", "series", "source", "is_free", "featured", "published_at"]
    search_fields = ["headline", "dek", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["translator", "series", "source", "section"]
    readonly_fields = ["lead_image_preview", "created_at", "updated_at"]
    list_select_related = ["section"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "dateline", "body"]}),
        ("Placement", {"fields": ["section", "series", "tags", "country", "featured", "is_free"]}),
        (
            "Lead image",
            {
                "fields": [
                    "lead_image",
                    "lead_image_preview",
                    "lead_image_alt",
                    "lead_image_caption",
                    "lead_image_credit",
                ]
            },
        ),
        (
            "Source of the translation",
            {
                "fields": [
                    "source",
                    "original_headline",
                    "original_language",
                    "original_url",
                    "translator",
                ]
            },
        ),
        ("Publishing", {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__author")

    @admin.display(description="Authors")
    def author_names(self, article):
        return ", ".join(b.author.name for b in article.bylines.all())

    @admin.display(description="Image")
    def thumbnail(self, article):
        if not article.lead_image:
            return ""
        return format_html(
            '<img src="{}" alt="" style="height:40px;width:auto">', article.lead_image_url(0)
        )

    @admin.display(description="Preview")
    def lead_image_preview(self, article):
        if not article.lead_image:
            return "No image yet."
        return format_html(
            '<img src="{}" alt="{}" style="max-width:320px;height:auto">',
            article.lead_image_url(0),
            article.lead_image_alt,
        )

    @admin.action(description="Publish the selected articles now")
    def publish(self, request, queryset):
        now = timezone.now()
        count = 0
        for article in queryset.exclude(status=Article.Status.PUBLISHED):
            article.status = Article.Status.PUBLISHED
            article.published_at = article.published_at or now
            article.save()
            count += 1
        self.message_user(request, f"Published {count} article(s).", messages.SUCCESS)

    @admin.action(description="Unpublish the selected articles")
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Article.Status.PUBLISHED).update(status=Article.Status.DRAFT)
        self.message_user(request, f"Unpublished {count} article(s).", messages.SUCCESS)


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


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "language"]
    list_filter = ["country", "language"]
    search_fields = ["name", "country"]
    prepopulated_fields = {"slug": ["name"]}
