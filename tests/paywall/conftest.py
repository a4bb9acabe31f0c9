import re

import pytest
from django.utils import timezone

from paywall.models import MeterPolicy
from paywall.services.subscriptions import start_trial
from tests.factories import AnnualPlanFactory, ArticleFactory, PlanFactory, UserFactory


@pytest.fixture
def policy(db):
    """The default policy: 3 free articles per 30 days, 2 teaser paragraphs, +2 signed in."""
    return MeterPolicy.objects.create()


@pytest.fixture
def plan(db):
    return PlanFactory()


@pytest.fixture
def annual(db):
    return AnnualPlanFactory()


@pytest.fixture
def reader(db):
    return UserFactory()


@pytest.fixture
def subscriber(plan):
    user = UserFactory()
    start_trial(user=user, plan=plan, now=timezone.now())
    return user


@pytest.fixture
def articles(policy):
    return ArticleFactory.create_batch(6)


def read(client, article, **kwargs):
    return client.get(article.get_absolute_url(), **kwargs)


def is_gated(response) -> bool:
    return b'class="paywall story__paywalled"' in response.content


def json_ld(response) -> str:
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return match.group(1) if match else ""
