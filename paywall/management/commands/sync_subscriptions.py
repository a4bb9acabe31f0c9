from django.core.management.base import BaseCommand
from django.utils import timezone

from paywall.services.webhooks import reconcile


class Command(BaseCommand):
    help = (
        "Re-read every live Stripe subscription from Stripe and repair drift left by missed "
        "webhooks, printing each change. Safe to run at any time (e.g. daily)."
    )

    def handle(self, *args, **options):
        changes = reconcile(now=timezone.now())
        for line in changes:
            self.stdout.write(line)
        count = len(changes)
        self.stdout.write(f"Repaired {count} subscription{'s' if count != 1 else ''}.")
