"""Signing up with double opt-in.

The reader-facing answer never depends on whether the address was new, pending or
confirmed: only the email that follows differs, and only its owner reads it.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from ..models import BlockedDomain, Newsletter, Subscriber, Subscription, normalise_email
from ..tokens import read_confirm_token

CONSENT_TEXT = (
    "We will email you to confirm. Every newsletter has a one-click unsubscribe link, "
    "and we never share your address."
)


@dataclass(frozen=True)
class SignupResult:
    subscriber: Subscriber
    needs_confirmation: bool  # False when a confirmed reader simply gained newsletters
    added: tuple[str, ...]  # names of newsletters newly added


class SignupRateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"Too many signups; retry in {retry_after} s.")
        self.retry_after = retry_after


def hash_ip(ip_address: str | None) -> str:
    """A keyed hash of the IP: lets us spot abuse from one source without storing the IP."""
    if not ip_address:
        return ""
    return salted_hmac("newsletters.consent-ip", ip_address).hexdigest()


def is_blocked_domain(email: str) -> bool:
    """True when the address's domain, or a parent of it, is on the blocked list."""
    domain = normalise_email(email).rpartition("@")[2]
    if not domain:
        return False
    parts = domain.split(".")
    candidates = [".".join(parts[i:]) for i in range(len(parts) - 1)]
    return BlockedDomain.objects.filter(domain__in=candidates).exists()


def _hit(key: str, limit: int, window: int) -> int | None:
    """Count one hit in a fixed window; return seconds to wait when over the limit."""
    window_start = int(time.time()) // window * window
    cache_key = f"newsletters:rate:{key}:{window_start}"
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window)
        count = 1
    if count > limit:
        return max(1, window_start + window - int(time.time()))
    return None


def check_ip_rate(*, ip_address: str | None) -> None:
    """Raise SignupRateLimited when this IP has posted too many signups this hour."""
    retry = _hit(
        f"ip:{hash_ip(ip_address or 'unknown')}",
        settings.NEWSLETTER_SIGNUP_LIMIT_PER_IP,
        settings.NEWSLETTER_SIGNUP_RATE_WINDOW,
    )
    if retry:
        raise SignupRateLimited(retry)


def check_address_rate(*, email: str) -> None:
    """Raise SignupRateLimited when one address is signed up too often (mail bombing)."""
    key = salted_hmac("newsletters.address", normalise_email(email)).hexdigest()
    retry = _hit(
        f"address:{key}",
        settings.NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS,
        settings.NEWSLETTER_SIGNUP_RATE_WINDOW,
    )
    if retry:
        raise SignupRateLimited(retry)


def sign_up(
    *,
    email: str,
    newsletters: Iterable[Newsletter],
    consent_text: str,
    source: str,
    ip_address: str | None,
    now: datetime | None = None,
) -> SignupResult:
    """Subscribe an address to newsletters: confirmed readers gain them at once, anyone
    else becomes (or stays) pending and is sent a confirmation link."""
    from ..tasks import send_added_email, send_confirmation_email

    now = now or timezone.now()
    email = normalise_email(email)
    newsletters = list(newsletters)
    with transaction.atomic():  # one commit per signup
        # get_or_create retries the read after an IntegrityError, so two simultaneous
        # signups of one address end with one row (the unique constraint decides).
        subscriber, _ = Subscriber.objects.get_or_create(email=email, defaults={"created_at": now})
        existing = set(subscriber.subscriptions.values_list("newsletter_id", flat=True))
        new = [n for n in newsletters if n.pk not in existing]
        Subscription.objects.bulk_create(
            [Subscription(subscriber=subscriber, newsletter=n, created_at=now) for n in new],
            ignore_conflicts=True,
        )
        needs_confirmation = not subscriber.is_confirmed
        if needs_confirmation:
            subscriber.status = Subscriber.Status.PENDING
            subscriber.consent_at = now
            subscriber.consent_text = consent_text
            subscriber.consent_source = source[:500]
            subscriber.consent_ip_hash = hash_ip(ip_address)
            subscriber.save(
                update_fields=[
                    "status",
                    "consent_at",
                    "consent_text",
                    "consent_source",
                    "consent_ip_hash",
                ]
            )
    # Emails are queued once the rows are committed, so the worker can read them.
    if needs_confirmation:
        send_confirmation_email.enqueue(subscriber.pk)
    elif new:
        send_added_email.enqueue(subscriber.pk, [n.pk for n in new])
    return SignupResult(
        subscriber=subscriber,
        needs_confirmation=needs_confirmation,
        added=tuple(n.name for n in new),
    )


def subscriber_for_confirmation(*, token: str) -> Subscriber:
    """The subscriber a confirmation link is for; raises InvalidToken / ExpiredToken, or
    Subscriber.DoesNotExist when the row has gone."""
    return Subscriber.objects.get(pk=read_confirm_token(token))


def confirm(*, subscriber: Subscriber, now: datetime | None = None) -> Subscriber:
    """Confirm the address (idempotent): from now on its newsletters are sent to it."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status != Subscriber.Status.CONFIRMED:
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.confirmed_at = now
            subscriber.unsubscribed_at = None
            subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber
