"""Emails about a reader's subscription (text and HTML pairs in templates/paywall/email/)."""

from django.conf import settings
from django.urls import reverse

from newsroom.lib import emails
from newsroom.lib.urls import absolute_url
from paywall.models import Subscription

SUBJECTS = {
    "trial_started": "Your free trial of {site_name} has started",
    "canceled": "Your {site_name} subscription is canceled",
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
            "article": subscription.started_from,
            "article_url": (
                absolute_url(subscription.started_from.get_absolute_url())
                if subscription.started_from
                else ""
            ),
        },
    )
    return True
