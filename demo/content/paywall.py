"""Demo plans and meter policy, as the publication offers them (see PUBLICATION.md).

Idempotent: plans are matched by slug, the policy row is created only when missing.
"""

from datetime import timedelta
from decimal import Decimal
from io import TextIOBase

from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Article
from paywall.models import MeterPolicy, Plan, Subscription
from paywall.services.accounts import mark_verified
from paywall.services.subscriptions import change_status, mark_paid, subscribe

Status = Subscription.Status

# Demo reader accounts, to try the paywall from both sides (passwords are for demos only).
READER_PASSWORD = "newsroom-reader"
DEMO_READER = "reader@example.com"
DEMO_SUBSCRIBER = "subscriber@example.com"
LOGINS = [
    (DEMO_READER, READER_PASSWORD, "reader with no subscription", "/account/login/"),
    (DEMO_SUBSCRIBER, READER_PASSWORD, "subscriber, annual plan", "/account/login/"),
]

PLANS = [
    {
        "slug": "monthly",
        "name": "Monthly",
        "price": Decimal("2.90"),
        "currency": "USD",
        "interval": Plan.Interval.MONTH,
        "trial_days": 30,
        "tagline": "Flexible: cancel anytime.",
        "is_best_value": False,
        "order": 0,
    },
    {
        "slug": "annual",
        "name": "Annual",
        "price": Decimal("19.90"),
        "currency": "USD",
        "interval": Plan.Interval.YEAR,
        "trial_days": 0,
        "tagline": "Save $14.90 a year compared with monthly.",
        "is_best_value": True,
        "order": 1,
    },
]


def load_demo(stdout: TextIOBase) -> None:
    created = 0
    for plan in PLANS:
        _, was_created = Plan.objects.get_or_create(
            slug=plan["slug"], defaults={k: v for k, v in plan.items() if k != "slug"}
        )
        created += was_created
    if not MeterPolicy.objects.exists():
        MeterPolicy.objects.create()
        stdout.write("Meter policy created: 3 free articles per 30 days.")
    stdout.write(f"Plans: {created} created, {len(PLANS) - created} already there.")
    load_demo_readers(stdout)
    load_subscription_histories(stdout)


def load_demo_readers(stdout: TextIOBase) -> None:
    """A signed-in reader without a subscription, and a subscriber on the annual plan.

    Their addresses count as confirmed (nobody reads example.com mail), so the demo shows
    what a verified reader sees, their newsletters included.
    """
    User = get_user_model()
    for email in (DEMO_READER, DEMO_SUBSCRIBER):
        user = User.objects.filter(username=email).first()
        if user is None:
            user = User.objects.create_user(username=email, email=email, password=READER_PASSWORD)
            stdout.write(f"Demo reader created: {email} / {READER_PASSWORD}")
        mark_verified(user=user, now=timezone.now())
    subscriber = User.objects.get(username=DEMO_SUBSCRIBER)
    if not Subscription.objects.live().filter(user=subscriber).exists():
        now = timezone.now()
        subscription, _ = subscribe(user=subscriber, plan=Plan.objects.get(slug="annual"), now=now)
        mark_paid(subscription=subscription, now=now, reference="demo")


# Past subscribers, so the revenue figures (MRR, trial-to-paid, churn, conversions per
# article) are not all zero: (plan slug, index of the article it started from or None,
# [(status, days ago), ...]). They have no password: nobody signs in as them.
HISTORIES = [
    ("monthly", 0, [(Status.TRIALING, 58), (Status.ACTIVE, 28)]),
    ("monthly", 1, [(Status.TRIALING, 50), (Status.ACTIVE, 20)]),
    ("monthly", 0, [(Status.TRIALING, 40), (Status.ACTIVE, 10)]),
    ("monthly", 2, [(Status.TRIALING, 33), (Status.ACTIVE, 3)]),
    ("monthly", 1, [(Status.TRIALING, 45), (Status.CANCELED, 30), (Status.EXPIRED, 15)]),
    ("monthly", 0, [(Status.TRIALING, 20)]),
    ("monthly", None, [(Status.TRIALING, 10)]),
    ("annual", None, [(Status.PENDING, 90), (Status.ACTIVE, 90)]),
    ("annual", 0, [(Status.PENDING, 25), (Status.ACTIVE, 25)]),
    ("annual", None, [(Status.PENDING, 5), (Status.ACTIVE, 5)]),
    (
        "monthly",
        None,
        [
            (Status.PENDING, 70),
            (Status.ACTIVE, 70),
            (Status.ACTIVE, 40),
            (Status.CANCELED, 20),
            (Status.EXPIRED, 8),
        ],
    ),  # fmt: skip
    (
        "monthly",
        None,
        [(Status.PENDING, 65), (Status.ACTIVE, 65), (Status.ACTIVE, 35), (Status.EXPIRED, 5)],
    ),
]


def load_subscription_histories(stdout: TextIOBase) -> None:
    """Replay HISTORIES through change_status, dated in the past; once per demo reader."""
    User = get_user_model()
    now = timezone.now()
    articles = list(Article.objects.published().newest_first()[:3])
    plans = {plan.slug: plan for plan in Plan.objects.all()}
    created = 0
    for number, (slug, article, steps) in enumerate(HISTORIES, start=1):
        email = f"past-reader-{number}@example.com"
        if User.objects.filter(username=email).exists():
            continue
        user = User.objects.create_user(username=email, email=email, password=None)
        started_from = (
            articles[article] if article is not None and article < len(articles) else None
        )
        subscription = Subscription(user=user, plan=plans[slug], started_from=started_from)
        for status, days_ago in steps:
            change_status(
                subscription=subscription,
                to=status,
                now=now - timedelta(days=days_ago),
                note="demo history",
            )
        created += 1
    stdout.write(
        f"Subscription histories: {created} created, {len(HISTORIES) - created} already there."
    )
