"""Editors' admin pages for the policy, plans and subscriptions."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from paywall.models import MeterPolicy, Plan, Subscription
from paywall.services import plans as plan_cache
from paywall.services import policy as policy_cache
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


def policy_form_data(admin_client, policy, **changes) -> dict:
    url = reverse("admin:paywall_meterpolicy_change", args=[policy.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"free_sections": []}, **changes)
    return data


def test_a_policy_saved_in_the_admin_is_not_undone_by_a_worker_reading_before_the_commit(
    admin_client, policy, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    committed = policy_cache.load_policy()

    def another_worker_caches_the_committed_row(**kwargs: object) -> None:
        cache.set(policy_cache.CACHE_KEY, committed, policy_cache.CACHE_SECONDS)

    url = reverse("admin:paywall_meterpolicy_change", args=[policy.pk])
    data = policy_form_data(admin_client, policy, enabled="on", free_articles=1)
    post_save.connect(another_worker_caches_the_committed_row, sender=MeterPolicy)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert admin_client.post(url, data).status_code == 302
    finally:
        post_save.disconnect(another_worker_caches_the_committed_row, sender=MeterPolicy)

    assert b"This is your last free article." in read(Client(), article).content


def test_a_new_price_is_not_undone_by_a_worker_reading_before_the_commit(
    client, plan, policy, django_capture_on_commit_callbacks
):
    policy.free_articles = 0
    policy.save()
    article = ArticleFactory()
    committed = list(Plan.objects.filter(is_active=True))

    def another_worker_caches_the_committed_rows(**kwargs: object) -> None:
        cache.set(plan_cache.CACHE_KEY, committed, plan_cache.CACHE_SECONDS)

    post_save.connect(another_worker_caches_the_committed_rows, sender=Plan)
    try:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            plan.price = Decimal("4.90")
            plan.save()
    finally:
        post_save.disconnect(another_worker_caches_the_committed_rows, sender=Plan)

    page = read(client, article).content
    assert b"$4.90" in page
    assert b"$2.90" not in page


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
