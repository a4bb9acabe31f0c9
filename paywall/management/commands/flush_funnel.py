from django.core.management.base import BaseCommand
from django.utils import timezone

from paywall.services.funnel import flush


class Command(BaseCommand):
    help = (
        "Move the paywall funnel counters (metered reads, paywalls shown, gift links opened) "
        "from the cache into the database. Run it periodically, e.g. every 10 minutes."
    )

    def handle(self, *args, **options):
        rows = flush(now=timezone.now())
        self.stdout.write(f"Funnel flushed: {rows} article-day row{'s' if rows != 1 else ''}.")
