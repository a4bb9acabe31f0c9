"""The admin's menu: each role sees the desks it works at, and only superusers the internals."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def menu(client, user) -> dict[str, list[str]]:
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return {
        str(app["name"]): [str(model["name"]) for model in app["models"]]
        for app in response.context["app_list"]
    }


def test_writer_sees_the_stories_desk_and_nothing_of_the_business(client, writer):
    desks = menu(client, writer)
    assert list(desks) == ["Stories"]
    assert desks["Stories"][:2] == ["Articles", "Images"]


def test_editor_sees_stories_and_newsletters_without_internals_or_readers(client, editor):
    desks = menu(client, editor)
    assert list(desks) == ["Stories", "Translation desk", "Newsletters"]
    assert desks["Newsletters"] == ["Issues", "Newsletters", "Blocked domains"]
    names = {name.lower() for models in desks.values() for name in models}
    assert "tags" not in names  # taggit's table, though editors hold its permissions
    assert "deliveries" not in names


def test_chief_editor_sees_paywall_readers_and_lockouts_but_not_login_logs(client, chief):
    desks = menu(client, chief)
    assert list(desks) == [
        "Stories",
        "Translation desk",
        "Newsletters",
        "Paywall and subscriptions",
        "Accounts",
    ]
    assert "Deliveries" in desks["Newsletters"]
    assert desks["Paywall and subscriptions"][0] == "Daily funnel"
    assert desks["Accounts"] == ["Users", "Access attempts"]  # where a lockout is lifted
    names = {name.lower() for models in desks.values() for name in models}
    assert not names & {"access logs", "access failures", "task results"}


def test_superuser_finds_the_internals_last(client):
    admin = UserFactory(username="root", is_superuser=True)
    desks = menu(client, admin)
    assert list(desks)[-1] == "Site internals"
    assert {"Task Results", "Tags", "Sites"} <= set(desks["Site internals"])
    assert "Access attempts" in desks["Accounts"]
    assert "Groups" in desks["Accounts"]


def test_an_app_page_hides_internals_from_a_chief_editor(client, chief):
    client.force_login(chief)
    assert client.get(reverse("admin:app_list", args=["taggit"])).status_code == 404
    paywall = client.get(reverse("admin:app_list", args=["paywall"]))
    assert paywall.status_code == 200


def quick_links(client, user) -> list[str]:
    client.force_login(user)
    return [
        link.text for link in client.get(reverse("admin:index")).context["dashboard"].quick_links
    ]


def test_quick_links_offer_each_role_only_moves_it_may_make(
    client, writer, editor, chief, translator
):
    assert quick_links(client, writer) == ["Write an article", "Your articles", "Images"]
    assert quick_links(client, translator) == ["Your assignments", "Your articles"]
    assert "Review queue" in quick_links(client, editor)
    assert "The translation desk" in quick_links(client, editor)
    assert "Paywall and its wording" not in quick_links(client, editor)
    assert {"Paywall and its wording", "Daily funnel"} <= set(quick_links(client, chief))


def test_the_role_is_named_beside_the_site_name(client, writer, chief, translator):
    client.force_login(translator)
    assert '<span class="brand-role">Translator</span>' in client.get(reverse("admin:index")).text
    client.force_login(writer)
    assert '<span class="brand-role">Writer</span>' in client.get(reverse("admin:index")).text
    client.force_login(chief)
    assert '<span class="brand-role">Chief editor</span>' in client.get(reverse("admin:index")).text
