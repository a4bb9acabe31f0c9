"""A week of demo readership: the funnel's daily metered reads (FunnelDay), so the rail's
"Most read this week" and the editors' funnel page have figures to show.

Idempotent: one row per day and article, created only when missing.
"""

from datetime import timedelta
from io import TextIOBase

from django.utils import timezone

from articles.models import Article
from paywall.models import FunnelDay

# Stories readers of the demo come back to, with their reads on a typical day.
POPULAR = [
    ("the-hard-labor-of-north-korean-workers-in-china", 940),
    ("eyes-on-us-california-the-world-is-worried-about-you", 610),
    ("why-buenos-aires-is-running-out-of-coins", 480),
    ("tokyo-renting-a-friend", 350),
    ("swiss-glaciers-giving-up-their-secrets", 260),
    ("marseille-last-fishermen-old-port", 170),
]


def load_demo(stdout: TextIOBase) -> None:
    today = timezone.now().date()
    articles = Article.objects.in_bulk([slug for slug, _ in POPULAR], field_name="slug")
    created = 0
    for rank, (slug, reads) in enumerate(POPULAR):
        article = articles.get(slug)
        if article is None:
            continue
        for days_ago in range(7):
            # Reads fall off as a story ages; weekends are quieter.
            day = today - timedelta(days=days_ago)
            count = max(reads - days_ago * (40 + 10 * rank), 20)
            if day.weekday() >= 5:
                count = count * 2 // 3
            _, was_created = FunnelDay.objects.get_or_create(
                date=day,
                article=article,
                defaults={"metered_reads": count, "paywalls_shown": count // 6},
            )
            created += was_created
    stdout.write(f"Readership: {created} daily funnel rows created.")
