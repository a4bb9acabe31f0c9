"""Paywall state: the meter policy, plans, subscriptions, signed-in meters, gift links, funnel.

Decisions and writes live in `paywall.services`; these models hold state, small derived
properties and the read side of the subscription rules (which statuses are live, grant
access or are due to expire, each as a Q, a queryset method and an instance predicate),
beside the `change_status` transition table that writes them.
"""

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from newsroom.lib.email_addresses import normalise_email

from . import wording


def money_display(amount: Decimal, currency: str) -> str:
    """An amount as readers see it: "$2.90", "€19.90", or "12.00 CHF"."""
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency)
    figure = f"{amount:.2f}"
    return f"{symbol}{figure}" if symbol else f"{figure} {currency}"


class MeterPolicy(models.Model):
    """The one meter policy editors change in the admin (a single row; see services.policy)."""

    enabled = models.BooleanField(
        "paywall on",
        default=True,
        help_text="Off, every article is free to everyone and nothing is counted.",
    )
    free_articles = models.PositiveSmallIntegerField(
        default=3,
        validators=[MaxValueValidator(100)],
        help_text="Distinct articles an anonymous reader may read in full per window.",
    )
    window_days = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Length of the rolling window, in days, over which free reads are counted.",
    )
    teaser_paragraphs = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Paragraphs shown before the paywall when a reader is over the limit.",
    )
    registered_bonus = models.PositiveSmallIntegerField(
        "extra free articles for signed-in readers",
        default=2,
        validators=[MaxValueValidator(100)],
        help_text="Added to the free articles for readers who have an account but no "
        "subscription: registering earns more free reads.",
    )
    free_sections = models.ManyToManyField(
        "articles.Section",
        blank=True,
        related_name="+",
        help_text="Articles in these sections are always free and never counted.",
    )
    gift_links_per_month = models.PositiveSmallIntegerField(
        default=10,
        validators=[MaxValueValidator(1000)],
        help_text="Gift links each subscriber may create per calendar month.",
    )
    gift_link_days = models.PositiveSmallIntegerField(
        "gift link lifetime (days)",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="How long a gift link lets anyone read its article.",
    )
    past_due_grace_days = models.PositiveSmallIntegerField(
        "grace period after a failed payment (days)",
        default=7,
        validators=[MaxValueValidator(60)],
        help_text="A subscriber whose renewal payment failed keeps reading this many days "
        "while the card is fixed (the subscription is past due).",
    )
    retention_free_months = models.PositiveSmallIntegerField(
        "retention offer: free months",
        default=1,
        validators=[MaxValueValidator(12)],
        help_text="Offered once to a reader who goes to cancel: stay and get this many months "
        "free (a trial runs that much longer; on Stripe a paid plan gets a coupon worth them). "
        "0 shows no offer.",
    )
    # The wording readers see (paywall/wording.py holds the defaults and how they are read).
    wall_heading = models.CharField(
        "the wall's heading",
        max_length=200,
        default=wording.WALL_HEADING,
        help_text="The paywall's first line, where the story stops.",
    )
    wall_lead = models.CharField(
        "the wall's message",
        max_length=300,
        default=wording.WALL_LEAD,
        help_text="The sentence under the heading: what the reader can do now.",
    )
    wall_promise = models.CharField(
        "the wall's promise",
        max_length=200,
        blank=True,
        default=wording.WALL_PROMISE,
        help_text="A short line in bold above the value propositions. Leave empty for none.",
    )
    value_propositions = models.TextField(
        blank=True,
        default=wording.VALUE_PROPOSITIONS,
        help_text="Why subscribe, on the wall: one per line, each shown as a point.",
    )
    plan_benefits = models.TextField(
        "what a subscription gives",
        blank=True,
        default=wording.PLAN_BENEFITS,
        help_text="The benefits listed on the plans page and on a reader's account page, one "
        "per line. Promise only what the site gives: {gift_links} and {gift_days} are "
        "replaced by the gift-link figures below.",
    )
    meter_notice_left = models.CharField(
        "meter notice, several free articles left",
        max_length=200,
        default=wording.METER_NOTICE_LEFT,
        help_text="Above a metered story. {remaining} is replaced by the number left.",
    )
    meter_notice_one_left = models.CharField(
        "meter notice, one free article left",
        max_length=200,
        default=wording.METER_NOTICE_ONE_LEFT,
    )
    meter_notice_last = models.CharField(
        "meter notice, on the last free article",
        max_length=200,
        default=wording.METER_NOTICE_LAST,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "meter policy"
        verbose_name_plural = "meter policy"

    def __str__(self) -> str:
        state = "on" if self.enabled else "off"
        return f"Meter policy: {self.free_articles} free per {self.window_days} days ({state})"

    def clean(self) -> None:
        errors = {}
        if "{remaining}" not in self.meter_notice_left:
            errors["meter_notice_left"] = "Keep {remaining} in the text: it becomes the number."
        for name, allowed in (
            ("meter_notice_left", ("{remaining}",)),
            ("plan_benefits", tuple(wording.BENEFIT_PLACEHOLDERS)),
        ):
            unknown = wording.unknown_placeholders(getattr(self, name), allowed)
            if unknown and name not in errors:
                errors[name] = (
                    f"{', '.join(unknown)} is not replaced by anything; "
                    f"the text may use {', '.join(allowed)}."
                )
        if errors:
            raise ValidationError(errors)


class Plan(models.Model):
    class Interval(models.TextChoices):
        MONTH = "month", "Monthly"
        YEAR = "year", "Yearly"

    name = models.CharField(max_length=100, help_text='Shown to readers, e.g. "Monthly".')
    slug = models.SlugField(max_length=50, unique=True, help_text="Used in the trial address.")
    price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text="Price per interval, in the currency below.",
    )
    currency = models.CharField(
        max_length=3, default="USD", help_text="ISO 4217 code, e.g. USD or EUR."
    )
    interval = models.CharField(max_length=5, choices=Interval.choices, default=Interval.MONTH)
    trial_days = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(365)],
        help_text="Free days before the first payment; 0 means no trial.",
    )
    tagline = models.CharField(
        max_length=150, blank=True, help_text='A short selling line, e.g. "Save 14.90 a year".'
    )
    is_best_value = models.BooleanField(
        default=False, help_text="Marks this plan as the best value on the paywall."
    )
    is_active = models.BooleanField(
        default=True, help_text="Inactive plans are not offered; existing subscribers keep them."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")
    requires_card_for_trial = models.BooleanField(
        default=False,
        help_text="On: the free trial asks for a card at checkout (charged when the trial "
        "ends unless canceled). Off: the trial starts without one.",
    )
    stripe_product_id = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="The Stripe product for this plan, written by manage.py stripe_plans.",
    )
    stripe_price_id = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="The Stripe price readers are charged, written by manage.py stripe_plans.",
    )

    class Meta:
        ordering = ["order", "price"]

    def __str__(self) -> str:
        return f"{self.name} ({self.price_display})"

    @property
    def price_display(self) -> str:
        return money_display(self.price, self.currency)

    @property
    def interval_noun(self) -> str:
        return "month" if self.interval == self.Interval.MONTH else "year"

    @property
    def is_monthly(self) -> bool:
        return self.interval == self.Interval.MONTH


class SubscriptionStatus(models.TextChoices):
    """Where a subscription stands; only paywall.services.subscriptions.change_status moves it."""

    PENDING = "pending", "Awaiting payment"
    TRIALING = "trialing", "Free trial"
    ACTIVE = "active", "Active"
    CANCELED = "canceled", "Canceled (access until period end)"
    PAST_DUE = "past_due", "Payment failed (access during the grace period)"
    UNPAID = "unpaid", "Unpaid (no access until the card is fixed)"
    EXPIRED = "expired", "Expired"


# The read side of the subscription rules. Each rule is written once as a Q (for queries and
# the constraint) and once as a predicate on SubscriptionPeriod (for a row or the paywall's
# SubscriptionState); tests/paywall/test_subscription_rules.py proves each pair agrees.

# A reader has at most one subscription in these statuses (the unique constraint below).
LIVE_STATUSES = (
    SubscriptionStatus.PENDING,
    SubscriptionStatus.TRIALING,
    SubscriptionStatus.ACTIVE,
    SubscriptionStatus.CANCELED,
    SubscriptionStatus.PAST_DUE,
    SubscriptionStatus.UNPAID,
)
# Statuses that open articles while the period lasts; past its end they are due to expire.
# A past-due subscription's period end is the end of its grace period (set by change_status
# from the policy's past_due_grace_days), so the same rule covers it.
ACCESS_STATUSES = (
    SubscriptionStatus.TRIALING,
    SubscriptionStatus.ACTIVE,
    SubscriptionStatus.CANCELED,
    SubscriptionStatus.PAST_DUE,
)
# Paying: a subscription that will be charged again, active or past due while the payment is
# retried. A trial is not paying; neither is a canceled one, which leaves MRR the moment the
# reader cancels even though its access runs on to the period end.
PAYING_STATUSES = (SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE)
# Statuses the reader (or staff) may still cancel; a pending one is withdrawn instead.
CANCELABLE_STATUSES = (
    SubscriptionStatus.PENDING,
    SubscriptionStatus.TRIALING,
    SubscriptionStatus.ACTIVE,
    SubscriptionStatus.PAST_DUE,
    SubscriptionStatus.UNPAID,
)


def live_q() -> Q:
    """The live rule as a Q: still in force or awaiting payment."""
    return Q(status__in=list(LIVE_STATUSES))


def granting_access_q(now: datetime) -> Q:
    """The access rule as a Q: an access status whose period has not ended."""
    return Q(status__in=list(ACCESS_STATUSES), current_period_end__gt=now)


def due_to_expire_q(now: datetime) -> Q:
    """The expiry rule as a Q: an access status whose period is over."""
    return Q(status__in=list(ACCESS_STATUSES), current_period_end__lte=now)


class SubscriptionPeriod:
    """The instance form of the rules above, for anything with a status and a period end."""

    status: str
    current_period_end: datetime | None

    def grants_access(self, now: datetime) -> bool:
        """The instance form of granting_access_q()."""
        return (
            self.status in ACCESS_STATUSES
            and self.current_period_end is not None
            and now < self.current_period_end
        )

    def is_due_to_expire(self, now: datetime) -> bool:
        """The instance form of due_to_expire_q()."""
        return (
            self.status in ACCESS_STATUSES
            and self.current_period_end is not None
            and self.current_period_end <= now
        )

    @property
    def is_live(self) -> bool:
        """The instance form of live_q()."""
        return self.status in LIVE_STATUSES

    @property
    def is_cancelable(self) -> bool:
        return self.status in CANCELABLE_STATUSES

    @property
    def is_pending(self) -> bool:
        return self.status == SubscriptionStatus.PENDING

    @property
    def is_trialing(self) -> bool:
        return self.status == SubscriptionStatus.TRIALING

    @property
    def is_active(self) -> bool:
        return self.status == SubscriptionStatus.ACTIVE

    @property
    def is_canceled(self) -> bool:
        return self.status == SubscriptionStatus.CANCELED

    @property
    def is_expired(self) -> bool:
        return self.status == SubscriptionStatus.EXPIRED

    @property
    def is_past_due(self) -> bool:
        return self.status == SubscriptionStatus.PAST_DUE

    @property
    def is_unpaid(self) -> bool:
        return self.status == SubscriptionStatus.UNPAID

    @property
    def is_paying(self) -> bool:
        return self.status in PAYING_STATUSES


class SubscriptionQuerySet(models.QuerySet):
    def live(self) -> "SubscriptionQuerySet":
        """Subscriptions still in force or awaiting payment: at most one per reader."""
        return self.filter(live_q())

    def for_reader(self, user) -> "SubscriptionQuerySet":
        return self.filter(user=user)

    def granting_access(self, now: datetime) -> "SubscriptionQuerySet":
        """Subscriptions that open every article now."""
        return self.filter(granting_access_q(now))

    def due_to_expire(self, now: datetime) -> "SubscriptionQuerySet":
        """Subscriptions whose paid or trial period is over and must now expire."""
        return self.filter(due_to_expire_q(now))

    def trials_ending_between(self, start: datetime, end: datetime) -> "SubscriptionQuerySet":
        """Trials whose free days run out in (start, end]: the trial-ending reminder's."""
        return self.filter(
            status=SubscriptionStatus.TRIALING, trial_ends_at__gt=start, trial_ends_at__lte=end
        )

    def cancellations_ending_between(
        self, start: datetime, end: datetime
    ) -> "SubscriptionQuerySet":
        """Canceled subscriptions whose access runs out in (start, end]."""
        return self.filter(
            status=SubscriptionStatus.CANCELED,
            current_period_end__gt=start,
            current_period_end__lte=end,
        )


class Subscription(SubscriptionPeriod, models.Model):
    Status = SubscriptionStatus

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="subscriptions")
    # Written only by paywall.services.subscriptions.change_status.
    status = models.CharField(max_length=10, choices=Status.choices, editable=False)
    trial_ends_at = models.DateTimeField(null=True, blank=True, editable=False)
    current_period_end = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="Access continues until this moment (the end of the trial or paid period).",
    )
    canceled_at = models.DateTimeField(null=True, blank=True, editable=False)
    started_from = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The article whose paywall the reader started from.",
    )
    provider = models.CharField(max_length=30, default="manual", editable=False)
    provider_reference = models.CharField(
        max_length=200, blank=True, help_text="The payment provider's id or a payment note."
    )
    provider_customer = models.CharField(
        max_length=100, blank=True, editable=False, help_text="The provider's customer id."
    )
    # The creation time of the newest provider event applied: an older one changes nothing.
    provider_synced_at = models.DateTimeField(null=True, blank=True, editable=False)
    card_summary = models.CharField(
        max_length=60,
        blank=True,
        editable=False,
        help_text='The card the provider charges, e.g. "Visa ending 4242, expires 12/2030".',
    )
    card_fingerprint = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="The provider's fingerprint of that card: the same card has the same one.",
    )
    trial_refused_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the trial was ended at once because its card had had a trial before.",
    )
    retention_offer_accepted_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the reader accepted the free months offered on the cancel page.",
    )
    # The period end each reminder was sent for: one email per trial or cancellation.
    trial_ending_sent_for = models.DateTimeField(null=True, blank=True, editable=False)
    access_ending_sent_for = models.DateTimeField(null=True, blank=True, editable=False)
    welcomed_to_paid_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the welcome email after the first paid invoice was sent.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=live_q(),
                name="one_live_subscription_per_reader",
            )
        ]
        indexes = [
            models.Index(fields=["status", "current_period_end"]),
            # Every webhook finds its subscription by the provider's id (and a refund by
            # the customer's).
            models.Index(fields=["provider_reference"]),
            models.Index(fields=["provider_customer"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.plan.name} · {self.get_status_display()}"


class SubscriptionEvent(models.Model):
    """One status change, written by change_status: the audit trail and the funnel's source."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    at = models.DateTimeField(db_index=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} → {self.to_status}"


class WebhookEvent(models.Model):
    """A provider event already applied: each event id is applied once (duplicates are 200)."""

    event_id = models.CharField(max_length=100, unique=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField()
    outcome = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class TrialCard(models.Model):
    """A card (by the provider's fingerprint) that has had a free trial: it gets no second."""

    fingerprint = models.CharField(max_length=100, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trial_cards"
    )
    subscription = models.ForeignKey(
        Subscription, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Trial card of {self.user}"


class Refund(models.Model):
    """A refund the provider reported (charge.refunded), kept for staff and the audit trail."""

    subscription = models.ForeignKey(
        Subscription, null=True, on_delete=models.SET_NULL, related_name="refunds"
    )
    charge = models.CharField(max_length=100, unique=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3)
    full = models.BooleanField(help_text="The whole charge was refunded.")
    ended_access = models.BooleanField(
        default=False, help_text="It refunded the latest invoice in full, so access ended."
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"Refund of {self.charge}: {self.amount} {self.currency}"


class MeterRead(models.Model):
    """A signed-in reader's metered read of one article (the anonymous meter is a cookie)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meter_reads"
    )
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="one_meter_read_per_article")
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.user} read {self.article_id} at {self.read_at:%Y-%m-%d %H:%M}"


class GiftLinkQuerySet(models.QuerySet):
    def usable(self, now: datetime):
        """Gift links that still open their article: neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)

    def given_by(self, giver):
        """A giver's gift links, with their articles, for listing."""
        return self.filter(giver=giver).select_related("article")


class GiftLink(models.Model):
    """A subscriber's gift of one article; the link itself is signed (see services.gifts)."""

    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gift_links"
    )
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the giver or staff revoked the link; from then on it opens nothing.",
    )

    objects = GiftLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["giver", "created_at"])]

    def __str__(self) -> str:
        return f"Gift of {self.article_id} by {self.giver}"


class FunnelDay(models.Model):
    """Daily per-article counts of the funnel's high-volume steps, flushed from the cache."""

    date = models.DateField()
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    metered_reads = models.PositiveIntegerField(default=0)
    paywalls_shown = models.PositiveIntegerField(default=0)
    gift_links_opened = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-date", "article"]
        constraints = [
            models.UniqueConstraint(fields=["date", "article"], name="one_funnel_row_per_day")
        ]
        verbose_name = "daily funnel"
        verbose_name_plural = "daily funnel"

    def __str__(self) -> str:
        return f"{self.date}: article {self.article_id}"


class ReaderProfile(models.Model):
    """What a reader account holds beyond Django's user: whether its address is proved."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_profile"
    )
    email_verified_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the reader confirmed the address from the link we emailed to it. "
        "Until then the account sees nothing that belongs to that address (newsletters).",
    )
    verified_email = models.EmailField(
        max_length=254,
        blank=True,
        help_text="The address that was confirmed. An account whose email is changed "
        "afterwards must confirm the new one.",
    )
    pending_email = models.EmailField(
        max_length=254,
        blank=True,
        help_text="An address the reader asked to change to: it replaces the account's "
        "only once the link mailed to it is confirmed.",
    )

    def __str__(self) -> str:
        return f"Reader profile of {self.user}"

    def has_verified(self, email: str) -> bool:
        return self.email_verified_at is not None and self.verified_email == normalise_email(email)
