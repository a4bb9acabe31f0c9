"""Each role's share of the admin, granted model by model; readers' data is the chief's."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from newsroom.lib.roles import (
    CHIEF_EDITOR,
    EDITOR,
    PERSONAL_DATA_GRANTS,
    ROLE_GRANTS,
    ROLE_NAMED_PERMISSIONS,
    ROLES,
    TRANSLATOR,
    WRITER,
    role_permissions,
)
from paywall.models import FunnelDay
from paywall.services import funnel
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

WRITER_ADMIN = {
    "articles.article",
    "articles.author",
    "images.image",
    "articles.section",
    "articles.series",
    "articles.source",
}
# The desk's stories (narrowed to their own), the glossary, and the articles they translate into.
TRANSLATOR_ADMIN = {
    "desk.sourcestory",
    "desk.glossaryterm",
    "desk.translatorprofile",
    "articles.article",
    "articles.author",
    "articles.section",
    "articles.source",
}
EDITOR_ADMIN = WRITER_ADMIN | {
    "desk.sourcefeed",
    "desk.sourcestory",
    "desk.glossaryterm",
    "desk.translatorprofile",
    "articles.articleawaitingreview",
    "articles.articleredirect",
    "newsletters.newsletter",
    "newsletters.newsletterissue",
    "newsletters.blockeddomain",
}
CHIEF_EDITOR_ADMIN = EDITOR_ADMIN | {
    "newsletters.subscriber",
    "newsletters.delivery",
    "paywall.meterpolicy",
    "paywall.plan",
    "paywall.subscription",
    "paywall.giftlink",
    "paywall.refund",
    "paywall.funnelday",
    "auth.user",
    "axes.accessattempt",  # where a lockout is lifted
}
# Held as permissions, but internals the menu leaves to superusers (newsroom/admin_config.py):
# taggit's table (tags are edited on the article) and the login logs.
ADMIN_MODELS = {
    WRITER: WRITER_ADMIN,
    TRANSLATOR: TRANSLATOR_ADMIN,
    EDITOR: EDITOR_ADMIN,
    CHIEF_EDITOR: CHIEF_EDITOR_ADMIN,
}


def user_with(role):
    return UserFactory(username=role.lower().replace(" ", "-"), role=role)


def admin_models(client) -> set[str]:
    response = client.get(reverse("admin:index"))
    return {
        model["model"]._meta.label_lower
        for app in response.context["app_list"]
        for model in app["models"]
    }


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_exactly_its_models_in_the_admin(client, role):
    client.force_login(user_with(role))
    assert admin_models(client) == ADMIN_MODELS[role]


def test_every_permission_a_role_names_exists():
    for role, grants in ROLE_GRANTS.items():
        named = {
            (app_label, f"{action}_{model}")
            for app_label, model, actions in grants
            for action in actions
        } | set(ROLE_NAMED_PERMISSIONS[role])
        found = set(
            role_permissions(Permission, role).values_list("content_type__app_label", "codename")
        )
        assert named == found, f"{role}: {named - found} do not exist"


@pytest.mark.parametrize("role", [WRITER, EDITOR])
def test_only_chief_editors_hold_permissions_on_personal_data(role):
    personal = {(app_label, model) for app_label, model, _ in PERSONAL_DATA_GRANTS}
    held = set(
        Group.objects.get(name=role).permissions.values_list(
            "content_type__app_label", "content_type__model"
        )
    )
    assert held.isdisjoint(personal)
    chief = set(
        Group.objects.get(name=CHIEF_EDITOR).permissions.values_list(
            "content_type__app_label", "content_type__model"
        )
    )
    assert personal <= chief


@pytest.mark.parametrize("role", ROLES)
def test_role_groups_hold_exactly_their_grants(role):
    assert set(Group.objects.get(name=role).permissions.all()) == set(
        role_permissions(Permission, role)
    )


@pytest.mark.parametrize(
    "page",
    [
        "admin:newsletters_delivery_changelist",
        "admin:newsletters_subscriber_changelist",
        "admin:paywall_subscription_changelist",
        "admin:paywall_giftlink_changelist",
        "admin:auth_user_changelist",
    ],
)
@pytest.mark.parametrize("role", [WRITER, EDITOR])
def test_writers_and_editors_cannot_open_lists_of_personal_data(client, role, page):
    client.force_login(user_with(role))
    assert client.get(reverse(page)).status_code == 403


def test_chief_editors_open_the_deliveries_list(client):
    client.force_login(user_with(CHIEF_EDITOR))
    assert client.get(reverse("admin:newsletters_delivery_changelist")).status_code == 200


@pytest.mark.parametrize("role", [WRITER, EDITOR])
def test_writers_and_editors_cannot_open_the_funnel_report_nor_make_it_flush(client, role):
    article = ArticleFactory()
    funnel.count_step(step="metered_reads", article_id=article.pk, now=timezone.now())
    funnel.push_pending()
    client.force_login(user_with(role))
    response = client.get(reverse("admin:paywall_funnelday_changelist"))
    assert response.status_code == 403
    assert not FunnelDay.objects.exists()  # the page wrote nothing
    assert funnel.touched_articles(timezone.now().date()) == {article.pk}


def test_chief_editors_open_the_funnel_report(client):
    client.force_login(user_with(CHIEF_EDITOR))
    assert client.get(reverse("admin:paywall_funnelday_changelist")).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_resync_migration_takes_deliveries_away_from_editors():
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", "0007_role_groups_resync")])
    editors = Group.objects.get(name=EDITOR)
    editors.permissions.add(Permission.objects.get(codename="view_delivery"))

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    cache.clear()
    held = set(Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True))
    assert "view_delivery" not in held
    assert "view_subscription" not in held
    assert "publish_article" in held
