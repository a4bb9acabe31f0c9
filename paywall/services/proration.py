"""The proration rule for switching plans, as Stripe applies it and as the page states it.

Switching between monthly and annual changes the billing interval, so (as on Stripe) the new
plan's period starts at the switch and is charged at once, less a credit for the unused
part of the current period. A credit larger than the new price is kept as account credit
and pays the next invoices. During a free trial nothing is charged: the trial runs on and
the new plan's price applies when it ends.
"""

import calendar
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from paywall.models import Plan, Subscription, money_display

CENT = Decimal("0.01")


def shift_months(moment: datetime, months: int) -> datetime:
    """`months` calendar months later (or earlier), clamped to the month's last day."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def interval_months(interval: str) -> int:
    return 1 if interval == Plan.Interval.MONTH else 12


@dataclass(frozen=True)
class Proration:
    """What switching to `plan` costs today, and from when the new plan's periods run."""

    plan: Plan
    charge_now: Decimal
    credit: Decimal
    carried_credit: Decimal
    new_period_end: datetime
    in_trial: bool
    # The moment the figures are computed for; the switch uses it so the charge matches.
    proration_date: int
    # True when the figures are Stripe's own preview of the invoice, not our arithmetic.
    from_provider: bool = False

    @property
    def charge_display(self) -> str:
        return money_display(self.charge_now, self.plan.currency)

    @property
    def credit_display(self) -> str:
        return money_display(self.credit, self.plan.currency)

    @property
    def carried_credit_display(self) -> str:
        return money_display(self.carried_credit, self.plan.currency)


def local_proration(*, subscription: Subscription, plan: Plan, now: datetime) -> Proration:
    """The rule above, computed from our subscription row."""
    stamp = int(now.timestamp())
    end = subscription.current_period_end or now
    if subscription.is_trialing:
        return Proration(
            plan=plan,
            charge_now=Decimal("0.00"),
            credit=Decimal("0.00"),
            carried_credit=Decimal("0.00"),
            new_period_end=end,
            in_trial=True,
            proration_date=stamp,
        )
    start = shift_months(end, -interval_months(subscription.plan.interval))
    length = (end - start).total_seconds()
    unused = max(0.0, min(1.0, (end - now).total_seconds() / length)) if length > 0 else 0.0
    credit = (subscription.plan.price * Decimal(str(unused))).quantize(CENT, ROUND_HALF_UP)
    due = plan.price - credit
    return Proration(
        plan=plan,
        charge_now=max(due, Decimal("0.00")),
        credit=credit,
        carried_credit=max(-due, Decimal("0.00")),
        new_period_end=shift_months(now, interval_months(plan.interval)),
        in_trial=False,
        proration_date=stamp,
    )
