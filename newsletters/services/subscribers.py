"""A subscriber's status: the transition table and the one function that changes it.

    (new row) ── pending ─── confirms the emailed link ───▶ confirmed
                   │ ▲                                       │
                   │ └── signs up again (new consent) ──┐    │ drops the last newsletter
                   │                                    │    ▼
                   └── drops the last newsletter ──▶ unsubscribed
                                                        │
                      confirms a link, or chooses ──────┘──▶ confirmed
                      newsletters in the preference centre

Sign-up (`signup`), the preference centre (`preferences`), the CSV import
(`subscribers_csv`) and the admin's actions all change a status here, so the dates that go
with each status (`confirmed_at`, `unsubscribed_at`) are set in one place.
"""

from collections.abc import Iterable
from datetime import datetime

from ..models import Subscriber

Status = Subscriber.Status

# A new row starts as pending (the model's default); an imported one is confirmed at once.
ALLOWED: dict[str, frozenset[str]] = {
    # Signing up again while pending renews the consent record and sends a new link.
    Status.PENDING: frozenset({Status.PENDING, Status.CONFIRMED, Status.UNSUBSCRIBED}),
    Status.CONFIRMED: frozenset({Status.UNSUBSCRIBED}),
    Status.UNSUBSCRIBED: frozenset({Status.PENDING, Status.CONFIRMED}),
}


class SubscriberStatusError(Exception):
    """A status change the table does not allow (a bug in the caller, not a reader error)."""


def change_status(
    *,
    subscriber: Subscriber,
    to: str,
    now: datetime,
    first_confirmation_stands: bool = False,
    update_fields: Iterable[str] = (),
    save: bool = True,
) -> Subscriber:
    """The one place a subscriber's status changes, with the dates that go with it.

    first_confirmation_stands keeps an earlier `confirmed_at` (the preference centre
    re-subscribes without a new opt-in); update_fields are other fields the caller changed,
    saved in the same UPDATE; save=False leaves saving to a caller that bulk-creates rows.
    """
    if to not in ALLOWED[subscriber.status]:
        raise SubscriberStatusError(
            f"A subscriber cannot go from {subscriber.status} to {to}.", subscriber.pk
        )
    changed = ["status"]
    if to == Status.CONFIRMED:
        if not (first_confirmation_stands and subscriber.confirmed_at):
            subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        changed += ["confirmed_at", "unsubscribed_at"]
    elif to == Status.UNSUBSCRIBED:
        subscriber.unsubscribed_at = now
        changed.append("unsubscribed_at")
    subscriber.status = to
    if save:
        subscriber.save(update_fields=[*changed, *update_fields])
    return subscriber
