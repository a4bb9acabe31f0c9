"""An article's own figures on its admin page: reads, paywalls, trials and paid, 7 and 30 days."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from paywall.models import FunnelDay, Subscription
from paywall.services.article_figures import figures_for
from paywall.services.subscriptions import change_status
from tests.factories import ArticleFactory, PlanFactory, ReaderFactory

pytestmark = pytest.mark.django_db

Status = Subscription.Status


@pytest.fixture
def now(time_machine):
    moment = timezone.make_aware(datetime(2026, 11, 29, 12, 0))
    time_machine.move_to(moment, tick=False)
    return moment


def history(plan, *steps, started_from):
    subscription = Subscription(user=ReaderFactory(), plan=plan, started_from=started_from)
    for status, days_ago in steps:
        change_status(
            subscription=subscription, to=status, now=timezone.now() - timedelta(days=days_ago)
        )


@pytest.fixture
def story(now):
    story, other = ArticleFactory(headline="Ours"), ArticleFactory(headline="Another")
    for days_ago, reads in ((0, 100), (6, 50), (20, 30), (45, 1000)):
        FunnelDay.objects.create(
            date=(now - timedelta(days=days_ago)).date(),
            article=story,
            metered_reads=reads,
            paywalls_shown=reads // 10,
        )
    FunnelDay.objects.create(date=now.date(), article=other, metered_reads=7, paywalls_shown=7)
    plan = PlanFactory()
    history(plan, (Status.TRIALING, 3), (Status.ACTIVE, 1), started_from=story)  # both in 7
    history(plan, (Status.TRIALING, 12), started_from=story)  # a trial, in 30 only
    history(plan, (Status.PENDING, 20), (Status.ACTIVE, 20), started_from=story)  # paid, 30
    history(plan, (Status.TRIALING, 2), (Status.ACTIVE, 1), started_from=other)
    return story


def test_figures_over_seven_and_thirty_days_count_only_this_article(now, story):
    week, month = figures_for(article_id=story.pk, now=now)
    assert (week.days, week.metered_reads, week.paywalls_shown) == (7, 150, 15)
    assert (week.trials_started, week.paid_conversions) == (1, 1)
    assert (month.days, month.metered_reads, month.paywalls_shown) == (30, 180, 18)
    assert (month.trials_started, month.paid_conversions) == (2, 2)
    assert week.paywall_rate == 10.0


def test_an_editor_sees_the_figures_on_the_article_form_and_a_writer_does_not(
    client, now, story, editor, writer
):
    url = reverse("admin:articles_article_change", args=[story.pk])
    client.force_login(editor)
    html = client.get(url).text
    assert "How this article does with readers" in html
    assert '<th scope="row">Last 7 days</th><td>150</td>' in html
    story.created_by = writer
    story.save()
    client.force_login(writer)
    response = client.get(url)
    assert "How this article does with readers" not in response.text
