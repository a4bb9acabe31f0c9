from django.core.management.base import BaseCommand
from django.utils import timezone

from paywall.services.subscriptions import expire_due


class Command(BaseCommand):
    help = (
        "Expire subscriptions whose trial or paid period has ended. Run it periodically "
        "(e.g. hourly); access already stops on read without it."
    )

    def handle(self, *args, **options):
        count = expire_due(now=timezone.now())
        self.stdout.write(f"Expired {count} subscription{'s' if count != 1 else ''}.")
