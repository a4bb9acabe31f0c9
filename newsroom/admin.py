from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from .admin_config import arrange_app_list, is_internal, model_key
from .dashboard import build_dashboard
from .lib import ratelimit, roles
from .lib.client import client_address


def role_label(user) -> str:
    """The role shown beside the site name, read from permissions Django has already loaded."""
    if not user.is_authenticated:
        return ""
    if user.is_superuser:
        return "Superuser"
    if user.has_perm("paywall.change_meterpolicy"):
        return roles.CHIEF_EDITOR
    if roles.can_publish(user):
        return roles.EDITOR
    if user.has_perm("articles.add_article"):
        return roles.WRITER
    if user.has_perm("desk.change_sourcestory"):
        return roles.TRANSLATOR
    return "Staff"


class NewsroomAdminSite(admin.AdminSite):
    """The admin with the newsroom's dashboard as its home page."""

    site_header = "Newsroom"
    site_title = "Newsroom admin"
    index_title = "Today in the newsroom"
    index_template = "admin/dashboard.html"

    def index(self, request, extra_context=None):
        context = {"dashboard": build_dashboard(user=request.user), **(extra_context or {})}
        return super().index(request, extra_context=context)

    def each_context(self, request):
        return {**super().each_context(request), "admin_role": role_label(request.user)}

    def get_app_list(self, request, app_label=None):
        """The menu by desk (stories, newsletters, paywall...); internals for superusers."""
        app_list = super().get_app_list(request, app_label)
        superuser = request.user.is_active and request.user.is_superuser
        if app_label is None:
            return arrange_app_list(
                app_list,
                superuser=superuser,
                app_index_url=lambda label: reverse(f"{self.name}:app_list", args=[label]),
            )
        if superuser:
            return app_list
        for app in app_list:
            app["models"] = [m for m in app["models"] if not is_internal(model_key(app, m))]
        return [app for app in app_list if app["models"]]

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """django-axes locks out one username; this stops one address trying many."""
        if request.method == "POST":
            verdict = ratelimit.authorize_admin_login(client=client_address(request))
            if not verdict.allowed:
                return ratelimit.too_many_attempts(request, retry_after=verdict.retry_after)
        return super().login(request, extra_context)
