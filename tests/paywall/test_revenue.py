"""Revenue figures, one test per definition, with numbers a person can check by hand.

The clock is pinned at noon on 29 November 2026; the period is the 30 days before it.
Monthly is 2.90 a month with a 30-day trial, Annual 19.90 a year (1.658 a month in MRR).
"""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from newsroom.dashboard import build_dashboard
from paywall.models import FunnelDay, Subscription
from paywall.services import revenue
from paywall.services.subscriptions import change_status
from tests.factories import AnnualPlanFactory, ArticleFactory, PlanFactory, ReaderFactory

pytestmark = pytest.mark.django_db

Status = Subscription.Status


@pytest.fixture
def now(time_machine):
    moment = timezone.make_aware(datetime(2026, 11, 29, 12, 0))
    time_machine.move_to(moment, tick=False)
    return moment


@pytest.fixture
def monthly(db):
    return PlanFactory()


@pytest.fixture
def annual(db):
    return AnnualPlanFactory()


def history(plan, *steps, started_from=None):
    """A subscription moved through (status, days ago) steps by change_status."""
    subscription = Subscription(user=ReaderFactory(), plan=plan, started_from=started_from)
    for status, days_ago in steps:
        moment = timezone.now() - timedelta(days=days_ago)
        change_status(subscription=subscription, to=status, now=moment)
    return subscription


def test_mrr_counts_monthly_at_price_and_annual_at_a_twelfth_and_not_trials(now, monthly, annual):
    history(monthly, (Status.PENDING, 40), (Status.ACTIVE, 40))  # paying throughout: 2.90
    history(annual, (Status.PENDING, 10), (Status.ACTIVE, 10))  # paying since: 19.90 / 12
    history(monthly, (Status.TRIALING, 5))  # a trial is not paying
    history(monthly, (Status.PENDING, 60), (Status.ACTIVE, 60), (Status.CANCELED, 3))
    report = revenue.revenue_report(now=now, days=30)
    assert report.mrr == Decimal("4.56")  # 2.90 + 1.6583
    assert report.mrr_at_start == Decimal("5.80")  # 2.90 + 2.90 (the one canceled since)
    assert report.mrr_change == Decimal("-1.24")
    assert report.paying == 2
    assert report.currency == "USD"


def test_active_subscribers_are_counted_per_plan_with_trials_beside_them(now, monthly, annual):
    history(monthly, (Status.PENDING, 40), (Status.ACTIVE, 40))
    history(monthly, (Status.TRIALING, 2), (Status.ACTIVE, 1))
    history(monthly, (Status.TRIALING, 5))
    history(annual, (Status.PENDING, 10), (Status.ACTIVE, 10))
    history(annual, (Status.PENDING, 1))  # awaiting payment: neither
    rows = {
        row.plan.slug: (row.paying, row.trialing, row.mrr) for row in revenue.subscribers_by_plan()
    }
    assert rows == {
        "monthly": (2, 1, Decimal("5.80")),
        "annual": (1, 0, Decimal("1.66")),
    }


def test_trial_starts_are_the_trials_started_in_the_period(now, monthly):
    history(monthly, (Status.TRIALING, 5))
    history(monthly, (Status.TRIALING, 29), (Status.ACTIVE, 1))
    history(monthly, (Status.TRIALING, 31))  # before the period
    assert revenue.revenue_report(now=now, days=30).trial_starts == 2


def test_trial_to_paid_is_trials_that_became_paid_over_trials_that_ended(now, monthly):
    # Paid when the free days ran out (trial 40 → 10 days ago): ended, paid.
    history(monthly, (Status.TRIALING, 40), (Status.ACTIVE, 10))
    # Paid early, 12 days ago, 3 days into the trial: the trial ended when paid.
    history(monthly, (Status.TRIALING, 15), (Status.ACTIVE, 12))
    # Canceled, and the free days ran out 5 days ago: ended, not paid.
    history(monthly, (Status.TRIALING, 35), (Status.CANCELED, 20), (Status.EXPIRED, 5))
    # Still in its trial: not ended.
    history(monthly, (Status.TRIALING, 5))
    # Ended 40 days ago, before the period.
    history(monthly, (Status.TRIALING, 70), (Status.EXPIRED, 40))
    report = revenue.revenue_report(now=now, days=30)
    assert (report.trials_paid, report.trials_ended) == (2, 3)
    assert round(report.trial_to_paid_rate, 1) == 66.7


def test_no_trial_ended_gives_no_rate_rather_than_zero(now, monthly):
    history(monthly, (Status.TRIALING, 5))
    assert revenue.revenue_report(now=now, days=30).trial_to_paid_rate is None


def test_churn_splits_voluntary_cancels_from_failed_payments(now, monthly, annual):
    # Paid, canceled by the reader, period ran out in the period: voluntary.
    history(monthly, (Status.PENDING, 50), (Status.ACTIVE, 50), (Status.CANCELED, 25),
            (Status.EXPIRED, 20))  # fmt: skip
    # Paid, never renewed (no payment), expired in the period: failed payment.
    history(monthly, (Status.PENDING, 45), (Status.ACTIVE, 45), (Status.EXPIRED, 15))
    # A canceled trial that ran out was never paid: not churn.
    history(monthly, (Status.TRIALING, 35), (Status.CANCELED, 20), (Status.EXPIRED, 5))
    # Ended before the period: not counted.
    history(annual, (Status.PENDING, 400), (Status.ACTIVE, 400), (Status.EXPIRED, 35))
    # Still paying: the denominator only.
    history(annual, (Status.PENDING, 100), (Status.ACTIVE, 100))
    report = revenue.revenue_report(now=now, days=30)
    assert (report.churn_voluntary, report.churn_failed_payment) == (1, 1)
    assert report.paying_at_start == 3  # the two that churned and the one still paying
    assert round(report.churn_rate, 1) == 66.7


@pytest.mark.skipif(
    not hasattr(Subscription.Status, "PAST_DUE"), reason="past_due is not a status yet"
)
def test_an_end_after_a_failed_payment_is_failed_payment_churn(now, monthly):
    subscription = history(monthly, (Status.PENDING, 50), (Status.ACTIVE, 50))
    for status, days_ago in ((Status.PAST_DUE, 10), (Status.EXPIRED, 2)):
        moment = timezone.now() - timedelta(days=days_ago)
        change_status(subscription=subscription, to=status, now=moment)
    report = revenue.revenue_report(now=now, days=30)
    assert (report.churn_voluntary, report.churn_failed_payment) == (0, 1)


def test_paid_conversions_per_article_count_first_payments_from_its_paywall(now, monthly):
    popular, other = ArticleFactory(headline="Popular"), ArticleFactory(headline="Other")
    history(monthly, (Status.TRIALING, 20), (Status.ACTIVE, 2), started_from=popular)
    history(monthly, (Status.PENDING, 3), (Status.ACTIVE, 3), started_from=popular)
    history(monthly, (Status.TRIALING, 4), started_from=popular)  # a trial is not paid
    history(monthly, (Status.TRIALING, 10), (Status.ACTIVE, 1), started_from=other)
    # Converted before the period; its renewal in the period is not a conversion.
    history(monthly, (Status.PENDING, 40), (Status.ACTIVE, 40), (Status.ACTIVE, 10),
            started_from=other)  # fmt: skip
    rows = revenue.articles_leading_to_paid(now=now, days=30)
    assert [(row["article"].headline, row["conversions"]) for row in rows] == [
        ("Popular", 2),
        ("Other", 1),
    ]


def test_the_figures_take_a_fixed_number_of_queries(
    now, monthly, annual, django_assert_num_queries
):
    article = ArticleFactory()
    for _ in range(5):
        history(monthly, (Status.TRIALING, 20), (Status.ACTIVE, 2), started_from=article)
        history(annual, (Status.PENDING, 50), (Status.ACTIVE, 50), (Status.CANCELED, 25),
                (Status.EXPIRED, 20))  # fmt: skip
    with django_assert_num_queries(5):
        revenue.revenue_report(now=now, days=30)
    with django_assert_num_queries(2):
        revenue.articles_leading_to_paid(now=now, days=30)


def test_the_funnel_page_shows_revenue_and_its_definitions(now, admin_client, monthly):
    history(monthly, (Status.PENDING, 40), (Status.ACTIVE, 40))
    FunnelDay.objects.create(
        date=now.date(), article=ArticleFactory(), metered_reads=200, paywalls_shown=50
    )
    page = admin_client.get(reverse("admin:paywall_funnelday_changelist")).content.decode()
    assert "MRR now" in page and "2.90 USD" in page
    assert "Trial-to-paid rate" in page
    assert "Trials that became paid / trials that ended" in page
    assert "Readers who met the paywall / readers" in page
    assert "25.0 paywalls per 100 metered reads" in page


def test_mrr_by_day_replays_the_history_and_ends_at_the_report_figures(now, monthly, annual):
    history(monthly, (Status.PENDING, 40), (Status.ACTIVE, 40))  # 2.90 throughout
    history(annual, (Status.PENDING, 10), (Status.ACTIVE, 10))  # + 1.66 from 10 days ago
    history(monthly, (Status.PENDING, 60), (Status.ACTIVE, 60), (Status.CANCELED, 3))
    history(monthly, (Status.TRIALING, 5))  # never paying: not in MRR
    rows = revenue.mrr_by_day(now=now, days=30)
    assert len(rows) == 30
    assert (rows[0].day, rows[-1].day) == (now.date() - timedelta(days=29), now.date())
    by_day = {(now.date() - row.day).days: row.mrr for row in rows}
    assert by_day[29] == Decimal("5.80")
    assert by_day[10] == Decimal("7.46")  # the annual plan paid at noon that day
    assert by_day[3] == Decimal("4.56")  # one monthly canceled at noon that day
    assert by_day[0] == revenue.revenue_report(now=now, days=30).mrr


def test_the_editor_dashboard_shows_revenue(now, editor, client, monthly, annual):
    history(monthly, (Status.PENDING, 40), (Status.ACTIVE, 40))
    history(annual, (Status.PENDING, 10), (Status.ACTIVE, 10))
    dashboard = build_dashboard(user=editor, now=now)
    assert dashboard.revenue.mrr == Decimal("4.56")
    assert [(step.label, step.value) for step in dashboard.plans.steps] == [
        ("Monthly", 1),
        ("Annual", 1),
    ]
    assert dashboard.mrr.bars[-1].label.endswith("MRR 4.56")
    client.force_login(editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Revenue, last 30 days" in page and "4.56 USD" in page
