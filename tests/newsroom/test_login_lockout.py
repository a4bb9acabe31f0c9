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
