"""Send an issue from the shell, with a progress bar; safe to run again after a crash."""

from django.core.management.base import BaseCommand, CommandError

from newsletters.models import NewsletterIssue
from newsletters.services.issue_email import UnsendableIssue
from newsletters.services.sending import SendReport, send_issue

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Send a newsletter issue to its confirmed subscribers now (resumes an interrupted send)."

    def add_arguments(self, parser):
        parser.add_argument("issue_id", type=int)
        parser.add_argument("--batch-size", type=int, default=None, help="Messages per connection.")

    def handle(self, *args, issue_id, batch_size, **options):
        issue = NewsletterIssue.objects.select_related("newsletter").filter(pk=issue_id).first()
        if issue is None:
            raise CommandError(f"There is no issue {issue_id}.")
        if issue.status == NewsletterIssue.Status.SENT:
            raise CommandError(f"Issue {issue_id} has already been sent.")
        if not issue.newsletter.is_active:
            raise CommandError(f"{issue.newsletter} is not active.")
        self.stdout.write(f"Sending “{issue.subject}” ({issue.newsletter})")
        try:
            report = send_issue(issue_id=issue.pk, batch_size=batch_size, on_progress=self.progress)
        except UnsendableIssue as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write("")
        if report.held_by:
            raise CommandError(f"Issue {issue_id} is being sent by {report.held_by}.")
        style = (
            self.style.SUCCESS
            if report.status == NewsletterIssue.Status.SENT
            else self.style.WARNING
        )
        self.stdout.write(
            style(
                f"{report.sent} sent, {report.failed} failed, {report.in_doubt} in doubt, "
                f"{report.remaining} waiting: issue is {report.status.replace('_', ' ')}."
            )
        )

    def progress(self, report: SendReport) -> None:
        done = min(report.sent, report.total)
        share = done / report.total if report.total else 1
        filled = int(BAR_WIDTH * share)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stdout.write(f"\r[{bar}] {share:4.0%} {done}/{report.total}", ending="")
        self.stdout.flush()
