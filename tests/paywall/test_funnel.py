"""The funnel: counted in the cache on page views, flushed to the database."""

import threading
import time
from datetime import timedelta
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from paywall.models import FunnelDay
from paywall.services import funnel
from paywall.services.subscriptions import mark_paid, start_trial
from tests.factories import ReaderFactory, UserFactory

from .conftest import read


def test_page_views_count_in_the_cache_and_flush_to_the_database(client, articles):
    for article in articles[:4]:
        read(client, article)
    read(client, articles[3])
    assert not FunnelDay.objects.exists()
    call_command("flush_funnel", stdout=StringIO())
    rows = {row.article_id: row for row in FunnelDay.objects.all()}
    assert [rows[a.pk].metered_reads for a in articles[:3]] == [1, 1, 1]
    assert rows[articles[3].pk].paywalls_shown == 2
    # A second flush adds nothing: the cache counters were drained.
    call_command("flush_funnel", stdout=StringIO())
    assert FunnelDay.objects.get(article=articles[3]).paywalls_shown == 2


def test_increments_after_a_flush_are_kept(client, articles):
    read(client, articles[0])
    funnel.flush(now=timezone.now())
    read(client, articles[0])  # a reread: not counted again
    read(client, articles[1])
    funnel.flush(now=timezone.now())
    assert FunnelDay.objects.get(article=articles[1]).metered_reads == 1
    assert FunnelDay.objects.get(article=articles[0]).metered_reads == 1


def test_daily_report_counts_trials_started_and_converted(plan, articles):
    now = timezone.now()
    first, second = ReaderFactory(), ReaderFactory()
    trial = start_trial(user=first, plan=plan, now=now, started_from=articles[0])
    start_trial(user=second, plan=plan, now=now, started_from=articles[0])
    mark_paid(subscription=trial, now=now)
    today = funnel.daily_report(now=now, days=3)[0]
    assert today.trials_started == 2
    assert today.trials_converted == 1
    leading = funnel.articles_leading_to_trials(now=now)
    assert leading[0]["article"] == articles[0]
    assert leading[0]["trials"] == 2


def test_admin_funnel_page_shows_the_day_and_the_articles(client, plan, articles):
    for article in articles[:4]:
        read(client, article)
    start_trial(user=ReaderFactory(), plan=plan, now=timezone.now(), started_from=articles[3])
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("admin:paywall_funnelday_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Which articles&#x27; paywalls led to trials" in html or "paywalls led to trials" in html
    assert articles[3].headline in html
    assert response.context["totals"]["metered_reads"] == 3
    assert response.context["totals"]["paywalls_shown"] == 1
    assert response.context["totals"]["trials_started"] == 1
    url = reverse("admin:paywall_funnelday_changelist")
    assert client.get(url, {"days": "abc"}).status_code == 200


def test_flush_skips_counters_of_articles_deleted_since(client, articles):
    read(client, articles[0])
    read(client, articles[1])
    articles[0].delete()
    assert funnel.flush(now=timezone.now()) == 1
    assert list(FunnelDay.objects.values_list("article_id", flat=True)) == [articles[1].pk]


def test_only_articles_read_today_are_looked_up(client, articles):
    read(client, articles[2])
    assert funnel.touched_articles(timezone.now().date()) == {articles[2].pk}


def test_counts_reach_the_shared_cache_on_their_own_within_the_push_delay(monkeypatch, articles):
    monkeypatch.setattr(funnel, "PUSH_SECONDS", 0.05)
    now = timezone.now()
    key = f"paywall:funnel:{now.date().isoformat()}:metered_reads:{articles[0].pk}"
    funnel.count_step(step="metered_reads", article_id=articles[0].pk, now=now)
    funnel.count_step(step="metered_reads", article_id=articles[0].pk, now=now)
    assert cache.get(key) is None  # a page view does no cache round trip

    deadline = time.monotonic() + 5
    while cache.get(key) is None and time.monotonic() < deadline:
        time.sleep(0.01)

    assert cache.get(key) == 2  # what a flush in another process reads


def test_no_count_is_lost_when_many_threads_count_at_once(articles):
    now = timezone.now()

    def read_many():
        for _ in range(500):
            funnel.count_step(step="metered_reads", article_id=articles[0].pk, now=now)

    threads = [threading.Thread(target=read_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    funnel.flush(now=now)

    assert FunnelDay.objects.get(article=articles[0]).metered_reads == 4000


def test_counts_made_while_the_cache_is_down_arrive_once_it_is_back(
    articles, settings, monkeypatch
):
    from django.test import override_settings

    from newsroom.lib import cache_outage

    monkeypatch.setattr(cache_outage, "_down", False)  # the outage ends with this test
    now = timezone.now()
    redis_down = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:8139/3",  # nothing listens here
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
    }
    with override_settings(CACHES={**settings.CACHES, "default": redis_down}):
        for _ in range(40):
            funnel.count_step(step="metered_reads", article_id=articles[0].pk, now=now)
        funnel.push_pending()  # fails: the counts stay in this process
        funnel.push_pending()

    funnel.flush(now=now)  # the cache is back: pushes first, then saves

    assert FunnelDay.objects.get(article=articles[0]).metered_reads == 40


def test_the_dashboard_funnel_converts_only_trials_started_in_its_window(plan):
    now = timezone.now()
    # Two trials from before the window, paid inside it: they are not this window's trials.
    for _ in range(2):
        old = start_trial(user=ReaderFactory(), plan=plan, now=now - timedelta(days=40))
        mark_paid(subscription=old, now=now - timedelta(days=5))
    recent = start_trial(user=ReaderFactory(), plan=plan, now=now - timedelta(days=6))
    mark_paid(subscription=recent, now=now - timedelta(days=1))
    start_trial(user=ReaderFactory(), plan=plan, now=now - timedelta(days=2))
    assert funnel.trials_started_and_converted(now=now, days=30) == (2, 1)

    from newsroom.dashboard import paywall_funnel_chart

    steps = {step.label: (step.value, step.rate) for step in paywall_funnel_chart(now=now).steps}
    assert steps["Trials converted"] == (1, 50.0)  # the daily sum would say 3 of 2: 150 %
