from django.contrib import admin

from .dashboard import build_dashboard


class NewsroomAdminSite(admin.AdminSite):
    """The admin with the newsroom's dashboard as its home page."""

    site_header = "Newsroom"
    site_title = "Newsroom admin"
    index_title = "Newsroom"
    index_template = "admin/dashboard.html"

    def index(self, request, extra_context=None):
        context = {"dashboard": build_dashboard(user=request.user), **(extra_context or {})}
        return super().index(request, extra_context=context)
