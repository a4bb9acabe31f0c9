"""Background work for newsletters, run by `manage.py run_worker` (`make worker`)."""

from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from newsroom.lib import emails
from newsroom.lib.signing import make_confirm_token, make_preferences_token
from newsroom.lib.urls import absolute_url

from .models import Newsletter, NewsletterIssue, Subscriber


@task()
def sign_up_task(
    *,
    email: str,
    newsletter_ids: list[int],
    consent_text: str,
    source: str,
    consent_ip_hash: str,
    requested_at: str,
) -> None:
    """A signup from the public form, decided out of the request (see request_signup)."""
    # services.signup enqueues this task, so it imports this module first.
    from .services.signup import sign_up

    sign_up(
        email=email,
        newsletters=Newsletter.objects.active().filter(pk__in=newsletter_ids),
        consent_text=consent_text,
        source=source,
        consent_ip_hash=consent_ip_hash,
        now=datetime.fromisoformat(requested_at),
    )


@task()
def send_confirmation_email(subscriber_id: int) -> None:
    """The double opt-in email: a signed link to a page where the reader confirms."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.is_confirmed:
        return
    newsletters = list(subscriber.newsletters.active())
    token = make_confirm_token(subscriber.pk)
    emails.send(
        template="newsletters/email/confirm",
        subject=f"Please confirm your {settings.SITE_NAME} newsletter subscription",
        to=subscriber.email,
        context={
            "newsletters": newsletters,
            "confirm_url": absolute_url(reverse("newsletters:confirm", args=[token])),
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
    emails.send(
        template="newsletters/email/added",
        subject=f"You're signed up: {', '.join(n.name for n in newsletters)}",
        to=subscriber.email,
        context={
            "newsletters": newsletters,
            "preferences_url": absolute_url(reverse("newsletters:preferences", args=[token])),
        },
    )


@task()
def send_preferences_link_email(subscriber_id: int) -> None:
    """A fresh link to the preference centre, asked for from an expired one."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    token = make_preferences_token(subscriber.pk)
    emails.send(
        template="newsletters/email/preferences_link",
        subject=f"Your link to manage your {settings.SITE_NAME} newsletters",
        to=subscriber.email,
        context={
            "preferences_url": absolute_url(reverse("newsletters:preferences", args=[token])),
            "max_age_days": settings.NEWSLETTER_PREFERENCE_LINK_MAX_AGE // 86400,
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
