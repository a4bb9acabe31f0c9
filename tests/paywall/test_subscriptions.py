"""Subscriptions: one status function, trials, cancel, expiry, the trial flow."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from paywall.models import Subscription, SubscriptionEvent
from paywall.services import subscriptions
from paywall.services.subscriptions import SubscriptionError, add_interval, change_status
from tests.factories import ArticleFactory, ReaderFactory

from .conftest import is_gated, read

Status = Subscription.Status


@pytest.fixture
def now():
    return timezone.now()


def test_trial_starts_with_access_until_trial_end(reader, plan, now):
    sub = subscriptions.start_trial(user=reader, plan=plan, now=now)
    assert sub.status == Status.TRIALING
    assert sub.trial_ends_at == now + timedelta(days=30)
    assert sub.current_period_end == sub.trial_ends_at
    assert sub.grants_access(now + timedelta(days=29))
    assert not sub.grants_access(now + timedelta(days=30))
    event = SubscriptionEvent.objects.get()
    assert (event.from_status, event.to_status) == ("", "trialing")


def test_no_second_trial_ever(reader, plan, now):
    sub = subscriptions.start_trial(user=reader, plan=plan, now=now)
    with pytest.raises(SubscriptionError, match="already"):
        subscriptions.start_trial(user=reader, plan=plan, now=now)
    subscriptions.expire_if_due(subscription=sub, now=now + timedelta(days=31))
    with pytest.raises(SubscriptionError, match="already had a free trial"):
        subscriptions.start_trial(user=reader, plan=plan, now=now + timedelta(days=32))
    assert Subscription.objects.count() == 1


def test_never_two_live_subscriptions(reader, plan, annual, now):
    subscriptions.start_trial(user=reader, plan=plan, now=now)
    with pytest.raises(SubscriptionError, match="already have a subscription"):
        subscriptions.subscribe(user=reader, plan=annual, now=now)
    assert Subscription.objects.live().count() == 1


def test_subscribing_without_trial_waits_for_payment(reader, annual, now):
    sub, result = subscriptions.subscribe(user=reader, plan=annual, now=now)
    assert sub.status == Status.PENDING
    assert not result.paid
    assert not sub.grants_access(now)


def test_manual_payment_activates_for_one_period(reader, annual, now):
    sub, _ = subscriptions.subscribe(user=reader, plan=annual, now=now)
    subscriptions.mark_paid(subscription=sub, now=now, reference="invoice 12")
    assert sub.status == Status.ACTIVE
    assert sub.current_period_end == add_interval(now, "year")
    assert sub.provider_reference == "invoice 12"


def test_paying_during_a_trial_starts_the_period_after_the_trial(reader, plan, now):
    sub = subscriptions.start_trial(user=reader, plan=plan, now=now)
    subscriptions.mark_paid(subscription=sub, now=now + timedelta(days=5))
    assert sub.status == Status.ACTIVE
    assert sub.current_period_end == add_interval(sub.trial_ends_at, "month")


def test_cancel_keeps_access_until_period_end_then_expires(reader, plan, now):
    sub = subscriptions.start_trial(user=reader, plan=plan, now=now)
    subscriptions.cancel(subscription=sub, now=now + timedelta(days=1))
    assert sub.status == Status.CANCELED
    assert sub.canceled_at == now + timedelta(days=1)
    assert sub.grants_access(now + timedelta(days=29))
    subscriptions.expire_if_due(subscription=sub, now=now + timedelta(days=30))
    assert sub.status == Status.EXPIRED
    with pytest.raises(SubscriptionError):
        subscriptions.cancel(subscription=sub, now=now + timedelta(days=31))


def test_cancel_a_pending_subscription_withdraws_it(reader, annual, now):
    sub, _ = subscriptions.subscribe(user=reader, plan=annual, now=now)
    subscriptions.cancel(subscription=sub, now=now)
    assert sub.status == Status.EXPIRED


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ("expired", "active"),
        ("expired", "trialing"),
        ("pending", "canceled"),
        ("canceled", "pending"),
        ("trialing", "pending"),
    ],
)
def test_forbidden_transitions_raise(reader, plan, now, start, to):
    sub = Subscription.objects.create(user=reader, plan=plan, status=start)
    with pytest.raises(SubscriptionError):
        change_status(subscription=sub, to=to, now=now)
    sub.refresh_from_db()
    assert sub.status == start


def test_month_interval_clamps_to_month_end():
    from datetime import datetime

    assert add_interval(datetime(2026, 1, 31), "month") == datetime(2026, 2, 28)
    assert add_interval(datetime(2026, 12, 15), "month") == datetime(2027, 1, 15)
    assert add_interval(datetime(2028, 2, 29), "year") == datetime(2029, 2, 28)


def test_expiry_command_expires_ended_periods_only(plan, annual, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    ended, running = ReaderFactory(), ReaderFactory()
    subscriptions.start_trial(user=ended, plan=plan, now=start - timedelta(days=31))
    subscriptions.start_trial(user=running, plan=plan, now=start)
    call_command("expire_subscriptions", stdout=__import__("io").StringIO())
    assert Subscription.objects.get(user=ended).status == Status.EXPIRED
    assert Subscription.objects.get(user=running).status == Status.TRIALING


def test_expiry_is_checked_on_read(client, articles, plan, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    reader = ReaderFactory()
    subscriptions.start_trial(user=reader, plan=plan, now=start)
    client.force_login(reader)
    assert not is_gated(read(client, articles[0]))
    time_machine.move_to(start + timedelta(days=30, seconds=1), tick=False)
    client.force_login(reader)  # sessions last two weeks
    for article in articles[:5]:
        read(client, article)
    assert Subscription.objects.get(user=reader).status == Status.EXPIRED
    assert is_gated(read(client, articles[5]))


# The "Start your free trial" flow from the paywall block.


def test_signed_out_reader_signs_up_and_lands_in_a_trial(client, articles, plan):
    article = articles[3]
    url = f"{reverse('paywall:subscribe', args=['monthly'])}?from={article.pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert b"Start your free trial" in page.content
    response = client.post(
        url, {"email": "trial@example.com", "password": "a-long-reader-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    sub = Subscription.objects.get(user__email="trial@example.com")
    assert sub.status == Status.TRIALING
    assert sub.started_from == article
    assert not is_gated(client.get(response["Location"]))


def test_trial_sign_up_errors_keep_the_form(client, plan, policy):
    url = reverse("paywall:subscribe", args=["monthly"])
    response = client.post(url, {"email": "not-an-email", "password": "x"})
    assert response.status_code == 200
    assert b'value="not-an-email"' in response.content
    assert not Subscription.objects.exists()


def test_signed_in_reader_starts_trial_with_one_click(client, reader, plan, articles):
    client.force_login(reader)
    url = reverse("paywall:subscribe", args=["monthly"])
    assert b"Start my free trial" in client.get(f"{url}?from={articles[0].pk}").content
    response = client.post(url, {"from": articles[0].pk})
    assert response["Location"] == articles[0].get_absolute_url()
    assert Subscription.objects.get(user=reader).started_from == articles[0]


def test_sign_in_link_on_trial_page_comes_back_to_it(client, plan, policy):
    url = f"{reverse('paywall:subscribe', args=['monthly'])}?from=3"
    html = client.get(url).content.decode()
    assert f"{reverse('paywall:login')}?next=/account/subscribe/monthly/%3Ffrom%3D3" in html


def test_trial_page_never_gives_a_second_trial_or_charges_twice(client, reader, plan):
    subscriptions.start_trial(user=reader, plan=plan, now=timezone.now())
    client.force_login(reader)
    url = reverse("paywall:subscribe", args=["monthly"])
    assert b"You already have a subscription" in client.get(url).content
    response = client.post(url, follow=True)
    assert b"already have a subscription" in response.content
    assert Subscription.objects.count() == 1


def test_reader_who_had_a_trial_is_offered_to_subscribe(client, reader, plan):
    sub = subscriptions.start_trial(user=reader, plan=plan, now=timezone.now())
    subscriptions.change_status(subscription=sub, to="expired", now=timezone.now())
    client.force_login(reader)
    url = reverse("paywall:subscribe", args=["monthly"])
    assert b"already had a free trial" in client.get(url).content
    client.post(url)
    assert Subscription.objects.live().get(user=reader).status == Status.PENDING


def test_unknown_or_inactive_plan_is_404(client, plan, policy):
    plan.is_active = False
    plan.save()
    assert client.get(reverse("paywall:subscribe", args=["monthly"])).status_code == 404
    assert client.get(reverse("paywall:subscribe", args=["nope"])).status_code == 404


def test_garbled_from_parameter_is_ignored(client, reader, plan, policy):
    client.force_login(reader)
    url = reverse("paywall:subscribe", args=["monthly"])
    response = client.post(url, {"from": "../../etc"})
    assert response["Location"] == reverse("paywall:account")
    assert Subscription.objects.get(user=reader).started_from is None


def test_cancel_from_the_account_page_after_a_confirmation_step(client, subscriber):
    client.force_login(subscriber)
    html = client.get(reverse("paywall:account")).content.decode()
    assert "Free trial, until" in html
    assert f'href="{reverse("paywall:cancel")}"' in html
    confirm = client.get(reverse("paywall:cancel")).content.decode()
    assert "Cancel your subscription?" in confirm
    assert Subscription.objects.get(user=subscriber).status == Status.TRIALING
    response = client.post(reverse("paywall:cancel"), follow=True)
    assert b"You keep full access until" in response.content
    assert Subscription.objects.get(user=subscriber).status == Status.CANCELED
    assert b"Canceled: you keep full access until" in response.content


def test_cancel_without_subscription_is_a_clear_message(client, reader):
    client.force_login(reader)
    response = client.post(reverse("paywall:cancel"), follow=True)
    assert b"You have no subscription to cancel." in response.content


def test_account_page_offers_plans_without_subscription(client, reader, plan, annual):
    client.force_login(reader)
    html = client.get(reverse("paywall:account")).content.decode()
    assert "Start your free trial" in html
    assert "Best value" in html
    assert "$19.90" in html


def test_paywall_block_links_to_the_trial_from_the_article(client, articles, plan):
    for article in articles[:3]:
        read(client, article)
    article = ArticleFactory()
    html = read(client, article).content.decode()
    assert f"/account/subscribe/monthly/?from={article.pk}" in html


def test_trial_start_emails_the_reader_with_the_way_back_to_the_article(reader, plan, articles):
    from django.core import mail

    sub = subscriptions.start_trial(
        user=reader, plan=plan, now=timezone.now(), started_from=articles[2]
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert "free trial" in message.subject
    assert (
        f"{sub.trial_ends_at:%B} {sub.trial_ends_at.day}, {sub.trial_ends_at.year}" in message.body
    )
    assert articles[2].get_absolute_url() in message.body
    assert articles[2].get_absolute_url() in message.alternatives[0][0]


def test_cancel_emails_the_reader_the_last_day_of_access(subscriber):
    from django.core import mail

    mail.outbox.clear()
    sub = subscriptions.live_subscription(user=subscriber)
    subscriptions.cancel(subscription=sub, now=timezone.now())
    assert len(mail.outbox) == 1
    assert "canceled" in mail.outbox[0].subject
    assert "You keep full access until" in mail.outbox[0].body


def test_a_mail_server_failure_does_not_undo_the_trial(reader, plan, settings):
    settings.EMAIL_BACKEND = "tests.paywall.test_subscriptions.BrokenBackend"
    sub = subscriptions.start_trial(user=reader, plan=plan, now=timezone.now())
    assert sub.status == Status.TRIALING


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


@pytest.mark.parametrize("value", ["99999999999999999999999", "-1", "1e9", ""])
def test_out_of_range_from_parameter_is_ignored(client, reader, plan, value):
    client.force_login(reader)
    url = reverse("paywall:subscribe", args=["monthly"])
    assert client.get(url, {"from": value}).status_code == 200
    response = client.post(url, {"from": value})
    assert response["Location"] == reverse("paywall:account")
