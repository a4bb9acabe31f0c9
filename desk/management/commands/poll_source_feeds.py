"""Poll the source feeds that are due now, without the worker (cron, or by hand)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from desk.services import feeds


class Command(BaseCommand):
    help = "Poll every active source feed that is due, making candidates of new stories."

    def handle(self, *args: Any, **options: Any) -> None:
        results = feeds.poll_due_feeds(now=timezone.now())
        for result in results:
            if result.error:
                self.stderr.write(f"{result.feed.url}: {result.error}")
            elif result.not_modified:
                self.stdout.write(f"{result.feed.url}: not modified")
            else:
                self.stdout.write(
                    f"{result.feed.url}: {result.created} new, {result.changed} changed"
                )
        if not results:
            self.stdout.write("No feed is due.")
