from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from paywall.views import PlansView

from . import accounts, views

# The trust pages: flat pages editors write in the admin (demo text in demo/content/pages.py).
TRUST_PAGES = ["about", "contact", "privacy", "terms", "corrections"]

handler400 = "newsroom.views.bad_request"
handler500 = "newsroom.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    *[path(f"{name}/", views.trust_page, {"url": f"/{name}/"}, name=name) for name in TRUST_PAGES],
    path("subscribe/", PlansView.as_view(), name="plans"),
    # The reader's own data crosses the paywall and the newsletters (newsroom.accounts).
    path("account/my-data.json", accounts.download_data, name="account_data"),
    path("account/delete/", accounts.delete, name="account_delete"),
    path("account/", include("paywall.urls")),
    path("newsletters/", include("newsletters.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", views.media, name="media"),
    ]
