"""The newsroom's roles, as Django groups, and the questions the workflow asks of them.

Writers start articles, edit their own drafts and submit them for review. Translators see
only the desk's stories assigned to them in their languages (desk/), translate them into
their own draft and submit it for review. Editors edit
anything, publish, schedule, unpublish, run the translation desk (assign, decline) and
compose newsletters. Chief editors also run the
paywall and are the only role that sees readers' personal data (subscribers, deliveries,
subscriptions, gift links, meter reads, accounts, login logs). Superusers pass every check.

Each role is an explicit list of (app_label, model, actions): a model nobody listed is for
superusers only, so a new model never reaches a role by accident. A data migration syncs
the groups from these lists, and every `migrate` (or `flush`) adds back what is due.
"""

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig, apps
from django.db.models import Q, QuerySet

if TYPE_CHECKING:
    # Only for annotations: the project's AppConfig imports this module while the app
    # registry is still loading, before any model can be imported.
    from django.contrib.auth.models import AbstractUser, AnonymousUser, Group, Permission

    User = AbstractUser | AnonymousUser

WRITER = "Writer"
EDITOR = "Editor"
CHIEF_EDITOR = "Chief editor"
TRANSLATOR = "Translator"
ROLES = (WRITER, TRANSLATOR, EDITOR, CHIEF_EDITOR)

ALL = ("add", "change", "delete", "view")
VIEW = ("view",)

Grant = tuple[str, str, tuple[str, ...]]

# What a writer needs to draft an article with its byline and images.
WRITER_GRANTS: list[Grant] = [
    ("articles", "article", ("add", "change", "view")),
    ("articles", "articleauthor", ALL),
    ("articles", "author", ("add", "view")),
    ("articles", "section", VIEW),
    ("articles", "series", VIEW),
    ("articles", "source", VIEW),
    ("articles", "sourcepermission", VIEW),
    ("images", "image", ("add", "change", "view")),
]
# What a translator needs on the desk: their assignments (the admin narrows the list to
# them), the glossary, and the draft article each translation is written into.
TRANSLATOR_GRANTS: list[Grant] = [
    ("desk", "sourcestory", ("change", "view")),
    ("desk", "sourcestoryrevision", VIEW),
    ("desk", "glossaryterm", VIEW),
    ("desk", "translatorprofile", VIEW),
    ("articles", "article", ("change", "view")),
    ("articles", "articleauthor", VIEW),
    ("articles", "author", VIEW),
    ("articles", "section", VIEW),
    ("articles", "source", VIEW),
]
# Every editorial model, and newsletters without their recipients.
EDITOR_GRANTS: list[Grant] = [
    ("articles", "article", (*ALL, "publish", "edit_any")),
    ("articles", "articleauthor", ALL),
    ("articles", "articleawaitingreview", ALL),
    ("articles", "articleredirect", ALL),
    ("articles", "author", ALL),
    ("articles", "historicalarticle", ALL),
    ("images", "image", ALL),
    ("articles", "section", ALL),
    ("articles", "series", ALL),
    ("articles", "source", ALL),
    ("articles", "sourcepermission", ALL),
    ("articles", "workflowevent", ALL),
    ("taggit", "tag", ALL),
    ("taggit", "taggeditem", ALL),
    ("newsletters", "newsletter", ALL),
    ("newsletters", "newsletterissue", ALL),
    ("newsletters", "issuearticle", ALL),
    ("newsletters", "blockeddomain", ALL),
    ("desk", "sourcefeed", ALL),
    ("desk", "sourcestory", (*ALL, "assign")),
    ("desk", "sourcestoryrevision", VIEW),
    ("desk", "storyevent", VIEW),
    ("desk", "translatorprofile", ALL),
    ("desk", "glossaryterm", ALL),
]
# Models that hold readers' (or logins') personal data: the chief editor's alone.
PERSONAL_DATA_GRANTS: list[Grant] = [
    ("newsletters", "subscriber", ALL),  # with the consent record
    ("newsletters", "subscription", ALL),
    ("newsletters", "delivery", ALL),
    ("paywall", "subscription", ALL),
    ("paywall", "subscriptionevent", ALL),
    ("paywall", "giftlink", ALL),
    ("paywall", "meterread", ALL),
    ("paywall", "refund", VIEW),  # read-only: refunds are made on Stripe
    # Seeing accounts, not changing them: a change_user permission could grant itself more.
    ("auth", "user", VIEW),
    ("axes", "accessattempt", ("view", "delete")),  # deleting one lifts a lockout
    ("axes", "accesslog", VIEW),
    ("axes", "accessfailurelog", VIEW),
]
CHIEF_EDITOR_GRANTS: list[Grant] = [
    *EDITOR_GRANTS,
    ("paywall", "meterpolicy", ALL),
    ("paywall", "plan", ALL),
    ("paywall", "funnelday", ALL),
    *PERSONAL_DATA_GRANTS,
]
ROLE_GRANTS: dict[str, list[Grant]] = {
    WRITER: WRITER_GRANTS,
    TRANSLATOR: TRANSLATOR_GRANTS,
    EDITOR: EDITOR_GRANTS,
    CHIEF_EDITOR: CHIEF_EDITOR_GRANTS,
}
# Permissions named by their codename, for powers that are no action on one model:
# (app_label, codename).
NamedPermission = tuple[str, str]
ROLE_NAMED_PERMISSIONS: dict[str, list[NamedPermission]] = {
    WRITER: [],
    TRANSLATOR: [],
    EDITOR: [],
    # Publishing a translation its source's permission does not cover, with a reason.
    CHIEF_EDITOR: [("articles", "override_source_permission")],
}


def role_permissions(permission_model: type["Permission"], role: str) -> QuerySet["Permission"]:
    """The permissions of one role, as a queryset of the given Permission model.

    Takes the model so the data migrations can pass their historical one.
    """
    if role not in ROLE_GRANTS:
        raise ValueError(f"Unknown role: {role}")
    wanted = Q(pk__in=[])
    for app_label, model, actions in ROLE_GRANTS[role]:
        wanted |= Q(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    for app_label, codename in ROLE_NAMED_PERMISSIONS[role]:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return permission_model._default_manager.filter(wanted)


def sync_role_groups(
    group_model: type["Group"], permission_model: type["Permission"], *, replace: bool = False
) -> None:
    """Create the role groups and grant their permissions (replace=True drops extra ones)."""
    for role in ROLES:
        group, _ = group_model._default_manager.get_or_create(name=role)
        permissions = list(role_permissions(permission_model, role))
        if replace:
            group.permissions.set(permissions)
        else:
            group.permissions.add(*permissions)


def grant_role_permissions(sender: AppConfig, **kwargs: Any) -> None:
    """post_migrate (also sent by flush): the role groups exist, with every permission due.

    Models added by later migrations (the paywall's, say) get their permissions this way.
    """
    # Looked up when called: this module is imported before the auth models are loaded.
    sync_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


# The workflow's questions. `article` is an articles.models.Article, left untyped so that
# this module, which every app may import, imports none of them.
def can_publish(user: "User") -> bool:
    return user.is_active and user.has_perm("articles.publish_article")


def can_override_source_permission(user: "User") -> bool:
    """May publish a translation its source's permission does not cover (with a reason)."""
    return user.is_active and user.has_perm("articles.override_source_permission")


def can_edit_any(user: "User") -> bool:
    return user.is_active and user.has_perm("articles.edit_any_article")


def is_own(user: "User", article: Any) -> bool:
    """Did this user start the article, or is their author profile on its byline?"""
    if article.pk is None:
        return True
    if not user.is_authenticated:
        return False
    if article.created_by_id == user.pk:
        return True
    return bool(article.bylines.filter(author__user=user).exists())


def can_edit(user: "User", article: Any) -> bool:
    """Editors edit anything; a writer edits only their own article while it is a draft."""
    if not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if can_edit_any(user):
        return True
    return article.status == article.Status.DRAFT and is_own(user, article)


def can_assign(user: "User") -> bool:
    """Runs the translation desk: assigns stories to translators, declines them."""
    return user.is_active and user.has_perm("desk.assign_sourcestory")
