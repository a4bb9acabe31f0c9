"""Demo newsletters, subscribers and one sent issue, so the admin has something to show.

Idempotent: rows are matched by slug, email or subject.
"""

from datetime import timedelta
from io import TextIOBase

from django.core import mail
from django.utils import timezone

from articles.models import Article, Series
from newsletters.models import Newsletter, NewsletterIssue, Subscriber, Subscription
from newsletters.services.sending import send_issue

NEWSLETTERS = [
    {
        "slug": "worldcrunch-today",
        "name": "Worldcrunch Today",
        "description": "A quick tour of the day's news from the world's best sources, whatever "
        "their language. Every edition opens with a greeting in another language.",
        "cadence": Newsletter.Cadence.DAILY,
        "in_masthead": True,
        "order": 0,
    },
    {
        "slug": "eyes-on-us",
        "name": "Eyes on U.S.",
        "description": "How the rest of the world's press sees America, every week.",
        "cadence": Newsletter.Cadence.WEEKLY,
        "series": "eyes-on-us",
        "order": 1,
    },
]

DEMO_SUBSCRIBERS = [
    ("ines.moreau@example.org", ["worldcrunch-today", "eyes-on-us"]),
    ("kenji.sato@example.org", ["worldcrunch-today"]),
    ("amara.okafor@example.org", ["eyes-on-us"]),
    ("lucia.ferri@example.org", ["worldcrunch-today"]),
]

DEMO_ISSUE_SUBJECT = "Worldcrunch Today: Bonjour from around the world"


def load_demo(stdout: TextIOBase) -> None:
    now = timezone.now()
    newsletters = {}
    for data in NEWSLETTERS:
        defaults = {k: v for k, v in data.items() if k not in ("slug", "series")}
        if data.get("series"):
            defaults["series"] = Series.objects.filter(slug=data["series"]).first()
        newsletters[data["slug"]], _ = Newsletter.objects.get_or_create(
            slug=data["slug"], defaults=defaults
        )

    for email, slugs in DEMO_SUBSCRIBERS:
        subscriber, created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "status": Subscriber.Status.CONFIRMED,
                "created_at": now - timedelta(days=30),
                "confirmed_at": now - timedelta(days=30),
                "consent_at": now - timedelta(days=30),
                "consent_text": "Demo subscriber.",
                "consent_source": "Demo data (load_demo)",
            },
        )
        if created:
            for slug in slugs:
                Subscription.objects.get_or_create(
                    subscriber=subscriber, newsletter=newsletters[slug]
                )

    daily = newsletters["worldcrunch-today"]
    if not NewsletterIssue.objects.filter(subject=DEMO_ISSUE_SUBJECT).exists():
        issue = NewsletterIssue.objects.create(
            newsletter=daily,
            subject=DEMO_ISSUE_SUBJECT,
            preheader="Five stories the world's newspapers are reading today.",
            intro="Bonjour! That is hello in French, spoken by some 320 million people on five "
            "continents. Here is what the world's newspapers are reading today.",
        )
        for position, article in enumerate(Article.objects.published().newest_first()[:5]):
            issue.items.create(article=article, position=position)
        # Deliver the demo issue into memory: demo data must never email anyone.
        send_issue(
            issue_id=issue.pk,
            connection=mail.get_connection("django.core.mail.backends.locmem.EmailBackend"),
        )
    stdout.write(
        f"Newsletters: {Newsletter.objects.count()} newsletters, "
        f"{Subscriber.objects.confirmed().count()} confirmed subscribers, "
        f"{NewsletterIssue.objects.count()} issues."
    )
