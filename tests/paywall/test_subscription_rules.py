"""The subscription rules' two forms agree: each Q in paywall.models and its predicate."""

from datetime import timedelta

import pytest
from django.utils import timezone

from paywall.models import ACCESS_STATUSES, CANCELABLE_STATUSES, LIVE_STATUSES, Subscription
from paywall.readers import subscription_state
from paywall.services.subscriptions import ALLOWED
from tests.factories import PlanFactory, ReaderFactory

Status = Subscription.Status
NOW = timezone.now()
PERIOD_ENDS = {
    "no period": None,
    "ended a day ago": NOW - timedelta(days=1),
    "ends this instant": NOW,
    "ends tomorrow": NOW + timedelta(days=1),
}


@pytest.fixture
def every_case(db):
    """One subscription per status and period end (each with its own reader, as live ones
    are one per reader)."""
    plan = PlanFactory()
    return [
        Subscription.objects.create(
            user=ReaderFactory(), plan=plan, status=status, current_period_end=end
        )
        for status in Status
        for end in PERIOD_ENDS.values()
    ]


def ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def test_granting_access_matches_grants_access_for_every_status_and_period(every_case):
    expected = {s.pk for s in every_case if s.grants_access(NOW)}

    assert ids(Subscription.objects.granting_access(NOW)) == expected
    assert expected  # the grid holds both answers
    assert len(expected) < len(every_case)


def test_due_to_expire_matches_is_due_to_expire_for_every_status_and_period(every_case):
    expected = {s.pk for s in every_case if s.is_due_to_expire(NOW)}

    assert ids(Subscription.objects.due_to_expire(NOW)) == expected
    assert expected


def test_live_matches_is_live_and_the_constraint_for_every_status(every_case):
    expected = {s.pk for s in every_case if s.is_live}

    assert ids(Subscription.objects.live()) == expected
    assert {s.status for s in every_case if s.is_live} == {
        Status.PENDING,
        Status.TRIALING,
        Status.ACTIVE,
        Status.CANCELED,
        Status.PAST_DUE,
        Status.UNPAID,
    }


def test_the_paywall_state_answers_as_the_row_does(every_case):
    for subscription in every_case:
        if not subscription.is_live:
            continue
        state = subscription_state(user_id=subscription.user_id)
        assert state.grants_access(NOW) == subscription.grants_access(NOW)
        assert state.is_due_to_expire(NOW) == subscription.is_due_to_expire(NOW)
        assert state.is_trialing == subscription.is_trialing


def test_only_a_subscription_that_grants_access_or_awaits_payment_may_be_canceled(every_case):
    assert {s.status for s in every_case if s.is_cancelable} == {
        Status.PENDING,
        Status.TRIALING,
        Status.ACTIVE,
        Status.PAST_DUE,
        Status.UNPAID,
    }


def test_the_read_rules_fit_the_transition_table():
    for status in ACCESS_STATUSES:  # every subscription that opens articles can expire
        assert Status.EXPIRED in ALLOWED[status]
    for status in CANCELABLE_STATUSES:  # canceling is a move the table allows
        assert {Status.CANCELED, Status.EXPIRED} & ALLOWED[status]
    assert not ALLOWED[Status.EXPIRED]  # an expired subscription is never live again
    assert Status.EXPIRED not in LIVE_STATUSES
