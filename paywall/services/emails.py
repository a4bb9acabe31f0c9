"""Emails about a reader's subscription (text and HTML pairs in templates/paywall/email/)."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)

SUBJECTS = {
    "trial_started": "Your free trial of {site_name} has started",
    "canceled": "Your {site_name} subscription is canceled",
}


def send_subscription_email(*, subscription, kind: str) -> bool:
    """Tell the reader what changed; a mail server failure never undoes the change."""
    email = subscription.user.email
    if not email:
        return False
    context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "account_url": f"{settings.SITE_URL}{reverse('paywall:account')}",
        "subscription": subscription,
        "plan": subscription.plan,
        "article": subscription.started_from,
        "article_url": (
            f"{settings.SITE_URL}{subscription.started_from.get_absolute_url()}"
            if subscription.started_from
            else ""
        ),
    }
    message = EmailMultiAlternatives(
        subject=SUBJECTS[kind].format(site_name=settings.SITE_NAME),
        body=render_to_string(f"paywall/email/{kind}.txt", context),
        to=[email],
    )
    message.attach_alternative(render_to_string(f"paywall/email/{kind}.html", context), "text/html")
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the %s email for subscription %s", kind, subscription.pk)
        return False
    return True
