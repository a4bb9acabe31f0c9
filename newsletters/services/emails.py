"""The newsletters' transactional emails: confirming an address, the welcome once it is
confirmed, what a signup added, and a fresh link to the preference centre. Each is sent
by the worker (newsletters.tasks), queued by the service that decides it is due (signup,
preferences)."""

from django.conf import settings
from django.urls import reverse

from newsroom.lib import emails
from newsroom.lib.signing import make_confirm_token
from newsroom.lib.urls import absolute_url

from ..models import Newsletter, Subscriber


def send_confirmation(*, subscriber_id: int) -> None:
    """The double opt-in email: a signed link to a page where the reader confirms."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.is_confirmed:
        return
    newsletters = list(subscriber.newsletters.active())
    token = make_confirm_token(subscriber.pk)
    emails.send(
        template="newsletters/email/confirm",
        subject=f"Please confirm your {settings.SITE_NAME} newsletter subscription",
        to=subscriber.email,
        context={
            "newsletters": newsletters,
            "confirm_url": absolute_url(reverse("newsletters:confirm", args=[token])),
            "max_age_days": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400,
        },
    )


def send_added(*, subscriber_id: int, newsletter_ids: list[int]) -> None:
    """Tells a confirmed reader what was added, with a way to undo it."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not subscriber.is_confirmed:
        return
    newsletters = list(Newsletter.objects.filter(pk__in=newsletter_ids))
    if not newsletters:
        return
    emails.send(
        template="newsletters/email/added",
        subject=f"You're signed up: {', '.join(n.name for n in newsletters)}",
        to=subscriber.email,
        context={
            "newsletters": newsletters,
            "preferences_url": absolute_url(subscriber.preferences_path()),
        },
    )


def send_welcome(*, subscriber_id: int) -> None:
    """After the address is confirmed: what it will receive, how often, and how to change it."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not subscriber.is_confirmed:
        return
    newsletters = list(subscriber.newsletters.active().order_by("name"))
    if not newsletters:
        return
    emails.send(
        template="newsletters/email/welcome",
        subject=f"Welcome to {settings.SITE_NAME}'s newsletters",
        to=subscriber.email,
        context={
            "newsletters": newsletters,
            "preferences_url": absolute_url(subscriber.preferences_path()),
            "newsletters_url": absolute_url(reverse("newsletters:list")),
        },
    )


def send_preferences_link(*, subscriber_id: int) -> None:
    """A fresh link to the preference centre, asked for from an expired one."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    emails.send(
        template="newsletters/email/preferences_link",
        subject=f"Your link to manage your {settings.SITE_NAME} newsletters",
        to=subscriber.email,
        context={
            "preferences_url": absolute_url(subscriber.preferences_path()),
            "max_age_days": settings.NEWSLETTER_PREFERENCE_LINK_MAX_AGE // 86400,
        },
    )
