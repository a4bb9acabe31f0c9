"""The plans page behind the masthead's Subscribe button."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from paywall.models import MeterPolicy
from paywall.services.subscriptions import subscribe
from tests.factories import AnnualPlanFactory, PlanFactory, ReaderFactory

pytestmark = pytest.mark.django_db


def test_the_plans_page_lists_each_active_plan_with_its_price_and_link(client):
    monthly, annual = PlanFactory(), AnnualPlanFactory()
    PlanFactory(slug="retired", name="Retired", price=Decimal("9.99"), is_active=False)
    response = client.get(reverse("plans"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Subscribe to" in html
    assert "<strong>$2.90</strong> a month" in html
    assert "<strong>$19.90</strong> a year" in html
    assert "30-day free trial" in html
    assert "Best value" in html
    assert f'href="{reverse("paywall:subscribe", args=[monthly.slug])}"' in html
    assert f'href="{reverse("paywall:subscribe", args=[annual.slug])}"' in html
    assert "Retired" not in html and "9.99" not in html


def test_the_plans_page_states_the_meter_policy(client):
    MeterPolicy.objects.create(free_articles=4, window_days=30, registered_bonus=2)
    html = client.get(reverse("plans")).content.decode()
    assert "read 4 stories in full every 30 days, and 2 more with a free" in html


def test_the_plans_page_says_so_when_nothing_is_on_offer(client):
    assert "No plan is on offer right now." in client.get(reverse("plans")).content.decode()


def test_a_warm_plans_page_runs_no_sql(client, django_assert_num_queries):
    PlanFactory()
    client.get(reverse("plans"))
    with django_assert_num_queries(0):
        response = client.get(reverse("plans"))
    assert "$2.90" in response.content.decode()


def test_a_subscriber_is_told_they_already_subscribe(client):
    reader = ReaderFactory()
    subscribe(user=reader, plan=AnnualPlanFactory(), now=timezone.now())
    client.force_login(reader)
    html = client.get(reverse("plans")).content.decode()
    assert "You already subscribe (Annual" in html
    assert f'href="{reverse("paywall:account")}"' in html
