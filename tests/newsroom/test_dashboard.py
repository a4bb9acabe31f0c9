"""The admin home page: queues, signups per day and the paywall funnel, from known data."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Subscriber
from newsletters.services.stats import signups_per_day
from newsroom.charts import bar_chart, funnel_chart, nice_ceiling
from newsroom.dashboard import build_dashboard
from paywall.models import FunnelDay
from tests.factories import ArticleFactory, DraftFactory, InReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(time_machine):
    moment = timezone.make_aware(datetime(2026, 11, 29, 12, 0))
    time_machine.move_to(moment, tick=False)
    return moment


def subscriber(email, *, created, confirmed=None):
    return Subscriber.objects.create(
        email=email,
        created_at=created,
        confirmed_at=confirmed,
        status=Subscriber.Status.CONFIRMED if confirmed else Subscriber.Status.PENDING,
    )


def test_signups_are_counted_per_day_over_thirty_days(now):
    subscriber("a@example.com", created=now - timedelta(hours=1), confirmed=now)
    subscriber("b@example.com", created=now - timedelta(hours=2))
    subscriber("c@example.com", created=now - timedelta(days=2), confirmed=now - timedelta(days=1))
    subscriber("d@example.com", created=now - timedelta(days=29, hours=1))
    subscriber("old@example.com", created=now - timedelta(days=31))
    rows = signups_per_day(now=now, days=30)
    assert len(rows) == 30
    assert rows[0].day == now.date() - timedelta(days=29)
    assert rows[-1].day == now.date()
    by_day = {row.day: (row.signups, row.confirmed) for row in rows}
    assert by_day[now.date()] == (2, 1)
    assert by_day[now.date() - timedelta(days=1)] == (0, 1)
    assert by_day[now.date() - timedelta(days=2)] == (1, 0)
    assert by_day[now.date() - timedelta(days=29)] == (1, 0)
    assert sum(row.signups for row in rows) == 4


def test_editor_dashboard_holds_queues_and_figures(now, editor):
    waiting = InReviewFactory(headline="Waiting", status_changed_at=now - timedelta(hours=3))
    soon = ArticleFactory(headline="Tomorrow", published_at=now + timedelta(days=1))
    fresh = ArticleFactory(headline="Fresh", published_at=now - timedelta(hours=2))
    ArticleFactory(headline="Old", published_at=now - timedelta(days=10))
    DraftFactory(headline="Someone's draft")
    subscriber("a@example.com", created=now - timedelta(hours=1), confirmed=now)
    FunnelDay.objects.create(
        date=now.date(), article_id=fresh.pk, metered_reads=200, paywalls_shown=50
    )

    dashboard = build_dashboard(user=editor, now=now)
    assert dashboard.for_editors
    assert dashboard.awaiting_review == [waiting]
    assert dashboard.awaiting_review_count == 1
    assert dashboard.scheduled == [soon]
    assert dashboard.recently_published == [fresh]
    assert dashboard.signups.total == 1
    assert dashboard.confirmed_total == 1
    steps = {step.label: (step.value, step.rate) for step in dashboard.funnel.steps}
    assert steps["Metered reads"] == (200, None)
    assert steps["Paywalls shown"] == (50, 25.0)
    assert steps["Trials started"] == (0, 0.0)
    assert steps["Trials converted"] == (0, None)


def test_writer_dashboard_shows_only_their_own_work(now, writer):
    mine = DraftFactory(created_by=writer, headline="My draft")
    DraftFactory(headline="Not mine")
    submitted = InReviewFactory(created_by=writer)
    InReviewFactory()
    dashboard = build_dashboard(user=writer, now=now)
    assert not dashboard.for_editors
    assert dashboard.my_drafts == [mine]
    assert dashboard.awaiting_review == [submitted]
    assert dashboard.signups is None and dashboard.funnel is None


def test_admin_home_draws_the_charts_as_svg(client, now, editor):
    InReviewFactory(headline="The matatu goes electric")
    ArticleFactory(headline="Night markets", published_at=now + timedelta(days=1))
    subscriber("a@example.com", created=now - timedelta(hours=1))
    client.force_login(editor)
    response = client.get(reverse("admin:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "The matatu goes electric" in html
    assert "Night markets" in html
    assert html.count('class="dash-chart__bar"') == 30  # one bar a day
    assert "29 Nov: 1 signup, 0 confirmed" in html
    assert 'role="img"' in html
    assert "<script" not in html.split('id="content-main"')[1].split("</svg>")[0]


def test_admin_home_for_a_writer_has_no_business_figures(client, now, writer):
    client.force_login(writer)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Your drafts" in html
    assert "Paywall funnel" not in html
    assert "Newsletter signups" not in html


def test_admin_home_queries_stay_bounded(client, now, editor, django_assert_max_num_queries):
    for _ in range(10):
        InReviewFactory()
        ArticleFactory(published_at=now + timedelta(days=1))
        ArticleFactory(published_at=now - timedelta(hours=1))
    client.force_login(editor)
    client.get(reverse("admin:index"))
    with django_assert_max_num_queries(30):
        client.get(reverse("admin:index"))


def test_bar_chart_geometry():
    chart = bar_chart([("a", 0, ""), ("b", 5, ""), ("c", 10, "")], width=300, height=132)
    assert chart.max_value == 10
    assert [bar.height for bar in chart.bars] == [0, 50, 100]
    assert [bar.y for bar in chart.bars] == [110, 60, 10]
    assert chart.baseline == 110
    assert chart.total == 15


@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (420, 500)]
)
def test_axis_maximum_is_a_round_number(value, ceiling):
    assert nice_ceiling(value) == ceiling


def test_funnel_rates_are_shares_of_the_step_before():
    chart = funnel_chart([("reads", 1000), ("walls", 100), ("trials", 5), ("paid", 1)], width=400)
    assert [step.rate for step in chart.steps] == [None, 10.0, 5.0, 20.0]
    assert [step.width for step in chart.steps] == [400, 40, 2, 0.4]


def test_only_chief_editors_get_the_link_to_the_daily_funnel(client, now, editor, chief):
    link = reverse("admin:paywall_funnelday_changelist")
    client.force_login(editor)
    assert link not in client.get(reverse("admin:index")).content.decode()
    client.force_login(chief)
    assert link in client.get(reverse("admin:index")).content.decode()


def test_writer_sees_their_scheduled_articles(now, writer):
    later = ArticleFactory(created_by=writer, published_at=now + timedelta(hours=5))
    ArticleFactory(published_at=now + timedelta(hours=5))
    assert build_dashboard(user=writer, now=now).scheduled == [later]
