import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from newsletters.models import BlockedDomain, Subscriber
from newsletters.services.signup import hash_ip, sign_up
from newsroom.lib.signing import make_confirm_token
from tests.factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/newsletters/signup/"


@pytest.fixture
def weekly():
    return NewsletterFactory(name="Eyes on U.S.", slug="eyes-on-us", cadence="weekly")


def post(client, email, *, ip="203.0.113.7", **data):
    payload = {"email": email, "placement": "page", "source": "/", **data}
    return client.post(SIGNUP, payload, REMOTE_ADDR=ip)


def confirm_link(message) -> str:
    return re.search(r"https?://\S+/newsletters/confirm/[^/\s]+/", message.body).group(0)


def test_new_address_becomes_pending_and_gets_a_confirmation_link(client, daily):
    response = post(client, " Ann@Example.ORG ", newsletter=[daily.slug], source="/article/x/")

    assert response.status_code == 302
    assert response["Location"] == reverse("newsletters:check_inbox")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ann@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert list(subscriber.newsletters.all()) == [daily]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ann@example.org"]
    assert "/newsletters/confirm/" in mail.outbox[0].body
    html, mimetype = mail.outbox[0].alternatives[0]
    assert mimetype == "text/html"
    assert confirm_link(mail.outbox[0]) in html


def test_consent_is_recorded_with_a_hash_of_the_ip_never_the_ip(client, daily):
    post(client, "ann@example.org", newsletter=[daily.slug], source="/article/x/")

    subscriber = Subscriber.objects.get()
    assert subscriber.consent_at is not None
    assert "unsubscribe" in subscriber.consent_text
    assert subscriber.consent_source == "/article/x/"
    assert subscriber.consent_ip_hash == hash_ip("203.0.113.7")
    stored = " ".join(str(v) for v in Subscriber.objects.values().get().values())
    assert "203.0.113.7" not in stored


def test_behind_a_proxy_the_consent_record_hashes_the_readers_address(client, daily, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    client.post(
        SIGNUP,
        {"email": "ann@example.org", "newsletter": [daily.slug], "placement": "page"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.50, 198.51.100.7",
    )

    assert Subscriber.objects.get().consent_ip_hash == hash_ip("198.51.100.7")


def test_masthead_form_signs_up_for_the_masthead_newsletter(client, daily, weekly):
    post(client, "ann@example.org", placement="masthead")

    assert list(Subscriber.objects.get().newsletters.all()) == [daily]


def test_page_form_without_a_choice_is_an_error_keeping_the_address(client, daily):
    response = post(client, "ann@example.org")

    assert response.status_code == 200
    assert "Choose at least one newsletter." in response.content.decode()
    assert 'value="ann@example.org"' in response.content.decode()
    assert not Subscriber.objects.exists()


def test_invalid_address_is_a_form_error_that_keeps_what_was_typed(client, daily):
    response = post(client, "ann@@example", newsletter=[daily.slug])

    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a valid email address" in body
    assert 'value="ann@@example"' in body
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_masthead_signup_error_shows_the_page_with_the_daily_ticked(client, daily, weekly):
    response = post(client, "ann@", placement="masthead")

    body = response.content.decode()
    assert 'value="worldcrunch-today" id="newsletter-worldcrunch-today" checked' in body
    assert 'value="eyes-on-us" id="newsletter-eyes-on-us">' in body
    assert 'value="ann@"' in body


def test_blocked_domain_and_its_subdomains_are_refused(client, daily):
    BlockedDomain.objects.create(domain="Mailinator.com")

    for address in ["x@mailinator.com", "x@eu.mailinator.com"]:
        response = post(client, address, newsletter=[daily.slug])
        assert response.status_code == 200
        assert "send newsletters to addresses at this domain" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_honeypot_answers_like_success_but_does_nothing(client, daily):
    response = post(client, "bot@example.org", newsletter=[daily.slug], website="http://spam")

    assert response.status_code == 302
    assert response["Location"] == reverse("newsletters:check_inbox")
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_new_pending_and_confirmed_addresses_get_identical_responses(client, daily):
    SubscriberFactory(email="pending@example.org", status="pending", newsletters=[daily])
    SubscriberFactory(email="confirmed@example.org", newsletters=[daily])

    responses = [
        post(client, f"{who}@example.org", newsletter=[daily.slug])
        for who in ["new", "pending", "confirmed"]
    ]

    assert {r.status_code for r in responses} == {302}
    assert {r["Location"] for r in responses} == {reverse("newsletters:check_inbox")}
    assert len({r.content for r in responses}) == 1
    assert {tuple(sorted(k for k in r.headers if k != "Date")) for r in responses}.__len__() == 1


def test_the_answer_does_the_same_work_for_new_pending_and_confirmed_addresses(client, daily):
    """Same queries, one queued task, no email: the time it takes cannot tell them apart."""
    SubscriberFactory(email="pending@example.org", status="pending", newsletters=[daily])
    SubscriberFactory(email="confirmed@example.org", newsletters=[])
    queries = []
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for who in ["new", "pending", "confirmed"]:
            with CaptureQueriesContext(connection) as captured:
                assert (
                    post(client, f"{who}@example.org", newsletter=[daily.slug]).status_code == 302
                )
            # The statements, with the values they carry (ids, times, the address) blanked.
            queries.append([re.sub(r"'(?:[^']|'')*'", "?", q["sql"]) for q in captured])

    assert queries[0] == queries[1] == queries[2]
    assert mail.outbox == []
    assert not Subscriber.objects.filter(email="new@example.org").exists()

    for queued in DBTaskResult.objects.order_by("enqueued_at"):  # the worker's turn
        queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])

    assert sorted(m.to[0] for m in mail.outbox) == [
        "confirmed@example.org",  # "you're signed up", no confirmation needed
        "new@example.org",
        "pending@example.org",
    ]
    assert Subscriber.objects.get(email="new@example.org").status == Subscriber.Status.PENDING
    assert Subscriber.objects.get(email="confirmed@example.org").newsletters.get() == daily


def test_pending_address_signing_up_again_gets_a_fresh_link(client, daily, weekly):
    SubscriberFactory(email="ann@example.org", status="pending", newsletters=[daily])

    post(client, "ann@example.org", newsletter=[weekly.slug])

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert set(subscriber.newsletters.all()) == {daily, weekly}
    assert len(mail.outbox) == 1
    assert "Eyes on U.S." in mail.outbox[0].body


def test_confirmed_reader_gains_a_newsletter_without_new_confirmation(client, daily, weekly):
    SubscriberFactory(email="ann@example.org", newsletters=[daily])

    post(client, "ann@example.org", newsletter=[weekly.slug])

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert set(subscriber.newsletters.all()) == {daily, weekly}
    assert len(mail.outbox) == 1
    assert "/confirm/" not in mail.outbox[0].body
    assert "Eyes on U.S." in mail.outbox[0].subject


def test_confirmed_reader_signing_up_for_what_they_have_gets_no_email(client, daily):
    SubscriberFactory(email="ann@example.org", newsletters=[daily])

    post(client, "ann@example.org", newsletter=[daily.slug])

    assert mail.outbox == []


def test_unsubscribed_reader_signing_up_again_must_confirm_again(client, daily):
    SubscriberFactory(email="ann@example.org", status="unsubscribed")

    post(client, "ann@example.org", newsletter=[daily.slug])

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert "/newsletters/confirm/" in mail.outbox[0].body


def test_the_same_address_in_another_case_is_the_same_subscriber(daily):
    sign_up(
        email="Ann@Example.org",
        newsletters=[daily],
        consent_text="",
        source="/",
        consent_ip_hash="",
    )
    sign_up(
        email="ann@example.ORG",
        newsletters=[daily],
        consent_text="",
        source="/",
        consent_ip_hash="",
    )

    assert Subscriber.objects.count() == 1


def test_signup_from_an_external_source_records_the_signup_page(client, daily):
    post(client, "ann@example.org", newsletter=[daily.slug], source="https://evil.example/")

    assert Subscriber.objects.get().consent_source == SIGNUP


# Confirmation


def test_confirm_link_shows_a_page_and_does_not_confirm_on_get(client, daily):
    subscriber = SubscriberFactory(status="pending", newsletters=[daily])

    response = client.get(reverse("newsletters:confirm", args=[make_confirm_token(subscriber.pk)]))

    assert response.status_code == 200
    assert b"Yes, confirm my subscription" in response.content
    assert b'<form method="post">' in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_confirm_post_confirms_and_opens_the_preference_centre(client, daily, time_machine):
    time_machine.move_to("2026-03-01 09:00Z")
    post(client, "ann@example.org", newsletter=[daily.slug])
    link = confirm_link(mail.outbox[0])
    path = link.split("://", 1)[1].split("/", 1)[1]

    response = client.post("/" + path)

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at.isoformat().startswith("2026-03-01T09:00")
    assert response.status_code == 302
    assert "/newsletters/preferences/" in response["Location"]


def test_confirming_twice_is_harmless(client, daily):
    subscriber = SubscriberFactory(status="pending", newsletters=[daily])
    url = reverse("newsletters:confirm", args=[make_confirm_token(subscriber.pk)])

    client.post(url)
    first = Subscriber.objects.get().confirmed_at
    response = client.post(url)

    assert response.status_code == 302
    assert Subscriber.objects.get().confirmed_at == first


def test_expired_confirmation_link_is_refused_with_a_way_to_sign_up_again(
    client, daily, time_machine
):
    time_machine.move_to("2026-03-01 09:00Z", tick=False)
    subscriber = SubscriberFactory(status="pending", newsletters=[daily])
    url = reverse("newsletters:confirm", args=[make_confirm_token(subscriber.pk)])

    time_machine.shift(timedelta(days=3, minutes=1))
    response = client.post(url)

    assert response.status_code == 410
    assert b"This link has expired" in response.content
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_confirmation_link_still_works_just_before_expiry(client, daily, time_machine):
    time_machine.move_to("2026-03-01 09:00Z", tick=False)
    subscriber = SubscriberFactory(status="pending", newsletters=[daily])
    url = reverse("newsletters:confirm", args=[make_confirm_token(subscriber.pk)])

    time_machine.shift(timedelta(days=2, hours=23))
    client.post(url)

    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize("tamper", ["swap-id", "garbage", "truncated"])
def test_forged_confirmation_links_are_404(client, daily, tamper):
    victim = SubscriberFactory(status="pending", newsletters=[daily])
    other = SubscriberFactory(status="pending", newsletters=[daily])
    token = make_confirm_token(other.pk)
    forged = {
        "swap-id": make_confirm_token(victim.pk).split(":")[0] + ":" + token.split(":", 1)[1],
        "garbage": "not-a-token",
        "truncated": token[:-3],
    }[tamper]

    response = client.post(reverse("newsletters:confirm", args=[forged]))

    assert response.status_code == 404
    assert b"This link doesn" in response.content
    assert not Subscriber.objects.filter(status="confirmed").exists()


def test_confirming_sends_one_welcome_email_saying_what_the_reader_will_receive(client, daily):
    post(client, "ann@example.org", newsletter=[daily.slug])
    path = confirm_link(mail.outbox[0]).split("testserver")[-1]
    path = path[path.index("/newsletters/") :]

    client.post(path)
    client.post(path)  # confirming again welcomes nobody twice

    [welcome] = [m for m in mail.outbox if m.subject.startswith("Welcome")]
    assert welcome.to == ["ann@example.org"]
    assert daily.name in welcome.body
    assert "/newsletters/preferences/" in welcome.body
    html, mimetype = welcome.alternatives[0]
    assert mimetype == "text/html" and daily.name in html
    assert Subscriber.objects.get().is_confirmed
