from datetime import UTC, datetime, timedelta

import pytest
from django.core import signing
from django.utils.crypto import salted_hmac

from newsroom.lib import signing as tokens
from newsroom.lib.signing import ExpiredToken, InvalidToken

NOW = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


def _readers():
    """Every reader, called with a token alone."""
    return {
        "confirm": tokens.read_confirm_token,
        "preferences": tokens.read_preferences_token,
        "unsubscribe": tokens.read_unsubscribe_token,
        "subscriber_in_link": tokens.subscriber_in_link,
        "account_verification": tokens.read_account_verification_token,
        "gift": lambda token: tokens.read_gift_token(token, now=NOW),
        "preview": tokens.read_preview_token,
    }


def _tokens():
    """One genuine token per purpose."""
    return {
        "confirm": tokens.make_confirm_token(7),
        "preferences": tokens.make_preferences_token(7),
        "unsubscribe": tokens.make_unsubscribe_token(7, 3),
        "account_verification": tokens.make_account_verification_token(
            user_id=7, address="ann@example.com"
        ),
        "gift": tokens.make_gift_token(
            gift_id=7, article_id=3, expires_at=NOW + timedelta(days=14)
        ),
        "preview": tokens.make_preview_token(article_id=7),
    }


@pytest.mark.parametrize("reader", list(_readers()))
@pytest.mark.parametrize(
    "garbage", ["", "x", "a:b", "a:b:c", "\x00\xff", "7", "7:", ":", "e30:1:2", "7-3"]
)
def test_every_reader_refuses_garbage_with_the_one_error(reader, garbage):
    with pytest.raises(InvalidToken):
        _readers()[reader](garbage)


def test_a_token_made_for_one_purpose_never_reads_as_another(frozen):
    readers = {**_readers()}
    del readers["subscriber_in_link"]  # reads both newsletter links on purpose
    for made_for, token in _tokens().items():
        for purpose, read in readers.items():
            if purpose == made_for:
                read(token)
            else:
                with pytest.raises(InvalidToken):
                    read(token)


@pytest.mark.parametrize("purpose", list(_tokens()))
def test_a_tampered_token_is_invalid(frozen, purpose):
    token = _tokens()[purpose]
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    with pytest.raises(InvalidToken) as raised:
        _readers()[purpose](tampered)
    assert not isinstance(raised.value, ExpiredToken)


@pytest.mark.parametrize("purpose", list(_tokens()))
def test_a_token_signed_with_another_secret_is_invalid(frozen, settings, purpose):
    token = _tokens()[purpose]
    settings.SECRET_KEY = "a-different-secret-key-for-this-test"
    with pytest.raises(InvalidToken):
        _readers()[purpose](token)


def test_confirm_token_reads_until_its_setting_says_then_expires(frozen, settings):
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = 3 * 86400
    token = tokens.make_confirm_token(42)
    frozen.shift(3 * 86400 - 1)
    assert tokens.read_confirm_token(token) == 42
    frozen.shift(2)
    with pytest.raises(ExpiredToken):
        tokens.read_confirm_token(token)


def test_preferences_token_expires_with_the_subscriber_in_its_value(frozen, settings):
    settings.NEWSLETTER_PREFERENCE_LINK_MAX_AGE = 60 * 86400
    token = tokens.make_preferences_token(42)
    frozen.shift(60 * 86400 - 1)
    assert tokens.read_preferences_token(token) == 42
    frozen.shift(2)
    with pytest.raises(ExpiredToken) as expired:
        tokens.read_preferences_token(token)
    assert expired.value.value == "42"
    assert tokens.subscriber_in_link(token) == 42


def test_undated_preference_link_of_old_emails_reads_as_expired():
    old = signing.Signer(salt="newsletters.preferences").sign("42")
    with pytest.raises(ExpiredToken) as expired:
        tokens.read_preferences_token(old)
    assert expired.value.value == "42"
    assert tokens.subscriber_in_link(old) == 42


def test_unsubscribe_token_never_expires_and_names_its_newsletter(frozen):
    token = tokens.make_unsubscribe_token(42, 5)
    frozen.shift(timedelta(days=3650))
    assert tokens.read_unsubscribe_token(token) == (42, 5)
    assert tokens.subscriber_in_link(token) == 42


def test_tokens_in_emails_already_sent_still_read(frozen):
    """The salts and formats of links made before the tokens had one home."""
    confirm = signing.dumps(42, salt="newsletters.confirm", compress=False)
    preferences = signing.TimestampSigner(salt="newsletters.preferences").sign("42")
    unsubscribe = signing.Signer(salt="newsletters.unsubscribe").sign("42-5")
    digest = salted_hmac("paywall.verify-email", "ann@example.com").hexdigest()[:20]
    verification = signing.TimestampSigner(salt="paywall.verify-email").sign(f"42:{digest}")
    expiry = int((NOW + timedelta(days=1)).timestamp())
    gift = signing.dumps({"g": 42, "a": 5, "x": expiry}, salt="paywall.gift")
    preview = signing.TimestampSigner(salt="articles.preview").sign_object({"article": 42})

    assert tokens.read_confirm_token(confirm) == 42
    assert tokens.read_preferences_token(preferences) == 42
    assert tokens.read_unsubscribe_token(unsubscribe) == (42, 5)
    claim = tokens.read_account_verification_token(verification)
    assert claim.user_id == 42 and claim.is_for("ann@example.com")
    assert tokens.read_gift_token(gift, now=NOW) == tokens.GiftClaim(gift_id=42, article_id=5)
    assert tokens.read_preview_token(preview).article_id == 42


def test_account_verification_is_for_the_address_it_was_sent_to_only(frozen, settings):
    settings.ACCOUNT_VERIFICATION_MAX_AGE = 3 * 86400
    token = tokens.make_account_verification_token(user_id=7, address="ann@example.com")
    assert "ann" not in token  # links end up in logs
    claim = tokens.read_account_verification_token(token)
    assert claim.user_id == 7
    assert claim.is_for("ann@example.com")
    assert not claim.is_for("bob@example.com")
    assert not claim.is_for("")
    frozen.shift(3 * 86400 + 1)
    with pytest.raises(ExpiredToken):
        tokens.read_account_verification_token(token)


def test_gift_token_expires_at_the_expiry_it_carries():
    token = tokens.make_gift_token(gift_id=1, article_id=2, expires_at=NOW)
    later = NOW - timedelta(seconds=1)
    assert tokens.read_gift_token(token, now=later) == tokens.GiftClaim(gift_id=1, article_id=2)
    with pytest.raises(ExpiredToken):
        tokens.read_gift_token(token, now=NOW)


def test_gift_token_signed_with_an_odd_payload_is_invalid_not_an_error():
    for payload in [[1, 2], {"g": "x", "a": 1, "x": 1}, {"g": 1, "a": 2, "x": 10**20}, "text"]:
        with pytest.raises(InvalidToken):
            tokens.read_gift_token(signing.dumps(payload, salt="paywall.gift"), now=NOW)


def test_preview_token_says_when_it_stops_working(frozen, settings):
    settings.ARTICLE_PREVIEW_HOURS = 2
    claim = tokens.read_preview_token(tokens.make_preview_token(article_id=9))
    assert claim == tokens.PreviewClaim(article_id=9, expires_at=NOW + timedelta(hours=2))


def test_preview_token_signed_with_an_odd_payload_is_invalid_not_an_error():
    signer = signing.TimestampSigner(salt="articles.preview")
    for payload in [[9], {"other": 9}, {"article": "nine"}, "text"]:
        with pytest.raises(InvalidToken):
            tokens.read_preview_token(signer.sign_object(payload))
