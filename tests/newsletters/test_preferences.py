import re

import pytest
from django.core import mail
from django.core.signing import Signer
from django.urls import reverse

from newsletters.models import Subscriber
from newsroom.lib.signing import make_preferences_token, make_unsubscribe_token
from tests.factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekly():
    return NewsletterFactory(name="Eyes on U.S.", slug="eyes-on-us", cadence="weekly")


def preferences_url(subscriber):
    return reverse("newsletters:preferences", args=[make_preferences_token(subscriber.pk)])


def unsubscribe_url(subscriber, newsletter):
    return reverse(
        "newsletters:unsubscribe", args=[make_unsubscribe_token(subscriber.pk, newsletter.pk)]
    )


def test_preference_centre_shows_current_choices(client, daily, weekly):
    subscriber = SubscriberFactory(newsletters=[weekly])

    response = client.get(preferences_url(subscriber))

    assert response.status_code == 200
    form = response.context["form"]
    assert [n.pk for n in form.initial["newsletters"]] == [weekly.pk]
    assert subscriber.email in response.content.decode()


def test_changing_choices_in_the_preference_centre(client, daily, weekly):
    subscriber = SubscriberFactory(newsletters=[daily])

    response = client.post(preferences_url(subscriber), {"newsletters": [weekly.pk]})

    assert response.status_code == 302
    assert list(subscriber.newsletters.all()) == [weekly]
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_choosing_nothing_unsubscribes(client, daily):
    subscriber = SubscriberFactory(newsletters=[daily])

    client.post(preferences_url(subscriber), {})

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_unsubscribe_from_everything_button(client, daily, weekly):
    subscriber = SubscriberFactory(newsletters=[daily, weekly])

    client.post(preferences_url(subscriber), {"unsubscribe_all": "1", "newsletters": [daily.pk]})

    assert not subscriber.newsletters.exists()
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribed_reader_can_come_back_through_the_preference_centre(client, daily):
    subscriber = SubscriberFactory(status="unsubscribed")

    client.post(preferences_url(subscriber), {"newsletters": [daily.pk]})

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert list(subscriber.newsletters.all()) == [daily]


def test_preference_post_needs_the_csrf_token(daily):
    from django.test import Client

    subscriber = SubscriberFactory(newsletters=[daily])
    client = Client(enforce_csrf_checks=True)

    response = client.post(preferences_url(subscriber), {})

    assert response.status_code == 403
    assert subscriber.newsletters.exists()


def test_forged_preference_link_is_404(client, daily):
    subscriber = SubscriberFactory(newsletters=[daily])
    token = make_preferences_token(subscriber.pk).replace(f"{subscriber.pk}:", "99999:")

    response = client.get(reverse("newsletters:preferences", args=[token]))

    assert response.status_code == 404


def test_preference_links_work_for_the_configured_days_then_expire(
    client, daily, settings, time_machine
):
    settings.NEWSLETTER_PREFERENCE_LINK_MAX_AGE = 60 * 86400
    time_machine.move_to("2026-01-01 00:00Z")
    subscriber = SubscriberFactory(newsletters=[daily])
    url = preferences_url(subscriber)

    time_machine.move_to("2026-02-25 00:00Z")  # 55 days on
    assert client.get(url).status_code == 200

    time_machine.move_to("2026-03-03 00:00Z")  # 61 days on
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 410
    assert "This link has expired" in body
    assert "Email me a link to manage my newsletters" in body
    assert subscriber.email not in body
    assert client.post(url, {"newsletters": []}).status_code == 410
    assert subscriber.newsletters.exists()


def test_an_expired_link_emails_a_fresh_one_to_the_subscribers_address(client, daily, time_machine):
    time_machine.move_to("2026-01-01 00:00Z")
    subscriber = SubscriberFactory(newsletters=[daily])
    token = make_preferences_token(subscriber.pk)
    time_machine.move_to("2026-06-01 00:00Z")

    response = client.post(reverse("newsletters:new_preferences_link"), {"token": token})

    assert response.status_code == 200
    assert "a fresh link to manage its newsletters is on its way" in response.content.decode()
    [message] = mail.outbox
    assert message.to == [subscriber.email]
    fresh = re.search(r"/newsletters/preferences/[^/\s]+/", message.body).group(0)
    assert subscriber.email in client.get(fresh).content.decode()


def test_asking_for_fresh_links_again_and_again_sends_one(client, daily):
    subscriber = SubscriberFactory(newsletters=[daily])
    token = make_preferences_token(subscriber.pk)

    for _ in range(4):
        client.post(reverse("newsletters:new_preferences_link"), {"token": token})

    assert len(mail.outbox) == 1


def test_a_fresh_link_for_an_address_no_longer_on_file_answers_the_same_and_sends_nothing(
    client, daily
):
    subscriber = SubscriberFactory(newsletters=[daily])
    token = make_preferences_token(subscriber.pk)
    subscriber.delete()

    response = client.post(reverse("newsletters:new_preferences_link"), {"token": token})

    assert response.status_code == 200
    assert "a fresh link to manage its newsletters is on its way" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["", "garbage", "12:forged"])
def test_a_forged_link_gets_no_fresh_one(client, daily, token):
    response = client.post(reverse("newsletters:new_preferences_link"), {"token": token})

    assert response.status_code == 404
    assert mail.outbox == []


def test_links_from_before_preference_links_expired_count_as_expired(client, daily):
    subscriber = SubscriberFactory(newsletters=[daily])
    old_link = Signer(salt="newsletters.preferences").sign(str(subscriber.pk))  # no date

    response = client.get(reverse("newsletters:preferences", args=[old_link]))
    assert response.status_code == 410
    client.post(reverse("newsletters:new_preferences_link"), {"token": old_link})

    assert [m.to for m in mail.outbox] == [[subscriber.email]]


def test_one_click_unsubscribe_links_never_expire(daily, time_machine):
    from django.test import Client

    time_machine.move_to("2020-01-01 00:00Z")
    subscriber = SubscriberFactory(newsletters=[daily])
    url = unsubscribe_url(subscriber, daily)
    time_machine.move_to("2030-01-01 00:00Z")

    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not subscriber.newsletters.exists()


def test_the_unsubscribe_page_hands_out_no_preference_link_but_can_email_one(daily):
    from django.test import Client

    subscriber = SubscriberFactory(newsletters=[daily])
    client = Client(enforce_csrf_checks=True)

    page = client.get(unsubscribe_url(subscriber, daily)).content.decode()
    assert "/newsletters/preferences/" not in page
    form = {
        name: re.search(rf'name="{name}" value="([^"]+)"', page).group(1)
        for name in ("csrfmiddlewaretoken", "token")
    }
    assert client.post(reverse("newsletters:new_preferences_link"), form).status_code == 200

    assert [m.to for m in mail.outbox] == [[subscriber.email]]
    assert "/newsletters/preferences/" in mail.outbox[0].body


def test_one_click_unsubscribe_post_without_csrf_answers_200_and_is_idempotent(daily, weekly):
    from django.test import Client

    subscriber = SubscriberFactory(newsletters=[daily, weekly])
    client = Client(enforce_csrf_checks=True)
    url = unsubscribe_url(subscriber, daily)

    first = client.post(url, {"List-Unsubscribe": "One-Click"})
    second = client.post(url, {"List-Unsubscribe": "One-Click"})

    assert first.status_code == 200
    assert second.status_code == 200
    assert list(subscriber.newsletters.all()) == [weekly]
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_unsubscribing_from_the_last_newsletter_marks_the_subscriber_unsubscribed(client, daily):
    subscriber = SubscriberFactory(newsletters=[daily])

    client.post(unsubscribe_url(subscriber, daily))

    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribe_get_asks_before_doing_anything(client, daily):
    subscriber = SubscriberFactory(newsletters=[daily])

    response = client.get(unsubscribe_url(subscriber, daily))

    assert response.status_code == 200
    assert b"Unsubscribe from Worldcrunch Today?" in response.content
    assert subscriber.newsletters.exists()


def test_forged_unsubscribe_link_is_404_and_changes_nothing(client, daily, weekly):
    subscriber = SubscriberFactory(newsletters=[daily, weekly])
    token = make_unsubscribe_token(subscriber.pk, daily.pk)
    forged = token.replace(f"-{daily.pk}:", f"-{weekly.pk}:")

    response = client.post(reverse("newsletters:unsubscribe", args=[forged]))

    assert response.status_code == 404
    assert subscriber.newsletters.count() == 2
