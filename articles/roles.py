"""The newsroom's three roles, as Django groups, and the questions the workflow asks of them.

Writers start articles, edit their own drafts and submit them for review. Editors edit
anything, publish, schedule, unpublish and compose newsletters. Chief editors also run the
paywall (policy, plans, subscribers and their export). Superusers pass every check.

The groups and their permissions are defined here, in code: a data migration creates them
and every `migrate` re-grants what apps added since (e.g. the paywall's models).
"""

from django.db.models import Q

WRITER = "Writer"
EDITOR = "Editor"
CHIEF_EDITOR = "Chief editor"
ROLES = (WRITER, EDITOR, CHIEF_EDITOR)

# (app_label, codename) pairs a writer needs to draft an article with its byline and images.
WRITER_PERMISSIONS = [
    ("articles", codename)
    for codename in (
        "add_article",
        "change_article",
        "view_article",
        "add_articleauthor",
        "change_articleauthor",
        "delete_articleauthor",
        "view_articleauthor",
        "add_author",
        "view_author",
        "view_section",
        "view_series",
        "view_source",
        "add_image",
        "change_image",
        "view_image",
    )
]
# Apps whose every permission an editor holds, except on newsletter subscribers.
EDITOR_APPS = ("articles", "taggit", "newsletters")
# The chief editor holds everything an editor does, plus these apps entirely.
CHIEF_EDITOR_APPS = (*EDITOR_APPS, "paywall")


def role_permissions(permission_model, role: str):
    """The permissions of one role, as a queryset of the given Permission model.

    Takes the model so the data migration can pass its historical one.
    """
    permissions = permission_model.objects.all()
    if role == WRITER:
        wanted = Q(pk__in=[])
        for app_label, codename in WRITER_PERMISSIONS:
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        return permissions.filter(wanted)
    if role == EDITOR:
        # The subscriber list and its export are the chief editor's (personal data).
        subscribers = Q(content_type__app_label="newsletters") & Q(
            content_type__model__icontains="subscriber"
        )
        return permissions.filter(content_type__app_label__in=EDITOR_APPS).exclude(subscribers)
    if role == CHIEF_EDITOR:
        return permissions.filter(content_type__app_label__in=CHIEF_EDITOR_APPS)
    raise ValueError(f"Unknown role: {role}")


def sync_role_groups(group_model, permission_model, *, replace: bool = False) -> None:
    """Create the role groups and grant their permissions (replace=True drops extra ones)."""
    for role in ROLES:
        group, _ = group_model.objects.get_or_create(name=role)
        permissions = list(role_permissions(permission_model, role))
        if replace:
            group.permissions.set(permissions)
        else:
            group.permissions.add(*permissions)


def grant_role_permissions(sender, **kwargs) -> None:
    """post_migrate (also sent by flush): the role groups exist, with every permission due.

    Models added by later migrations (the paywall's, say) get their permissions this way.
    """
    from django.contrib.auth.models import Group, Permission

    sync_role_groups(Group, Permission)


def can_publish(user) -> bool:
    return user.is_active and user.has_perm("articles.publish_article")


def can_edit_any(user) -> bool:
    return user.is_active and user.has_perm("articles.edit_any_article")


def is_own(user, article) -> bool:
    """Did this user start the article, or is their author profile on its byline?"""
    if article.pk is None:
        return True
    if not user.is_authenticated:
        return False
    if article.created_by_id == user.pk:
        return True
    return article.bylines.filter(author__user=user).exists()


def can_edit(user, article) -> bool:
    """Editors edit anything; a writer edits only their own article while it is a draft."""
    if not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if can_edit_any(user):
        return True
    return article.status == article.Status.DRAFT and is_own(user, article)
