"""Reader accounts: the password-reset email."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from newsroom.lib import emails
from paywall import tasks


def request_password_reset(*, email: str) -> None:
    """Queue the reset for whoever has this address. The request does the same work
    whether or not an account has it (one task, no lookup), so its timing tells nobody."""
    tasks.send_password_reset_email.enqueue(email)


def send_password_reset_email(*, email: str) -> int:
    """In the worker: email a reset link to each active account with this address (the
    accounts Django's reset form would pick). Returns how many were sent."""
    sent = 0
    for user in PasswordResetForm().get_users(email):
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        path = reverse(
            "paywall:password_reset_confirm",
            kwargs={"uidb64": uid, "token": default_token_generator.make_token(user)},
        )
        emails.send(
            template="paywall/email/password_reset",
            subject=f"Reset your {settings.SITE_NAME} password",
            to=user.email,
            context={"email": user.email, "reset_url": f"{settings.SITE_URL}{path}"},
        )
        sent += 1
    return sent
