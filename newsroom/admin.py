from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from .dashboard import build_dashboard
from .lib import ratelimit
from .lib.client import client_address


class NewsroomAdminSite(admin.AdminSite):
    """The admin with the newsroom's dashboard as its home page."""

    site_header = "Newsroom"
    site_title = "Newsroom admin"
    index_title = "Newsroom"
    index_template = "admin/dashboard.html"

    def index(self, request, extra_context=None):
        context = {"dashboard": build_dashboard(user=request.user), **(extra_context or {})}
        return super().index(request, extra_context=context)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """django-axes locks out one username; this stops one address trying many."""
        if request.method == "POST":
            verdict = ratelimit.authorize_admin_login(client=client_address(request))
            if not verdict.allowed:
                return ratelimit.too_many_attempts(request, retry_after=verdict.retry_after)
        return super().login(request, extra_context)
