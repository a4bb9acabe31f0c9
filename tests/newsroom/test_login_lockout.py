import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from tests.factories import ReaderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "editor", password="correct horse battery", is_staff=True, is_superuser=True
    )


def admin_login(client, password, username="editor"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR="203.0.113.9",
    )


def test_admin_login_locks_out_after_repeated_failures_with_a_clear_message(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert admin_login(client, "wrong").status_code == 200
    response = admin_login(client, "wrong")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed sign-in attempts" in html
    assert "15 minutes" in html


def test_locked_out_admin_cannot_log_in_even_with_the_right_password(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        admin_login(client, "wrong")
    response = admin_login(client, "correct horse battery")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_lifts_after_the_cool_off(client, editor, settings, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        admin_login(client, "wrong")
    time_machine.shift(settings.AXES_COOLOFF_TIME.total_seconds() + 60)
    response = admin_login(client, "correct horse battery")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_success_resets_the_failure_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        admin_login(client, "wrong")
    assert admin_login(client, "correct horse battery").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert admin_login(client, "wrong").status_code == 200


def test_lockout_of_one_username_leaves_other_accounts_alone(client, editor, settings):
    get_user_model().objects.create_user("other", password="another pass 99", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        admin_login(client, "wrong")
    assert admin_login(client, "another pass 99", username="other").status_code == 302


def test_client_login_without_a_request_still_works(client, editor):
    assert client.login(username="editor", password="correct horse battery")


def reader_login(client, email, password):
    return client.post(
        reverse("paywall:login"),
        {"username": email, "password": password},
        REMOTE_ADDR="198.51.100.7",
    )


def test_reader_login_locks_out_after_repeated_failures(client, settings):
    reader = ReaderFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = reader_login(client, reader.email, "not my password")
        assert response.status_code == 200
        assert "do not match an account" in response.content.decode()
    response = reader_login(client, reader.email, "not my password")
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    response = reader_login(client, reader.email, "a-long-reader-password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_reader_lockout_counts_the_email_however_it_is_typed(client, settings):
    ReaderFactory(email="mixed@example.com")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        reader_login(client, "Mixed@Example.com", "not my password")
    assert reader_login(client, "mixed@example.com", "a-long-reader-password").status_code == 429


# Behind a proxy (TRUSTED_PROXY_COUNT=1): the proxy appends the address it saw.


def login_via_proxy(client, email, password, *, reader_address, prepended="203.0.113.1"):
    return client.post(
        reverse("paywall:login"),
        {"username": email, "password": password},
        REMOTE_ADDR="10.0.0.2",  # the proxy
        HTTP_X_FORWARDED_FOR=f"{prepended}, {reader_address}",
    )


def test_behind_a_proxy_addresses_the_client_prepends_do_not_escape_the_lockout(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    reader = ReaderFactory()
    statuses = [
        login_via_proxy(
            client, reader.email, "not my password", reader_address="198.51.100.7", prepended=p
        ).status_code
        for p in (f"203.0.113.{n}" for n in range(11))
    ]

    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT - 1 :]) == {429}
    response = login_via_proxy(
        client, reader.email, "a-long-reader-password", reader_address="198.51.100.7"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_behind_a_proxy_one_readers_lockout_leaves_another_reader_alone(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    reader = ReaderFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login_via_proxy(client, reader.email, "not my password", reader_address="198.51.100.7")

    response = login_via_proxy(
        client, reader.email, "a-long-reader-password", reader_address="198.51.100.8"
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(reader.pk)


def test_the_41st_admin_login_from_one_address_gets_a_429_and_is_not_processed(client, editor):
    for n in range(40):
        assert admin_login(client, "wrong", username=f"guess{n}").status_code == 200

    response = admin_login(client, "correct horse battery")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many tries for now" in response.content.decode()
    assert "_auth_user_id" not in client.session
    other_address = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": "correct horse battery", "next": "/admin/"},
        REMOTE_ADDR="203.0.113.10",
    )
    assert other_address.status_code == 302


def test_the_lockout_page_says_when_to_come_back(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = admin_login(client, "wrong")

    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
