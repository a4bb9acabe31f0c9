"""The preference centre and unsubscribing: reached from signed links, no login needed."""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import transaction
from django.utils import timezone

from newsroom.lib import ratelimit
from paywall.services.accounts import has_verified_email

from .. import tasks
from ..models import Newsletter, Subscriber, Subscription
from .subscribers import change_status


def subscriber_for_account(user: AbstractUser | AnonymousUser) -> Subscriber | None:
    """The subscriber row of a signed-in reader's address, once the account has proved
    the address is theirs; before that, nobody's (so nothing leaks to a stranger who
    signed up with it)."""
    if not user.is_authenticated or not has_verified_email(user):
        return None
    return Subscriber.objects.with_email(user.email).first()


def send_fresh_link(*, subscriber_id: int) -> None:
    """Email a newly signed preference link to the subscriber's own address."""
    if ratelimit.authorize_fresh_preference_link(subscriber_id=subscriber_id).allowed:
        tasks.send_preferences_link_email.enqueue(subscriber_id)


def _mark_unsubscribed_if_empty(subscriber: Subscriber, now: datetime) -> None:
    if not subscriber.is_unsubscribed and not subscriber.subscriptions.exists():
        change_status(subscriber=subscriber, to=Subscriber.Status.UNSUBSCRIBED, now=now)


def set_newsletters(
    *, subscriber: Subscriber, newsletters: Iterable[Newsletter], now: datetime | None = None
) -> Subscriber:
    """Make the subscriber's active newsletters exactly these. Choosing none unsubscribes.

    The link came from an email sent to the address, so choosing newsletters here needs
    no further confirmation.
    """
    now = now or timezone.now()
    chosen = {n.pk: n for n in newsletters}
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        current = set(
            subscriber.subscriptions.filter(newsletter__is_active=True).values_list(
                "newsletter_id", flat=True
            )
        )
        subscriber.subscriptions.filter(newsletter_id__in=current - set(chosen)).delete()
        Subscription.objects.bulk_create(
            [
                Subscription(subscriber=subscriber, newsletter=chosen[pk], created_at=now)
                for pk in set(chosen) - current
            ],
            ignore_conflicts=True,
        )
        if chosen and not subscriber.is_confirmed:
            change_status(
                subscriber=subscriber,
                to=Subscriber.Status.CONFIRMED,
                now=now,
                first_confirmation_stands=True,
            )
        _mark_unsubscribed_if_empty(subscriber, now)
    return subscriber


def unsubscribe(
    *, subscriber: Subscriber, newsletter: Newsletter | None = None, now: datetime | None = None
) -> Subscriber:
    """Stop one newsletter, or all of them when newsletter is None. Idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        subscriptions = subscriber.subscriptions.all()
        if newsletter is not None:
            subscriptions = subscriptions.filter(newsletter=newsletter)
        subscriptions.delete()
        _mark_unsubscribed_if_empty(subscriber, now)
    return subscriber
