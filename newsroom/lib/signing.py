"""Every signed token of the site: one make_*/read_* pair per purpose, one error pair.

A token is a value signed with SECRET_KEY under a salt of its own, so a token made for one
purpose never reads as another; nothing is stored, the signature is the proof, and
changing SECRET_KEY revokes every link. Each pair keeps its salt and lifetime beside it.
A reader raises only `InvalidToken` (altered, truncated, not ours, or not what it should
carry) or its subclass `ExpiredToken` (genuine but too old): callers catch those two.

Salts and formats are those of the links already sent: a token in an old email still
reads as it did (what it opens is for the caller to decide).

| Token               | Salt                      | Lifetime                             |
|---------------------|---------------------------|--------------------------------------|
| newsletter confirm  | newsletters.confirm       | NEWSLETTER_CONFIRMATION_MAX_AGE      |
| preference centre   | newsletters.preferences   | NEWSLETTER_PREFERENCE_LINK_MAX_AGE   |
| unsubscribe         | newsletters.unsubscribe   | none, on purpose (RFC 8058)          |
| account address     | paywall.verify-email      | ACCOUNT_VERIFICATION_MAX_AGE         |
| gift link           | paywall.gift              | its expiry, carried in the token     |
| article preview     | articles.preview          | ARTICLE_PREVIEW_HOURS                |

The meter cookie (paywall.services.meter) is a signed cookie value, not a link: it stays
with the meter.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac


class InvalidToken(Exception):
    """The link was altered, truncated, signed with another key, or carries nonsense."""


class ExpiredToken(InvalidToken):
    """The link is genuine but older than it may be. `value` is what it was signed for,
    enough to offer a fresh link to the address it was sent to, never to act on."""

    def __init__(self, value: str | None = None):
        super().__init__("This link has expired.")
        self.value = value


def _sign(value: str, *, salt: str) -> str:
    """A token that never expires."""
    return signing.Signer(salt=salt).sign(value)


def _unsign(token: str, *, salt: str) -> str:
    try:
        return signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature as exc:
        raise InvalidToken from exc


def _sign_dated(value: str, *, salt: str) -> str:
    """A token that carries the time it was made, read back with a lifetime."""
    return signing.TimestampSigner(salt=salt).sign(value)


def _unsign_dated(token: str, *, salt: str, max_age: int | timedelta) -> str:
    signer = signing.TimestampSigner(salt=salt)
    try:
        return signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ExpiredToken(signer.unsign(token)) from exc
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidToken from exc


# Newsletters: the double opt-in link.
CONFIRM_SALT = "newsletters.confirm"


def make_confirm_token(subscriber_id: int) -> str:
    return signing.dumps(subscriber_id, salt=CONFIRM_SALT, compress=False)


def read_confirm_token(token: str) -> int:
    """The subscriber a confirmation link is for."""
    max_age = settings.NEWSLETTER_CONFIRMATION_MAX_AGE
    try:
        return int(signing.loads(token, salt=CONFIRM_SALT, max_age=max_age))
    except signing.SignatureExpired as exc:
        raise ExpiredToken from exc
    except (signing.BadSignature, TypeError, ValueError) as exc:
        raise InvalidToken from exc


# Newsletters: the preference centre, linked from every email.
PREFERENCES_SALT = "newsletters.preferences"


def make_preferences_token(subscriber_id: int) -> str:
    """Valid NEWSLETTER_PREFERENCE_LINK_DAYS: every email carries a freshly signed one."""
    return _sign_dated(str(subscriber_id), salt=PREFERENCES_SALT)


def read_preferences_token(token: str) -> int:
    """The subscriber a preference link is for. ExpiredToken (its value is the subscriber's
    id) once the link is too old; InvalidToken when it is not one of ours."""
    max_age = settings.NEWSLETTER_PREFERENCE_LINK_MAX_AGE
    try:
        value = _unsign_dated(token, salt=PREFERENCES_SALT, max_age=max_age)
    except ExpiredToken:
        raise
    except InvalidToken:
        # Links sent before preference links expired carry no date: genuine, but too old.
        value = _unsign(token, salt=PREFERENCES_SALT)
        if not value.isdigit():
            raise
        raise ExpiredToken(value) from None
    try:
        return int(value)
    except ValueError as exc:
        raise InvalidToken from exc


# Newsletters: one newsletter's unsubscribe link (and List-Unsubscribe header).
UNSUBSCRIBE_SALT = "newsletters.unsubscribe"


def make_unsubscribe_token(subscriber_id: int, newsletter_id: int) -> str:
    """Never expires, on purpose: an unsubscribe link in an email of years ago (and the
    one-click List-Unsubscribe header, RFC 8058) must still stop the mail. It can only
    remove a newsletter, and its page hands out no preference link."""
    return _sign(f"{subscriber_id}-{newsletter_id}", salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, int]:
    """(subscriber id, newsletter id) of an unsubscribe link."""
    try:
        subscriber_id, newsletter_id = _unsign(token, salt=UNSUBSCRIBE_SALT).split("-")
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


# Paywall: the link that proves a reader account's email address.
ACCOUNT_VERIFICATION_SALT = "paywall.verify-email"


@dataclass(frozen=True)
class AccountVerification:
    """What a verification link claims: this account, at the address it was sent to."""

    user_id: int
    address_digest: str

    def is_for(self, address: str) -> bool:
        """True when `address` (normalised) is the one the link was sent to."""
        return bool(address) and constant_time_compare(
            self.address_digest, _address_digest(address)
        )


def _address_digest(address: str) -> str:
    # A keyed digest, not the address: links end up in logs, and must not spell it out.
    return salted_hmac(ACCOUNT_VERIFICATION_SALT, address).hexdigest()[:20]


def make_account_verification_token(*, user_id: int, address: str) -> str:
    # The address is in it too: a link sent to an earlier address proves nothing now.
    return _sign_dated(f"{user_id}:{_address_digest(address)}", salt=ACCOUNT_VERIFICATION_SALT)


def read_account_verification_token(token: str) -> AccountVerification:
    value = _unsign_dated(
        token, salt=ACCOUNT_VERIFICATION_SALT, max_age=settings.ACCOUNT_VERIFICATION_MAX_AGE
    )
    user_id, _, digest = value.partition(":")
    if not user_id.isdigit():
        raise InvalidToken
    return AccountVerification(user_id=int(user_id), address_digest=digest)


# Paywall: a gift link, which lets anyone read one article until the expiry it carries.
GIFT_SALT = "paywall.gift"


@dataclass(frozen=True)
class GiftClaim:
    gift_id: int
    article_id: int


def make_gift_token(*, gift_id: int, article_id: int, expires_at: datetime) -> str:
    payload = {"g": gift_id, "a": article_id, "x": int(expires_at.timestamp())}
    return signing.dumps(payload, salt=GIFT_SALT)


def read_gift_token(token: str, *, now: datetime) -> GiftClaim:
    """The gift and article a gift link names; ExpiredToken from its expiry on."""
    try:
        payload = signing.loads(token, salt=GIFT_SALT)
        claim = GiftClaim(gift_id=int(payload["g"]), article_id=int(payload["a"]))
        expires_at = datetime.fromtimestamp(int(payload["x"]), tz=UTC)
    # Whatever a well-signed payload of another shape raises (we never sign one, but an
    # old key might have): a token that reads as nothing is invalid, never an error page.
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError, OSError) as exc:
        raise InvalidToken from exc
    if expires_at <= now:
        raise ExpiredToken(str(claim.gift_id))
    return claim


# Articles: an editor's link to an unpublished article, shown as readers will see it.
PREVIEW_SALT = "articles.preview"


def preview_max_age() -> timedelta:
    return timedelta(hours=settings.ARTICLE_PREVIEW_HOURS)


@dataclass(frozen=True)
class PreviewClaim:
    article_id: int
    expires_at: datetime


def make_preview_token(*, article_id: int) -> str:
    return signing.TimestampSigner(salt=PREVIEW_SALT).sign_object({"article": article_id})


def read_preview_token(token: str) -> PreviewClaim:
    """The article a preview link shows, and when the link stops working."""
    signer = signing.TimestampSigner(salt=PREVIEW_SALT)
    try:
        payload = signer.unsign_object(token, max_age=preview_max_age())
        article_id = int(payload["article"])
    except signing.SignatureExpired as exc:
        raise ExpiredToken from exc
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise InvalidToken from exc
    signed_at = datetime.fromtimestamp(signing.b62_decode(token.rsplit(signer.sep, 2)[1]), UTC)
    return PreviewClaim(article_id=article_id, expires_at=signed_at + preview_max_age())
