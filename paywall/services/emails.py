"""The paywall's emails: about a reader's subscription, and the password-reset link (text
and HTML pairs in templates/paywall/email/)."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from newsroom.lib import emails
from newsroom.lib.urls import absolute_url
from paywall.models import Subscription

SUBJECTS = {
    "trial_started": "Your free trial of {site_name} has started",
    "canceled": "Your {site_name} subscription is canceled",
    "trial_ending": "Your free trial of {site_name} ends in 3 days",
    "payment_failed": "Your {site_name} payment failed: update your card",
    "access_ending": "Your {site_name} access ends soon",
    "welcome_paid": "Welcome to {site_name}: your subscription is paid",
}


def send_subscription_email(*, subscription: Subscription, kind: str) -> bool:
    """Tell the reader what changed. The worker sends it: a mail server failure never
    undoes the change, nor slows the reader's click."""
    email = subscription.user.email
    if not email:
        return False
    emails.send_in_background(
        template=f"paywall/email/{kind}",
        subject=SUBJECTS[kind].format(site_name=settings.SITE_NAME),
        to=email,
        context={
            "account_url": absolute_url(reverse("paywall:account")),
            "subscription": subscription,
            "plan": subscription.plan,
            "has_portal": subscription.provider == "stripe",
            "article": subscription.started_from,
            "article_url": (
                absolute_url(subscription.started_from.get_absolute_url())
                if subscription.started_from
                else ""
            ),
        },
    )
    return True


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
            context={"email": user.email, "reset_url": absolute_url(path)},
        )
        sent += 1
    return sent
