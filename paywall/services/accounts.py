"""Reader accounts: creating one, proving its email address, asking for a password reset.

An account made with an address proves nothing about who reads that mailbox: only the
link emailed to it does. Until the reader has used it, nothing that belongs to the address
(its newsletters, their preference link) is shown to the account.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, AnonymousUser, User
from django.db import transaction
from django.urls import reverse

from newsroom.lib import emails, ratelimit
from newsroom.lib.email_addresses import normalise_email
from newsroom.lib.signing import (
    InvalidToken,
    make_account_verification_token,
    read_account_verification_token,
)
from newsroom.lib.urls import absolute_url
from paywall import tasks
from paywall.models import ReaderProfile


def _address(user: AbstractUser) -> str:
    return normalise_email(user.email)


def register(*, email: str, password: str) -> User:
    """A new reader account (its lowercased email is the username), and the email with
    the link that proves the address."""
    with transaction.atomic():
        user = get_user_model().objects.create_user(username=email, email=email, password=password)
        ReaderProfile.objects.create(user=user)
    send_verification_email(user=user)
    return user


def has_verified_email(user: AbstractUser | AnonymousUser) -> bool:
    """True once the account's current address was confirmed from the link sent to it."""
    if not user.is_authenticated or not _address(user):
        return False
    profile = ReaderProfile.objects.filter(user_id=user.pk).first()
    return profile is not None and profile.has_verified(_address(user))


def mark_verified(*, user: AbstractUser, now: datetime) -> ReaderProfile:
    """Record that the account's address is proved (idempotent: the first time is kept)."""
    address = _address(user)
    with transaction.atomic():
        profile, _ = ReaderProfile.objects.select_for_update().get_or_create(user=user)
        if not profile.has_verified(address):
            profile.email_verified_at = now
            profile.verified_email = address
            profile.save(update_fields=["email_verified_at", "verified_email"])
    return profile


def make_verification_token(user: AbstractUser) -> str:
    return make_account_verification_token(user_id=user.pk, address=_address(user))


def user_for_verification(*, token: str) -> AbstractUser:
    """The account a verification link was sent for. Raises ExpiredToken when it is too
    old, InvalidToken when it is not ours or the account's address has changed since."""
    claim = read_account_verification_token(token)
    user = get_user_model().objects.filter(pk=claim.user_id).first()
    if user is None or not claim.is_for(_address(user)):
        raise InvalidToken
    return user


def send_verification_email(*, user: AbstractUser) -> None:
    """The link that proves the address, sent by the worker."""
    path = reverse("paywall:verify_email", args=[make_verification_token(user)])
    emails.send_in_background(
        template="paywall/email/verify_email",
        subject=f"Confirm your email address for {settings.SITE_NAME}",
        to=user.email,
        context={
            "email": user.email,
            "verify_url": absolute_url(path),
            "max_age_days": settings.ACCOUNT_VERIFICATION_MAX_AGE // 86400,
        },
    )


def resend_verification_email(*, user: AbstractUser) -> str:
    """A fresh link for an account whose address is not confirmed yet. Returns what
    happened: "sent", "already-verified", "no-address" or "too-often"."""
    if has_verified_email(user):
        return "already-verified"
    if not _address(user):
        return "no-address"
    if not ratelimit.authorize_verification_resend_for(user_id=user.pk).allowed:
        return "too-often"
    send_verification_email(user=user)
    return "sent"


def request_email_change(*, user: AbstractUser, new_email: str) -> None:
    """Remember the new address and mail it the link that proves it. Nothing changes until
    that link is confirmed (confirm_email_change); asking again replaces the request."""
    address = normalise_email(new_email)
    ReaderProfile.objects.update_or_create(user_id=user.pk, defaults={"pending_email": address})
    token = make_account_verification_token(user_id=user.pk, address=address)
    emails.send_in_background(
        template="paywall/email/email_change",
        subject=f"Confirm your new email address for {settings.SITE_NAME}",
        to=address,
        context={
            "email": address,
            "old_email": user.email,
            "confirm_url": absolute_url(reverse("paywall:email_change_confirm", args=[token])),
            "max_age_days": settings.ACCOUNT_VERIFICATION_MAX_AGE // 86400,
        },
    )


def user_for_email_change(*, token: str) -> tuple[AbstractUser, str]:
    """The account and the new address an email-change link was sent for. The same
    signed pair as verification, for the pending address: a link for an address the
    reader has since replaced, or already applied, is InvalidToken."""
    claim = read_account_verification_token(token)
    profile = ReaderProfile.objects.select_related("user").filter(user_id=claim.user_id).first()
    if profile is None or not claim.is_for(profile.pending_email):
        raise InvalidToken
    return profile.user, profile.pending_email


class EmailTaken(Exception):
    """Another account took the address between the request and its confirmation."""


def confirm_email_change(*, user: AbstractUser, new_email: str, now: datetime) -> None:
    """Make the proved address the account's (and its sign-in name), and tell the old one."""
    User = get_user_model()
    taken = User.objects.exclude(pk=user.pk).filter(username__iexact=new_email).exists()
    if taken or User.objects.exclude(pk=user.pk).filter(email__iexact=new_email).exists():
        raise EmailTaken
    old_email = user.email
    with transaction.atomic():
        user.email = new_email
        if normalise_email(user.get_username()) == normalise_email(old_email):
            user.username = new_email  # readers sign in with their address
        user.save(update_fields=["email", "username"])
        ReaderProfile.objects.filter(user_id=user.pk).update(
            pending_email="", verified_email=new_email, email_verified_at=now
        )
    if old_email:
        emails.send_in_background(
            template="paywall/email/email_changed",
            subject=f"Your {settings.SITE_NAME} email address was changed",
            to=old_email,
            context={
                "old_email": old_email,
                "email": new_email,
                "reset_url": absolute_url(reverse("paywall:password_reset")),
            },
        )


def request_password_reset(*, email: str) -> None:
    """Queue the reset for whoever has this address. The request does the same work
    whether or not an account has it (one task, no lookup), so its timing tells nobody."""
    tasks.send_password_reset_email.enqueue(email)
