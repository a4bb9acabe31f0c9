"""Demo newsletters, subscribers and sent issues, so the admin and each newsletter's
archive have something to show.

The daily's past issues are the Worldcrunch Today editions published in In The News (the
same subject, introduction and linked stories, sent when the edition was published); the
weekly's are the Eyes on U.S. columns. Idempotent: rows are matched by slug, email or subject.
"""

import re
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
        "series": "worldcrunch-today",  # its editions, published in In The News
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
        series = Series.objects.filter(slug=data["series"]).first() if data.get("series") else None
        defaults["series"] = series
        newsletter, _ = Newsletter.objects.get_or_create(slug=data["slug"], defaults=defaults)
        if newsletter.series_id is None and series is not None:  # a database loaded earlier
            newsletter.series = series
            newsletter.save(update_fields=["series"])
        newsletters[data["slug"]] = newsletter

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
    for newsletter in newsletters.values():
        _send_past_issues(newsletter)
    stdout.write(
        f"Newsletters: {Newsletter.objects.count()} newsletters, "
        f"{Subscriber.objects.confirmed().count()} confirmed subscribers, "
        f"{NewsletterIssue.objects.count()} issues."
    )


ARTICLE_LINK = re.compile(r'href="/article/([-\w]+)/"')


def _past_issue(article: Article) -> tuple[str, str, list[Article]]:
    """The subject, introduction and stories of the issue that carried a series story: a
    daily edition's issue carries the stories the edition links to, a weekly's the column."""
    if article.series is not None and article.series.slug == "worldcrunch-today":
        linked = ARTICLE_LINK.findall(article.body)
        by_slug = Article.objects.published().in_bulk(linked, field_name="slug")
        stories = [
            by_slug[slug]
            for slug in dict.fromkeys(linked)
            if slug in by_slug and slug != article.slug
        ]
        # The edition itself is the series on the site, which the archive links to.
        return article.headline, article.dek, stories
    subject = article.headline.replace("Eyes On U.S. — ", "Eyes on U.S.: ")
    return subject, article.dek, [article]


def _send_past_issues(newsletter: Newsletter) -> None:
    """One sent issue per published story of the newsletter's series, dated as the story."""
    if newsletter.series is None:
        return
    for article in Article.objects.published().in_series(newsletter.series):
        subject, intro, stories = _past_issue(article)
        if NewsletterIssue.objects.filter(newsletter=newsletter, subject=subject).exists():
            continue
        issue = NewsletterIssue.objects.create(
            newsletter=newsletter,
            subject=subject,
            preheader=intro if len(intro) <= 200 else "",
            intro=intro,
        )
        for position, story in enumerate(stories):
            issue.items.create(article=story, position=position)
        # Delivered into memory (demo data never emails anyone), then dated as the story.
        send_issue(
            issue_id=issue.pk,
            connection=mail.get_connection("django.core.mail.backends.locmem.EmailBackend"),
        )
        NewsletterIssue.objects.filter(pk=issue.pk).update(
            sent_at=article.published_at, send_started_at=article.published_at
        )
