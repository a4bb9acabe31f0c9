"""Signing up with double opt-in.

The reader-facing answer never depends on whether the address was new, pending or
confirmed, neither in what it says nor in how long it takes: the public form checks its
limits and queues sign_up_task, and only the email that follows differs, which only the
address's owner reads.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from newsroom.lib import ratelimit
from newsroom.lib.email_addresses import normalise_email
from newsroom.lib.signing import read_confirm_token

from .. import tasks
from ..models import Newsletter, Subscriber, Subscription
from .subscribers import change_status

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


def check_client_rate(*, ip_address: str) -> None:
    """Raise SignupRateLimited when this client address has posted too many signups."""
    verdict = ratelimit.authorize_newsletter_signup(client=ip_address)
    if not verdict.allowed:
        raise SignupRateLimited(verdict.retry_after)


def check_address_rate(*, email: str, ip_address: str) -> None:
    """Raise SignupRateLimited when this client has signed one address up too often."""
    verdict = ratelimit.authorize_newsletter_signup_of(
        email=normalise_email(email), client=ip_address
    )
    if not verdict.allowed:
        raise SignupRateLimited(verdict.retry_after)


def request_signup(
    *,
    email: str,
    newsletters: Iterable[Newsletter],
    consent_text: str,
    source: str,
    ip_address: str,
    now: datetime | None = None,
) -> None:
    """The public signup form: check its limits, then leave everything that depends on
    the address's state (rows, which email) to a background task, so the answer takes
    the same time for a new, pending or confirmed address."""
    check_address_rate(email=email, ip_address=ip_address)
    tasks.sign_up_task.enqueue(
        email=normalise_email(email),
        newsletter_ids=[n.pk for n in newsletters],
        consent_text=consent_text,
        source=source,
        consent_ip_hash=hash_ip(ip_address),
        requested_at=(now or timezone.now()).isoformat(),
    )


def sign_up(
    *,
    email: str,
    newsletters: Iterable[Newsletter],
    consent_text: str,
    source: str,
    consent_ip_hash: str,
    now: datetime | None = None,
) -> SignupResult:
    """Subscribe an address to newsletters: confirmed readers gain them at once, anyone
    else becomes (or stays) pending and is sent a confirmation link (at most
    NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS such emails an hour, whoever asks)."""
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
            subscriber.consent_at = now
            subscriber.consent_text = consent_text
            subscriber.consent_source = source[:500]
            subscriber.consent_ip_hash = consent_ip_hash
            change_status(
                subscriber=subscriber,
                to=Subscriber.Status.PENDING,
                now=now,
                update_fields=["consent_at", "consent_text", "consent_source", "consent_ip_hash"],
            )
    # Emails are queued once the rows are committed, so the worker can read them.
    if needs_confirmation or new:
        if ratelimit.authorize_newsletter_email(email=email).allowed:
            if needs_confirmation:
                tasks.send_confirmation_email.enqueue(subscriber.pk)
            else:
                tasks.send_added_email.enqueue(subscriber.pk, [n.pk for n in new])
    return SignupResult(
        subscriber=subscriber,
        needs_confirmation=needs_confirmation,
        added=tuple(n.name for n in new),
    )


def sign_up_requested(
    *,
    email: str,
    newsletter_ids: list[int],
    consent_text: str,
    source: str,
    consent_ip_hash: str,
    requested_at: datetime,
) -> SignupResult:
    """sign_up for a request the public form queued: to the newsletters it named that are
    still active when the worker runs it."""
    return sign_up(
        email=email,
        newsletters=Newsletter.objects.active().filter(pk__in=newsletter_ids),
        consent_text=consent_text,
        source=source,
        consent_ip_hash=consent_ip_hash,
        now=requested_at,
    )


def subscriber_for_confirmation(*, token: str) -> Subscriber:
    """The subscriber a confirmation link is for; raises InvalidToken / ExpiredToken, or
    Subscriber.DoesNotExist when the row has gone."""
    return Subscriber.objects.get(pk=read_confirm_token(token))


def confirm(*, subscriber: Subscriber, now: datetime | None = None) -> Subscriber:
    """Confirm the address (idempotent): from now on its newsletters are sent to it. The
    first confirmation of a pending address is welcomed by email (once: confirming again
    sends nothing)."""
    now = now or timezone.now()
    newly_confirmed = False
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if not subscriber.is_confirmed:
            change_status(subscriber=subscriber, to=Subscriber.Status.CONFIRMED, now=now)
            newly_confirmed = True
    if newly_confirmed:
        tasks.send_welcome_email.enqueue(subscriber.pk)
    return subscriber
