import re

import pytest
from django.utils import timezone

from paywall.models import MeterPolicy
from paywall.services.subscriptions import start_trial
from tests.factories import AnnualPlanFactory, ArticleFactory, PlanFactory, ReaderFactory


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
    return ReaderFactory()


@pytest.fixture
def subscriber(plan):
    user = ReaderFactory()
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
    """The NewsArticle JSON-LD script of a page, as text."""
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return next((script for script in scripts if '"NewsArticle"' in script), "")
