from django.core.management.base import BaseCommand
from django.utils import timezone

from paywall.services.reminders import DAYS_AHEAD, send_due_reminders


class Command(BaseCommand):
    help = (
        f"Email readers whose free trial or canceled subscription ends within {DAYS_AHEAD} "
        "days (once per date). Run it periodically, e.g. hourly."
    )

    def handle(self, *args, **options):
        sent = send_due_reminders(now=timezone.now())
        self.stdout.write(
            f"Sent {sent.trial_ending} trial-ending and {sent.access_ending} access-ending "
            "reminders."
        )
