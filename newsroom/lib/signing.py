"""Signed tokens for links in emails: how they are signed, and the two ways one fails.

Nothing is stored: the signature is the proof. Each app keeps a make_*/read_* pair per
token (its salt and lifetime) on top of these.
"""

from django.core import signing


class InvalidToken(Exception):
    """The link was altered, truncated, or signed with another key."""


class ExpiredToken(InvalidToken):
    """The link is genuine but older than it may be. `value` is what it was signed for,
    enough to offer a fresh link to the address it was sent to, never to act on."""

    def __init__(self, value: str | None = None):
        super().__init__("This link has expired.")
        self.value = value


def sign(value: str, *, salt: str) -> str:
    """A token that never expires."""
    return signing.Signer(salt=salt).sign(value)


def unsign(token: str, *, salt: str) -> str:
    try:
        return signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature as exc:
        raise InvalidToken from exc


def sign_dated(value: str, *, salt: str) -> str:
    """A token that carries the time it was made, read back with a lifetime."""
    return signing.TimestampSigner(salt=salt).sign(value)


def unsign_dated(token: str, *, salt: str, max_age: int) -> str:
    signer = signing.TimestampSigner(salt=salt)
    try:
        return signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ExpiredToken(signer.unsign(token)) from exc
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidToken from exc
