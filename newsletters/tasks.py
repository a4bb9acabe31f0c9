"""Background work for newsletters, run by `manage.py run_worker` (`make worker`)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .models import Newsletter, NewsletterIssue, Subscriber
from .tokens import make_confirm_token, make_preferences_token


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _send_pair(*, template: str, subject: str, to: str, context: dict) -> None:
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"newsletters/email/{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(
        render_to_string(f"newsletters/email/{template}.html", context), "text/html"
    )
    message.send()


@task()
def send_confirmation_email(subscriber_id: int) -> None:
    """The double opt-in email: a signed link to a page where the reader confirms."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.is_confirmed:
        return
    newsletters = list(subscriber.newsletters.active())
    token = make_confirm_token(subscriber.pk)
    _send_pair(
        template="confirm",
        subject=f"Please confirm your {settings.SITE_NAME} newsletter subscription",
        to=subscriber.email,
        context={
            "newsletters": newsletters,
            "confirm_url": _absolute(reverse("newsletters:confirm", args=[token])),
            "max_age_days": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400,
        },
    )


@task()
def send_added_email(subscriber_id: int, newsletter_ids: list[int]) -> None:
    """Tells a confirmed reader what was added, with a way to undo it."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not subscriber.is_confirmed:
        return
    newsletters = list(Newsletter.objects.filter(pk__in=newsletter_ids))
    if not newsletters:
        return
    token = make_preferences_token(subscriber.pk)
    _send_pair(
        template="added",
        subject=f"You're signed up: {', '.join(n.name for n in newsletters)}",
        to=subscriber.email,
        context={
            "newsletters": newsletters,
            "preferences_url": _absolute(reverse("newsletters:preferences", args=[token])),
        },
    )


@task()
def send_issue_task(issue_id: int) -> dict:
    # Imported here: services.sending enqueues these tasks, importing this module first.
    from .services.sending import send_issue

    report = send_issue(issue_id=issue_id)
    return {"sent": report.sent, "failed": report.failed, "status": report.status}


@task()
def send_scheduled_issue_task(issue_id: int) -> None:
    """Starts a scheduled issue, unless an editor has taken it back to draft meanwhile."""
    from .services.sending import start_sending  # see send_issue_task

    issue = NewsletterIssue.objects.filter(
        pk=issue_id,
        status=NewsletterIssue.Status.SCHEDULED,
        scheduled_for__lte=timezone.now(),  # a rescheduled issue waits for its own task
    ).first()
    if issue is not None:
        start_sending(issue=issue)
