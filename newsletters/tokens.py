"""Signed links in newsletter emails. Nothing is stored: the signature is the proof."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletters.confirm"
PREFERENCES_SALT = "newsletters.preferences"
UNSUBSCRIBE_SALT = "newsletters.unsubscribe"


class InvalidToken(Exception):
    """The link was altered, truncated, or signed with another key."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is older than it may be."""


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


def _signer(salt: str) -> signing.Signer:
    return signing.Signer(salt=salt)


def make_preferences_token(subscriber_id: int) -> str:
    """Never expires: every email ever sent keeps a working link to the preference centre."""
    return _signer(PREFERENCES_SALT).sign(str(subscriber_id))


def read_preferences_token(token: str) -> int:
    try:
        return int(_signer(PREFERENCES_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidToken from exc


def make_unsubscribe_token(subscriber_id: int, newsletter_id: int) -> str:
    return _signer(UNSUBSCRIBE_SALT).sign(f"{subscriber_id}-{newsletter_id}")


def read_unsubscribe_token(token: str) -> tuple[int, int]:
    try:
        subscriber_id, newsletter_id = _signer(UNSUBSCRIBE_SALT).unsign(token).split("-")
        return int(subscriber_id), int(newsletter_id)
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidToken from exc
