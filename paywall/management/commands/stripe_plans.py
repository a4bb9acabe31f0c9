from django.core.management.base import BaseCommand, CommandError

from paywall.services.providers import ProviderError
from paywall.services.stripe_plans import sync_plans


class Command(BaseCommand):
    help = (
        "Create or update a Stripe Product and recurring Price for each active plan and store "
        "their ids on the plan (needs STRIPE_SECRET_KEY). Safe to run again: a plan whose "
        "price is unchanged keeps its Stripe price."
    )

    def handle(self, *args, **options):
        try:
            lines = sync_plans()
        except ProviderError as error:
            raise CommandError(str(error)) from error
        for line in lines:
            self.stdout.write(line)
        self.stdout.write("Every active plan has its product and price on Stripe.")
