"""Transactional emails: a text and an HTML template pair, sent by the background worker.

`send_in_background` renders in the caller (templates may use model instances) and
queues only the finished subject and bodies, so the request never waits for the mail
server. `send` renders and sends at once, for code that is already background work.
"""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task


def render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """The text and HTML bodies of `template` (a path without .txt / .html)."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    return (
        render_to_string(f"{template}.txt", context),
        render_to_string(f"{template}.html", context),
    )


def deliver(*, subject: str, to: str, text: str, html: str) -> None:
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()


@task()
def deliver_task(subject: str, to: str, text: str, html: str) -> None:
    deliver(subject=subject, to=to, text=text, html=html)


def send(*, template: str, subject: str, to: str, context: dict[str, Any]) -> None:
    """Render and send now: for tasks, which already run in the worker."""
    text, html = render(template, context)
    deliver(subject=subject, to=to, text=text, html=html)


def send_in_background(*, template: str, subject: str, to: str, context: dict[str, Any]) -> None:
    """Render now and leave the sending to the worker; a mail server that is slow or
    down then neither delays the answer nor undoes what the request did."""
    text, html = render(template, context)
    deliver_task.enqueue(subject, to, text, html)
