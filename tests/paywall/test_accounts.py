"""Reader accounts: sign up, sign in, sign out, password reset, the account page."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from paywall.models import MeterRead
from tests.conftest import run_queued
from tests.factories import ArticleFactory, ReaderFactory

from .conftest import is_gated, read

PASSWORD = "a-long-reader-password"


def sign_up(client, email, password=PASSWORD, **extra):
    return client.post(reverse("paywall:signup"), {"email": email, "password": password, **extra})


def test_sign_up_creates_an_account_and_signs_in(client, policy):
    response = sign_up(client, "New.Reader@Example.com")
    assert response.status_code == 302
    user = get_user_model().objects.get()
    assert user.email == "new.reader@example.com"
    assert user.username == "new.reader@example.com"
    assert client.get(reverse("paywall:account")).status_code == 200


def test_emails_are_unique_case_insensitively(client, policy):
    ReaderFactory(email="taken@example.com")
    response = sign_up(client, "TAKEN@example.COM")
    assert response.status_code == 200
    assert "An account already uses this email address" in response.content.decode()
    assert get_user_model().objects.count() == 1


def test_sign_up_errors_keep_what_was_typed(client, policy):
    response = sign_up(client, "someone@example.com", password="123")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="someone@example.com"' in html
    assert "errorlist" in html
    assert not get_user_model().objects.exists()


def test_sign_in_with_email_in_any_case(client, reader):
    response = client.post(
        reverse("paywall:login"), {"username": reader.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("paywall:account")


def test_wrong_password_is_a_form_error(client, reader):
    response = client.post(reverse("paywall:login"), {"username": reader.email, "password": "nope"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()


def test_sign_in_follows_a_safe_next_only(client, reader, articles):
    target = articles[0].get_absolute_url()
    response = client.post(
        reverse("paywall:login"),
        {"username": reader.email, "password": PASSWORD, "next": target},
    )
    assert response["Location"] == target
    client.logout()
    response = client.post(
        reverse("paywall:login"),
        {"username": reader.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("paywall:account")


def test_too_many_sign_in_attempts_get_429(client, reader):
    for _ in range(20):
        client.post(reverse("paywall:login"), {"username": reader.email, "password": "x"})
    response = client.post(reverse("paywall:login"), {"username": reader.email, "password": "x"})
    assert response.status_code == 429
    assert b"Too many attempts" in response.content


def test_behind_a_proxy_each_reader_has_their_own_sign_in_limit(client, reader, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def attempt(reader_address, password="x"):
        return client.post(
            reverse("paywall:login"),
            {"username": f"someone{reader_address}@example.com", "password": password},
            REMOTE_ADDR="10.0.0.2",  # every reader comes through the same proxy
            HTTP_X_FORWARDED_FOR=reader_address,
        )

    for _ in range(20):
        attempt("198.51.100.7")
    assert attempt("198.51.100.7").status_code == 429

    assert attempt("198.51.100.8").status_code == 200
    response = client.post(
        reverse("paywall:login"),
        {"username": reader.email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert response.status_code == 302


def test_sign_out_is_a_post(client, reader):
    client.force_login(reader)
    assert client.get(reverse("paywall:logout")).status_code == 405
    response = client.post(reverse("paywall:logout"))
    assert response.status_code == 302
    assert client.get(reverse("paywall:account")).status_code == 302


def test_account_page_needs_sign_in(client, policy):
    response = client.get(reverse("paywall:account"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("paywall:login"))


def test_password_reset_sends_an_email_with_a_working_link(client, reader, settings):
    settings.SITE_URL = "http://testserver"  # the link is built from SITE_URL, not the request
    response = client.post(reverse("paywall:password_reset"), {"email": reader.email.upper()})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert "Reset your" in message.subject
    assert message.alternatives and "Choose a new password" in message.alternatives[0][0]
    link = next(line for line in message.body.splitlines() if "/account/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert b"Choose a new password" in response.content
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "another-long-password-1", "new_password2": "another-long-password-1"},
    )
    assert response.status_code == 302
    assert client.login(username=reader.username, password="another-long-password-1")


def test_password_reset_for_unknown_email_reveals_nothing(client, policy):
    response = client.post(reverse("paywall:password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_email_is_sent_by_the_worker_not_inside_the_request(
    client, reader, queued_tasks
):
    response = client.post(reverse("paywall:password_reset"), {"email": reader.email})

    assert response.status_code == 302
    assert mail.outbox == []  # the answer came before any mail server was asked
    assert len(queued_tasks) == 1

    run_queued(queued_tasks)

    assert [message.to for message in mail.outbox] == [[reader.email]]
    assert "/account/password/reset/" in mail.outbox[0].body


def test_password_reset_answers_with_the_same_work_whether_or_not_an_account_exists(
    client, reader, queued_tasks
):
    with CaptureQueriesContext(connection) as for_account:
        known = client.post(reverse("paywall:password_reset"), {"email": reader.email})
    with CaptureQueriesContext(connection) as for_nobody:
        unknown = client.post(reverse("paywall:password_reset"), {"email": "nobody@example.com"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(for_account.captured_queries) == len(for_nobody.captured_queries)
    assert [r.task.name for r in queued_tasks] == ["send_password_reset_email"] * 2
    run_queued(queued_tasks)
    assert [message.to for message in mail.outbox] == [[reader.email]]


def test_header_links_to_sign_in_or_account(client, reader, policy):
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("paywall:login")}">Sign in<' in html
    client.force_login(reader)
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("paywall:account")}">Account<' in html


# The anonymous meter carries over into the account.


def test_anonymous_reads_carry_over_on_sign_in(client, reader, articles):
    for article in articles[:3]:
        read(client, article)
    client.post(reverse("paywall:login"), {"username": reader.email, "password": PASSWORD})
    assert set(MeterRead.objects.filter(user=reader).values_list("article_id", flat=True)) == {
        a.pk for a in articles[:3]
    }
    # Signed in, the allowance is 3 + 2: two more, then the paywall.
    assert not is_gated(read(client, articles[3]))
    assert not is_gated(read(client, articles[4]))
    assert is_gated(read(client, articles[5]))
    assert not is_gated(read(client, articles[0]))


def test_anonymous_reads_carry_over_on_sign_up(client, articles):
    read(client, articles[0])
    sign_up(client, "fresh@example.com")
    user = get_user_model().objects.get(email="fresh@example.com")
    assert list(MeterRead.objects.filter(user=user).values_list("article_id", flat=True)) == [
        articles[0].pk
    ]


def test_carry_over_skips_articles_deleted_since(client, reader, policy):
    gone = ArticleFactory()
    read(client, gone)
    gone.delete()
    response = client.post(
        reverse("paywall:login"), {"username": reader.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert not MeterRead.objects.exists()


@pytest.mark.parametrize("url_name", ["paywall:signup", "paywall:login", "paywall:password_reset"])
def test_account_forms_render_with_labels(client, policy, url_name):
    html = client.get(reverse(url_name)).content.decode()
    assert html.count("<h1") == 1
    assert "<label" in html


def test_staff_with_a_plain_username_can_sign_in_here_too(client, db):
    from tests.factories import UserFactory

    UserFactory(username="Editor1", password="newsroom-test")
    response = client.post(
        reverse("paywall:login"), {"username": "Editor1", "password": "newsroom-test"}
    )
    assert response.status_code == 302


def test_account_page_is_never_cached(client, reader):
    client.force_login(reader)
    response = client.get(reverse("paywall:account"))
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_carry_over_ignores_article_ids_that_cannot_exist(client, reader, policy):
    from django.utils import timezone

    from paywall.services.meter import COOKIE_NAME, Meter, encode_cookie

    client.cookies[COOKIE_NAME] = encode_cookie(Meter(reads={10**20: timezone.now()}))
    response = client.post(
        reverse("paywall:login"), {"username": reader.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert not MeterRead.objects.exists()
