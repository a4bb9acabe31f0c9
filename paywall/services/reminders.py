"""The reminders sent ahead of a date: a trial ending, a canceled subscription's access
ending. Run by `manage.py send_subscription_reminders` (hourly); each is sent once per date."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from paywall.models import Subscription

from .emails import send_subscription_email

# How far ahead each reminder goes out (Stripe sends trial_will_end 3 days ahead too).
DAYS_AHEAD = 3


@dataclass(frozen=True)
class Sent:
    trial_ending: int
    access_ending: int


def send_due_reminders(*, now: datetime) -> Sent:
    """Email each reader whose trial or access ends within DAYS_AHEAD days, once per date.

    Stripe announces a trial's end itself (customer.subscription.trial_will_end); the local
    providers' trials are reminded here. The marker is set by one UPDATE before sending, so
    two runs at once send one email.
    """
    horizon = now + timedelta(days=DAYS_AHEAD)
    trials = 0
    ending = Subscription.objects.trials_ending_between(now, horizon).exclude(provider="stripe")
    for subscription in ending.select_related("plan", "user", "started_from"):
        claimed = (
            Subscription.objects.filter(pk=subscription.pk)
            .exclude(trial_ending_sent_for=subscription.trial_ends_at)
            .update(trial_ending_sent_for=subscription.trial_ends_at)
        )
        if claimed:
            trials += send_subscription_email(subscription=subscription, kind="trial_ending")
    accesses = 0
    canceled = Subscription.objects.cancellations_ending_between(now, horizon)
    for subscription in canceled.select_related("plan", "user", "started_from"):
        claimed = (
            Subscription.objects.filter(pk=subscription.pk)
            .exclude(access_ending_sent_for=subscription.current_period_end)
            .update(access_ending_sent_for=subscription.current_period_end)
        )
        if claimed:
            accesses += send_subscription_email(subscription=subscription, kind="access_ending")
    return Sent(trial_ending=trials, access_ending=accesses)
