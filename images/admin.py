"""The image library in the admin: upload, alt text, focal point, the renditions made.

Two views of its own: the staff-only original (the originals storage's URL) and the picker
the article body editor's "Browse…" opens to put a library picture in a story.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from newsroom.lib import roles
from newsroom.lib.urls import absolute_url

from .models import Image


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    """The image library: every picture once, with its alt text, credit and focal point."""

    list_display = ["thumbnail", "alt_text", "credit", "dimensions", "created_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["focal_point_picker", "renditions", "dimensions", "uploaded_by"]
    fieldsets = [
        (None, {"fields": ["file", "alt_text", "caption", "credit"]}),
        (
            "Focal point",
            {
                "fields": ["focal_point_picker", "focal_x", "focal_y"],
                "description": "Click the part of the picture that must stay in view when it "
                "is cropped for cards and pages.",
            },
        ),
        ("Renditions", {"fields": ["renditions", "dimensions", "uploaded_by"]}),
    ]

    class Media:
        js = ["js/focal-point.js"]
        css = {"all": ["css/newsroom-admin.css"]}

    def get_urls(self) -> list[URLPattern]:
        picker = path(
            "pick/",
            self.admin_site.admin_view(self.picker_view),
            name="images_image_picker",
        )
        original = path(
            "original/<path:name>",
            self.admin_site.admin_view(self.original_view),
            name="images_image_original",
        )
        return [picker, original, *super().get_urls()]

    def original_view(self, request: HttpRequest, name: str) -> FileResponse:
        """An original upload, for staff who may see the image (the originals storage's URL)."""
        image = Image.objects.filter(file=name).first()
        if image is None:
            raise Http404("No image has this original.")
        if not self.has_view_permission(request, image):
            raise PermissionDenied
        try:
            handle = image.file.storage.open(image.file.name, "rb")
        except FileNotFoundError as exc:
            raise Http404("The original is missing from storage.") from exc
        return FileResponse(handle)  # admin_view adds Cache-Control: private, no-store

    def picker_view(self, request: HttpRequest) -> TemplateResponse:
        """The body editor's "Browse…" window: click a picture to put it in the article."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = " ".join(request.GET.get("q", "").split())[:100]
        images = Image.objects.all()
        if query:
            images = images.filter(
                Q(alt_text__icontains=query)
                | Q(caption__icontains=query)
                | Q(credit__icontains=query)
            )
        page = Paginator(images, 24).get_page(request.GET.get("p"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Choose an image",
            "opts": self.opts,
            "page": page,
            "query": query,
            "func_num": request.GET.get("CKEditorFuncNum", ""),
            "is_popup": True,
        }
        return TemplateResponse(request, "admin/images/image/picker.html", context)

    def has_change_permission(self, request: HttpRequest, obj: Image | None = None) -> bool:
        """Writers change the images they uploaded; editors change any."""
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or roles.can_edit_any(request.user) or obj.uploaded_by == request.user

    def save_model(self, request: HttpRequest, obj: Image, form, change: bool) -> None:
        if not change:
            assert request.user.is_authenticated  # the admin lets only staff in
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="Image")
    def thumbnail(self, image: Image) -> SafeString:
        return format_html(
            '<img src="{}" alt="" class="image-thumbnail" width="96" height="64">', image.url(0)
        )

    @admin.display(description="Size")
    def dimensions(self, image: Image) -> str:
        return f"{image.width} × {image.height} px" if image.width else "—"

    @admin.display(description="Picture")
    def focal_point_picker(self, image: Image) -> str:
        if not image.pk:
            return "Save the image first; then click its focal point here."
        return format_html(
            '<div class="focal-picker" data-focal-picker>'
            '<img src="{}" alt="{}" width="{}" height="{}">'
            '<span class="focal-picker__marker" aria-hidden="true"></span></div>',
            image.file.url,
            image.alt_text,
            image.width,
            image.height,
        )

    @admin.display(description="Sizes made")
    def renditions(self, image: Image) -> str:
        if not image.pk:
            return "Made when the image is saved."
        rows = format_html_join(
            "",
            '<li><a href="{}">{} px JPEG</a> · <a href="{}">WebP</a> '
            '<input type="text" readonly value="{}" aria-label="Address of the {} px JPEG"></li>',
            (
                (jpg, width, webp, absolute_url(jpg), width)
                for (width, jpg), (_, webp) in zip(
                    image.rendition_urls("jpg"), image.rendition_urls("webp"), strict=True
                )
            ),
        )
        return format_html(
            '<ul class="rendition-list">{}</ul><div class="help">To put the image in an article '
            "body, copy an address into the editor's image button.</div>",
            rows,
        )
