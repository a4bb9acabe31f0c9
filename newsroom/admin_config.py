from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """django.contrib.admin, with the newsroom's dashboard as the admin home page."""

    default_site = "newsroom.admin.NewsroomAdminSite"
