"""Editors' admin pages for the policy, plans and subscriptions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from paywall.models import MeterPolicy, Subscription
from paywall.services.policy import get_policy
from paywall.services.subscriptions import start_trial
from tests.factories import ArticleFactory, ReaderFactory, UserFactory

from .conftest import is_gated, read


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True))
    return client


def test_policy_list_goes_straight_to_the_one_policy(admin_client, policy):
    response = admin_client.get(reverse("admin:paywall_meterpolicy_changelist"))
    assert response["Location"] == reverse("admin:paywall_meterpolicy_change", args=[policy.pk])
    assert admin_client.get(reverse("admin:paywall_meterpolicy_add")).status_code == 403


def test_policy_change_takes_effect_without_a_deploy(admin_client, client, policy):
    get_policy()
    url = reverse("admin:paywall_meterpolicy_change", args=[policy.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"enabled": "on", "free_articles": 1, "free_sections": []})
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert get_policy().free_articles == 1
    assert MeterPolicy.objects.get().free_articles == 1


def test_policy_switch_off_frees_everything(client, policy):
    first, second = ArticleFactory(), ArticleFactory()
    policy.free_articles = 0
    policy.save()
    assert is_gated(read(client, first))
    policy.enabled = False
    policy.save()
    assert not is_gated(read(client, second))


def test_subscriptions_list_filters_and_searches(admin_client, plan):
    reader = ReaderFactory(email="findme@example.com")
    start_trial(user=reader, plan=plan, now=timezone.now())
    start_trial(user=ReaderFactory(), plan=plan, now=timezone.now())
    url = reverse("admin:paywall_subscription_changelist")
    assert admin_client.get(url).status_code == 200
    response = admin_client.get(url, {"q": "FINDME"})
    assert response.context["cl"].result_count == 1
    response = admin_client.get(url, {"status__exact": "trialing", "plan__id__exact": plan.pk})
    assert response.context["cl"].result_count == 2
    assert admin_client.get(url, {"status__exact": "active"}).context["cl"].result_count == 0


def test_mark_paid_action_goes_through_the_status_function(admin_client, plan):
    sub = start_trial(user=ReaderFactory(), plan=plan, now=timezone.now())
    response = admin_client.post(
        reverse("admin:paywall_subscription_changelist"),
        {"action": "mark_paid", "_selected_action": [sub.pk]},
        follow=True,
    )
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE
    assert list(sub.events.values_list("to_status", flat=True)) == ["trialing", "active"]


def test_subscription_change_page_renders(admin_client, plan):
    sub = start_trial(user=ReaderFactory(), plan=plan, now=timezone.now())
    response = admin_client.get(reverse("admin:paywall_subscription_change", args=[sub.pk]))
    assert response.status_code == 200
    assert b"trialing" in response.content


@pytest.mark.parametrize(
    "name", ["paywall_plan_changelist", "paywall_giftlink_changelist", "paywall_plan_add"]
)
def test_admin_pages_render(admin_client, plan, name):
    assert admin_client.get(reverse(f"admin:{name}")).status_code == 200
