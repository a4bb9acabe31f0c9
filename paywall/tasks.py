"""Background work for reader accounts, run by `manage.py db_worker` (`make worker`)."""

from django_tasks import task

from paywall.services import accounts


@task()
def send_password_reset_email(email: str) -> int:
    return accounts.send_password_reset_email(email=email)
