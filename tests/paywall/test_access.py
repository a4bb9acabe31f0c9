"""decide_access: the one rule, tested without HTTP."""

from datetime import UTC, datetime, timedelta

import pytest

from paywall.services.access import GiftGrant, Reader, SubscriptionState, decide_access
from paywall.services.meter import Meter
from paywall.services.policy import Policy
from tests.factories import ArticleFactory, SectionFactory

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
POLICY = Policy(free_articles=3, window_days=30, registered_bonus=2)

pytestmark = pytest.mark.django_db


def meter_of(*article_ids, at=NOW - timedelta(days=1)) -> Meter:
    return Meter(reads=dict.fromkeys(article_ids, at))


def decide(reader, article, *, now=NOW, policy=POLICY):
    return decide_access(reader=reader, article=article, now=now, policy=policy)


def test_first_articles_up_to_the_limit_are_free_and_count():
    article = ArticleFactory()
    access = decide(Reader(meter=meter_of(101, 102)), article)
    assert access.full and access.reason == "metered" and access.remaining == 0
    assert access.counts_read


def test_article_past_the_limit_is_gated():
    article = ArticleFactory()
    access = decide(Reader(meter=meter_of(101, 102, 103)), article)
    assert not access.full
    assert access.reason == "over-limit"
    assert access.remaining == 0


def test_rereading_an_article_already_counted_is_free_even_over_the_limit():
    article = ArticleFactory()
    access = decide(Reader(meter=meter_of(101, 102, article.pk)), article)
    assert access.full and access.reason == "already-read"
    assert not access.counts_read


def test_reads_older_than_the_window_no_longer_count():
    article = ArticleFactory()
    old = meter_of(101, 102, 103, at=NOW - timedelta(days=30, seconds=1))
    assert decide(Reader(meter=old), article).reason == "metered"
    recent = meter_of(101, 102, 103, at=NOW - timedelta(days=29, hours=23))
    assert decide(Reader(meter=recent), article).reason == "over-limit"


def test_signed_in_readers_get_the_registration_bonus():
    article = ArticleFactory()
    three = meter_of(101, 102, 103)
    access = decide(Reader(user_id=1, meter=three), article)
    assert access.full and access.remaining == 1
    assert not decide(Reader(user_id=1, meter=meter_of(101, 102, 103, 104, 105)), article).full


def test_free_article_is_full_for_everyone_and_never_counts():
    article = ArticleFactory(is_free=True)
    access = decide(Reader(meter=meter_of(101, 102, 103)), article)
    assert access.full and access.reason == "free-article" and not access.counts_read
    assert decide(Reader.nobody(), article).full


def test_free_section_is_full_for_everyone():
    section = SectionFactory()
    article = ArticleFactory(section=section)
    policy = Policy(free_section_ids=frozenset({section.pk}))
    access = decide(Reader(meter=meter_of(101, 102, 103)), article, policy=policy)
    assert access.full and access.reason == "free-section"
    assert decide(Reader.nobody(), article, policy=policy).full


def test_paywall_switched_off_gives_everything_to_everyone():
    article = ArticleFactory()
    access = decide(Reader.nobody(), article, policy=Policy(enabled=False))
    assert access.full and access.reason == "paywall-off"


def test_nobody_has_no_free_reads_for_a_paid_article():
    access = decide(Reader.nobody(), ArticleFactory())
    assert not access.full and access.reason == "no-free-reads"


def test_staff_read_everything():
    access = decide(Reader(user_id=1, is_staff=True), ArticleFactory())
    assert access.full and access.reason == "staff"


@pytest.mark.parametrize(
    ("status", "ends_in", "full", "reason"),
    [
        ("trialing", timedelta(days=3), True, "trial"),
        ("active", timedelta(days=3), True, "subscriber"),
        ("canceled", timedelta(days=3), True, "subscriber"),
        ("canceled", -timedelta(seconds=1), False, "over-limit"),
        ("active", -timedelta(seconds=1), False, "over-limit"),
        ("trialing", timedelta(0), False, "over-limit"),
        ("pending", timedelta(days=30), False, "over-limit"),
        ("expired", timedelta(days=30), False, "over-limit"),
    ],
)
def test_each_subscription_status(status, ends_in, full, reason):
    state = SubscriptionState(subscription_id=1, status=status, current_period_end=NOW + ends_in)
    reader = Reader(user_id=1, subscription=state, meter=meter_of(901, 902, 903, 904, 905))
    access = decide(reader, ArticleFactory())
    assert (access.full, access.reason) == (full, reason)


def test_gift_grant_opens_only_its_own_article():
    article, other = ArticleFactory(), ArticleFactory()
    reader = Reader(meter=meter_of(101, 102, 103), gift=GiftGrant(gift_id=1, article_id=article.pk))
    assert decide(reader, article).reason == "gift"
    assert not decide(reader, article).counts_read
    assert not decide(reader, other).full
