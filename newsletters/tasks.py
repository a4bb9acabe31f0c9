"""Background work for newsletters, run by `manage.py run_worker` (`make worker`).

Each task parses its arguments and calls one service function, which holds the logic. The
services import this module at module level to queue these tasks; a task whose service
queues tasks itself (signup, sending) imports that service inside its body, as the
HackSoft style guide's Celery section does, so no module-level cycle forms.
A task's dotted path is stored with every queued row, so a task never moves or renames.
"""

from datetime import datetime

from django_tasks import task

from .services import emails


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
    from .services import signup  # in the body: signup queues this module's tasks (no cycle)

    signup.sign_up_requested(
        email=email,
        newsletter_ids=newsletter_ids,
        consent_text=consent_text,
        source=source,
        consent_ip_hash=consent_ip_hash,
        requested_at=datetime.fromisoformat(requested_at),
    )


@task()
def send_confirmation_email(subscriber_id: int) -> None:
    emails.send_confirmation(subscriber_id=subscriber_id)


@task()
def send_added_email(subscriber_id: int, newsletter_ids: list[int]) -> None:
    emails.send_added(subscriber_id=subscriber_id, newsletter_ids=newsletter_ids)


@task()
def send_welcome_email(subscriber_id: int) -> None:
    emails.send_welcome(subscriber_id=subscriber_id)


@task()
def send_preferences_link_email(subscriber_id: int) -> None:
    emails.send_preferences_link(subscriber_id=subscriber_id)


@task()
def send_issue_task(issue_id: int) -> dict:
    from .services import sending  # in the body: sending queues this module's tasks (no cycle)

    report = sending.send_issue(issue_id=issue_id)
    return {"sent": report.sent, "failed": report.failed, "status": report.status}


@task()
def send_scheduled_issue_task(issue_id: int) -> None:
    from .services import sending  # in the body: sending queues this module's tasks (no cycle)

    sending.start_scheduled(issue_id=issue_id)
