"""The admin's app config, and its navigation arranged by what editors work with.

Django lists the admin by app, alphabetically: "Authentication", "Axes", "Paywall",
"Taggit", "Task results"... Editors think in desks instead: stories, newsletters, the
paywall, readers. `arrange_app_list` regroups the entries Django already filtered by
permission (so a role still sees only what it may open) and leaves the site's internals
to superusers. A model no group names keeps its app's own heading, so a model added later
is never lost from the menu.

This module is imported while the app registry loads: it works on Django's app-list
dictionaries and imports no model.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """django.contrib.admin, with the newsroom's dashboard as the admin home page."""

    default_site = "newsroom.admin.NewsroomAdminSite"


@dataclass(frozen=True)
class Desk:
    name: str
    app_label: str  # the app whose index page the heading links to
    models: tuple[str, ...]  # "app_label.model_name", in the order editors use them


DESKS = (
    Desk(
        "Stories",
        "articles",
        (
            "articles.article",
            "articles.articleawaitingreview",
            "images.image",
            "articles.author",
            "articles.section",
            "articles.series",
            "articles.source",
            "articles.articleredirect",
        ),
    ),
    Desk(
        "Translation desk",
        "desk",
        ("desk.sourcestory", "desk.glossaryterm", "desk.sourcefeed", "desk.translatorprofile"),
    ),
    Desk(
        "Newsletters",
        "newsletters",
        (
            "newsletters.newsletterissue",
            "newsletters.newsletter",
            "newsletters.subscriber",
            "newsletters.delivery",
            "newsletters.blockeddomain",
        ),
    ),
    Desk(
        "Paywall and subscriptions",
        "paywall",
        (
            "paywall.funnelday",
            "paywall.meterpolicy",
            "paywall.plan",
            "paywall.subscription",
            "paywall.giftlink",
            "paywall.refund",
        ),
    ),
    Desk("Site pages", "flatpages", ("flatpages.flatpage",)),
    # Access attempts are where a chief editor lifts a reader's or a colleague's login lockout.
    Desk("Accounts", "auth", ("auth.user", "axes.accessattempt", "auth.group")),
)

# Plumbing an editor has no use for in the menu, shown to superusers under "Site internals":
# login attempts and logs (django-axes), background task results, taggit's own tag table
# (articles' tags are edited on the article), the sites framework's single row, groups
# (synced from newsroom/lib/roles.py on every migrate).
INTERNALS_LABEL = "Site internals"
INTERNAL_APPS = frozenset({"django_tasks_database", "taggit", "sites"})
INTERNAL_MODELS = frozenset({"auth.group", "axes.accesslog", "axes.accessfailurelog"})


def model_key(app: dict[str, Any], model: dict[str, Any]) -> str:
    return f"{app['app_label']}.{model['object_name'].lower()}"


def is_internal(key: str) -> bool:
    return key in INTERNAL_MODELS or key.split(".", 1)[0] in INTERNAL_APPS


def arrange_app_list(
    app_list: list[dict[str, Any]], *, superuser: bool, app_index_url: Any
) -> list[dict[str, Any]]:
    """Django's app list (already filtered by permission) as the newsroom's desks.

    `app_index_url(app_label)` gives the link of a desk's heading.
    """
    entries = {model_key(app, model): (app, model) for app in app_list for model in app["models"]}
    desks: list[dict[str, Any]] = []
    placed: set[str] = set()
    for desk in DESKS:
        models = [
            entries[key][1]
            for key in desk.models
            if key in entries and (superuser or not is_internal(key))
        ]
        placed.update(desk.models)
        if models:
            desks.append(
                {
                    "name": desk.name,
                    "app_label": desk.app_label,
                    "app_url": app_index_url(desk.app_label),
                    "has_module_perms": True,
                    "models": models,
                }
            )
    internals: list[dict[str, Any]] = []
    for app in app_list:
        rest = [model for model in app["models"] if model_key(app, model) not in placed]
        if not rest:
            continue
        if any(is_internal(model_key(app, model)) for model in rest):
            internals.extend(model for model in rest if superuser)
            rest = [model for model in rest if not is_internal(model_key(app, model))]
        if rest:
            desks.append({**app, "models": rest})
    if internals:
        desks.append(
            {
                "name": INTERNALS_LABEL,
                "app_label": "internals",
                "app_url": app_index_url("axes"),
                "has_module_perms": True,
                "models": sorted(internals, key=lambda model: str(model["name"])),
            }
        )
    return desks
