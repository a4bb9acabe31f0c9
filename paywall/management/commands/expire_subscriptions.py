from django.core.management.base import BaseCommand
from django.utils import timezone

from paywall.services.renewals import renew_due
from paywall.services.subscriptions import expire_due


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


class Command(BaseCommand):
    help = (
        "Renew the test provider's subscriptions whose trial or paid period has ended (as "
        "Stripe would: through the webhook handler), then expire the subscriptions whose "
        "period has ended. Run it periodically (e.g. hourly; the worker renews every minute); "
        "access already stops on read without it."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        renewals = renew_due(now=now)
        count = expire_due(now=now)
        self.stdout.write(
            f"Test provider: {plural(renewals.renewed, 'renewal')}, "
            f"{plural(renewals.payment_failed, 'failed payment')}, "
            f"{plural(renewals.ended, 'subscription')} ended."
        )
        self.stdout.write(f"Expired {plural(count, 'subscription')}.")
