"""Background work for reader accounts, run by `manage.py run_worker` (`make worker`).

Each task parses its arguments and calls one service function; the services queue them."""

from django_tasks import task

from paywall.services import emails


@task()
def send_password_reset_email(email: str) -> int:
    return emails.send_password_reset_email(email=email)
