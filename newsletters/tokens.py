"""Signed links in newsletter emails. Nothing is stored: the signature is the proof."""

from django.conf import settings
from django.core import signing

from newsroom.lib.signing import (
    ExpiredToken,
    InvalidToken,
    sign,
    sign_dated,
    unsign,
    unsign_dated,
)

__all__ = [
    "ExpiredToken",
    "InvalidToken",
    "make_confirm_token",
    "make_preferences_token",
    "make_unsubscribe_token",
    "read_confirm_token",
    "read_preferences_token",
    "read_unsubscribe_token",
    "subscriber_in_link",
]

CONFIRM_SALT = "newsletters.confirm"
PREFERENCES_SALT = "newsletters.preferences"
UNSUBSCRIBE_SALT = "newsletters.unsubscribe"


def make_confirm_token(subscriber_id: int) -> str:
    return signing.dumps(subscriber_id, salt=CONFIRM_SALT, compress=False)


def read_confirm_token(token: str) -> int:
    max_age = settings.NEWSLETTER_CONFIRMATION_MAX_AGE
    try:
        return int(signing.loads(token, salt=CONFIRM_SALT, max_age=max_age))
    except signing.SignatureExpired as exc:
        raise ExpiredToken from exc
    except (signing.BadSignature, TypeError, ValueError) as exc:
        raise InvalidToken from exc


def make_preferences_token(subscriber_id: int) -> str:
    """Valid NEWSLETTER_PREFERENCE_LINK_DAYS: every email carries a freshly signed one."""
    return sign_dated(str(subscriber_id), salt=PREFERENCES_SALT)


def read_preferences_token(token: str) -> int:
    """The subscriber a preference link is for. ExpiredToken (its value is the subscriber's
    id) once the link is too old; InvalidToken when it is not one of ours."""
    max_age = settings.NEWSLETTER_PREFERENCE_LINK_MAX_AGE
    try:
        value = unsign_dated(token, salt=PREFERENCES_SALT, max_age=max_age)
    except ExpiredToken:
        raise
    except InvalidToken:
        # Links sent before preference links expired carry no date: genuine, but too old.
        value = unsign(token, salt=PREFERENCES_SALT)
        if not value.isdigit():
            raise
        raise ExpiredToken(value) from None
    try:
        return int(value)
    except ValueError as exc:
        raise InvalidToken from exc


def make_unsubscribe_token(subscriber_id: int, newsletter_id: int) -> str:
    """Never expires, on purpose: an unsubscribe link in an email of years ago (and the
    one-click List-Unsubscribe header, RFC 8058) must still stop the mail. It can only
    remove a newsletter, and its page hands out no preference link."""
    return sign(f"{subscriber_id}-{newsletter_id}", salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, int]:
    try:
        subscriber_id, newsletter_id = unsign(token, salt=UNSUBSCRIBE_SALT).split("-")
        return int(subscriber_id), int(newsletter_id)
    except ValueError as exc:
        raise InvalidToken from exc


def subscriber_in_link(token: str) -> int:
    """The subscriber a preference link (however old) or an unsubscribe link was sent to:
    enough to email them a fresh preference link, never to show or change anything."""
    try:
        return read_preferences_token(token)
    except ExpiredToken as expired:
        return int(expired.value or 0)
    except InvalidToken:
        return read_unsubscribe_token(token)[0]
