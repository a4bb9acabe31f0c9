"""Gift links: a subscriber's article, readable by anyone for a while."""

import threading
from datetime import timedelta

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.lib.signing import GIFT_SALT
from paywall.models import GiftLink, Subscription
from paywall.services.gifts import GiftError, create_gift_link, token_for
from paywall.services.meter import COOKIE_NAME
from paywall.services.subscriptions import change_status
from tests.factories import ReaderFactory, UserFactory

from .conftest import is_gated, read

LAST_PARAGRAPH = b"Paragraph 6 of the story"


@pytest.fixture
def exhausted(client, articles):
    """An anonymous client that has used its three free articles."""
    for article in articles[:3]:
        read(client, article)
    return client


def gift_url(article, token):
    return f"{article.get_absolute_url()}?gift={token}"


def test_valid_gift_link_opens_the_article_without_touching_the_meter(
    exhausted, articles, subscriber
):
    article = articles[4]
    now = timezone.now()
    _, token = create_gift_link(giver=subscriber, article=article, now=now)
    cookie_before = exhausted.cookies[COOKIE_NAME].value
    response = exhausted.get(gift_url(article, token))
    assert not is_gated(response)
    assert LAST_PARAGRAPH in response.content
    assert COOKIE_NAME not in response.cookies
    assert exhausted.cookies[COOKIE_NAME].value == cookie_before
    assert "private" in response["Cache-Control"]


def test_forged_gift_link_falls_back_to_the_meter_with_a_message(exhausted, articles):
    forged = signing.dumps({"g": 1, "a": articles[4].pk, "x": 2**40}, salt="not-the-salt")
    response = exhausted.get(gift_url(articles[4], forged))
    assert response.status_code == 200
    assert is_gated(response)
    assert b"This gift link is not valid." in response.content


@pytest.mark.parametrize("token", ["", "x", "a:b", "%00%ff", "e30:1:2"])
def test_garbled_gift_token_never_errors(client, articles, token):
    response = client.get(gift_url(articles[0], token))
    assert response.status_code == 200


def test_expired_gift_link_falls_back_to_the_meter(exhausted, articles, subscriber):
    past = timezone.now() - timedelta(days=15)
    _, token = create_gift_link(giver=subscriber, article=articles[4], now=past)
    response = exhausted.get(gift_url(articles[4], token))
    assert is_gated(response)
    assert b"This gift link has expired." in response.content


def test_gift_link_opens_only_its_own_article(exhausted, articles, subscriber):
    _, token = create_gift_link(giver=subscriber, article=articles[4], now=timezone.now())
    response = exhausted.get(gift_url(articles[5], token))
    assert is_gated(response)
    assert b"This gift link is for another article." in response.content


def test_gift_token_for_a_tampered_article_is_rejected(exhausted, articles, subscriber):
    gift, token = create_gift_link(giver=subscriber, article=articles[4], now=timezone.now())
    gift.article = articles[5]
    tampered = token_for(gift)  # re-signed by us: valid, but names article 5
    assert signing.loads(tampered, salt=GIFT_SALT)["a"] == articles[5].pk
    assert not is_gated(exhausted.get(gift_url(articles[5], tampered)))
    body, _, signature = token.rpartition(":")
    assert is_gated(exhausted.get(gift_url(articles[5], f"{body}x:{signature}")))


def test_quota_of_gift_links_per_month(subscriber, articles, policy):
    now = timezone.now()
    policy.gift_links_per_month = 2
    policy.save()
    for _ in range(2):
        create_gift_link(giver=subscriber, article=articles[0], now=now)
    with pytest.raises(GiftError, match="used all your gift links"):
        create_gift_link(giver=subscriber, article=articles[0], now=now)
    assert GiftLink.objects.count() == 2


def test_only_subscribers_can_give(reader, articles):
    with pytest.raises(GiftError, match="for subscribers"):
        create_gift_link(giver=reader, article=articles[0], now=timezone.now())


def test_subscriber_creates_a_gift_link_from_the_article_page(client, subscriber, articles):
    client.force_login(subscriber)
    html = read(client, articles[0]).content.decode()
    assert "Give this article" in html
    assert "<strong>10</strong> gift links left this month" in html
    response = client.post(reverse("paywall:gift_create"), {"article": articles[0].pk})
    assert response["Location"] == f"{reverse('paywall:account')}#gifts"
    account = client.get(reverse("paywall:account")).content.decode()
    assert "<strong>9</strong> gift links left this month" in account
    assert f"{articles[0].get_absolute_url()}?gift=" in account


def test_gift_creation_over_quota_shows_a_message(client, subscriber, articles, policy):
    policy.gift_links_per_month = 1
    policy.save()
    client.force_login(subscriber)
    client.post(reverse("paywall:gift_create"), {"article": articles[0].pk})
    response = client.post(reverse("paywall:gift_create"), {"article": articles[0].pk}, follow=True)
    assert b"You have used all your gift links for this month." in response.content
    assert GiftLink.objects.count() == 1


def test_non_subscriber_cannot_create_gift_links(client, reader, articles):
    client.force_login(reader)
    assert b"Give this article" not in read(client, articles[0]).content
    response = client.post(reverse("paywall:gift_create"), {"article": articles[0].pk}, follow=True)
    assert b"Gift links are for subscribers." in response.content
    assert not GiftLink.objects.exists()


def test_gift_for_unknown_article_is_404(client, subscriber):
    client.force_login(subscriber)
    assert client.post(reverse("paywall:gift_create"), {"article": "999999"}).status_code == 404
    assert client.post(reverse("paywall:gift_create"), {"article": "abc"}).status_code == 404


def test_gift_for_out_of_range_article_id_is_404(client, subscriber):
    client.force_login(subscriber)
    url = reverse("paywall:gift_create")
    assert client.post(url, {"article": "99999999999999999999999"}).status_code == 404


NO_LONGER_ACTIVE = b"This gift link is no longer active."


def test_a_deleted_gift_link_no_longer_opens_the_article(exhausted, articles, subscriber):
    gift, token = create_gift_link(giver=subscriber, article=articles[4], now=timezone.now())
    gift.delete()
    response = exhausted.get(gift_url(articles[4], token))
    assert is_gated(response)
    assert LAST_PARAGRAPH not in response.content
    assert NO_LONGER_ACTIVE in response.content


def test_a_gift_link_stops_working_when_the_givers_subscription_expires(
    exhausted, articles, subscriber
):
    now = timezone.now()
    _, token = create_gift_link(giver=subscriber, article=articles[4], now=now)
    subscription = Subscription.objects.get(user=subscriber)
    change_status(subscription=subscription, to=Subscription.Status.EXPIRED, now=now)
    response = exhausted.get(gift_url(articles[4], token))
    assert is_gated(response)
    assert NO_LONGER_ACTIVE in response.content


def test_a_gift_link_stops_working_once_the_givers_period_is_over_even_before_expiry_runs(
    exhausted, articles, subscriber
):
    now = timezone.now()
    _, token = create_gift_link(giver=subscriber, article=articles[4], now=now)
    # The trial is over, but no expire_subscriptions run has marked it expired yet.
    Subscription.objects.filter(user=subscriber).update(
        current_period_end=now - timedelta(seconds=1)
    )
    response = exhausted.get(gift_url(articles[4], token))
    assert is_gated(response)
    assert NO_LONGER_ACTIVE in response.content


def test_a_giver_whose_period_is_over_cannot_create_gift_links(subscriber, articles):
    now = timezone.now()
    Subscription.objects.filter(user=subscriber).update(
        current_period_end=now - timedelta(seconds=1)
    )
    with pytest.raises(GiftError, match="for subscribers"):
        create_gift_link(giver=subscriber, article=articles[0], now=now)
    assert not GiftLink.objects.exists()


def test_the_giver_revokes_a_gift_link_from_the_account_page(client, articles, subscriber):
    gift, token = create_gift_link(giver=subscriber, article=articles[4], now=timezone.now())
    client.force_login(subscriber)
    revoke_url = reverse("paywall:gift_revoke", args=[gift.pk])
    account = client.get(reverse("paywall:account")).content.decode()
    assert f'action="{revoke_url}"' in account
    response = client.post(revoke_url, follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('paywall:account')}#gifts"
    assert "is revoked: it no longer opens the article" in response.content.decode()
    assert f"?gift={token}" not in response.content.decode()
    client.logout()
    for article in articles[:3]:
        read(client, article)
    opened = client.get(gift_url(articles[4], token))
    assert is_gated(opened)
    assert NO_LONGER_ACTIVE in opened.content


def test_revoking_does_not_give_back_a_gift_link_of_the_month(client, articles, subscriber):
    gift, _ = create_gift_link(giver=subscriber, article=articles[4], now=timezone.now())
    client.force_login(subscriber)
    client.post(reverse("paywall:gift_revoke", args=[gift.pk]))
    account = client.get(reverse("paywall:account")).content.decode()
    assert "<strong>9</strong> gift links left this month" in account


def test_nobody_else_can_revoke_a_gift_link(exhausted, articles, subscriber):
    gift, token = create_gift_link(giver=subscriber, article=articles[4], now=timezone.now())
    other = Client()
    other.force_login(ReaderFactory())
    url = reverse("paywall:gift_revoke", args=[gift.pk])
    assert other.post(url).status_code == 404
    assert other.post(reverse("paywall:gift_revoke", args=[10**30])).status_code == 404
    assert not is_gated(exhausted.get(gift_url(articles[4], token)))


def test_revoking_takes_a_post_from_a_signed_in_giver(client, articles, subscriber):
    gift, _ = create_gift_link(giver=subscriber, article=articles[4], now=timezone.now())
    url = reverse("paywall:gift_revoke", args=[gift.pk])
    assert client.post(url)["Location"].startswith(reverse("paywall:login"))
    client.force_login(subscriber)
    assert client.get(url).status_code == 405
    gift.refresh_from_db()
    assert gift.revoked_at is None


def test_staff_revoke_a_gift_link_in_the_admin(exhausted, articles, subscriber):
    gift, token = create_gift_link(giver=subscriber, article=articles[4], now=timezone.now())
    staff = Client()
    staff.force_login(UserFactory(is_superuser=True))
    response = staff.post(
        reverse("admin:paywall_giftlink_changelist"),
        {"action": "revoke", "_selected_action": [gift.pk]},
        follow=True,
    )
    assert b"1 gift link(s) revoked." in response.content
    opened = exhausted.get(gift_url(articles[4], token))
    assert is_gated(opened)
    assert NO_LONGER_ACTIVE in opened.content


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_gift_link_creations_stop_exactly_at_the_monthly_quota(
    subscriber, articles, policy
):
    now, attempts = timezone.now(), 25
    start = threading.Barrier(attempts)
    outcomes: list[str] = []

    def create() -> None:
        # Each thread has its own database connection.
        try:
            start.wait(10)
            create_gift_link(giver=subscriber, article=articles[0], now=now)
            outcomes.append("created")
        except GiftError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes.count("created") == policy.gift_links_per_month == 10
    assert outcomes.count("refused") == attempts - 10
    assert GiftLink.objects.filter(giver=subscriber).count() == 10
