"""The shared transactional email helper (newsroom/lib/emails.py)."""

from django.core import mail

from newsroom.lib import emails
from tests.conftest import run_queued


def test_an_email_sent_in_the_background_waits_for_the_worker(queued_tasks):
    emails.send_in_background(
        template="newsletters/email/preferences_link",
        subject="Your link",
        to="ann@example.org",
        context={"preferences_url": "https://news.example.com/p/", "max_age_days": 60},
    )

    assert mail.outbox == []
    assert len(queued_tasks) == 1

    run_queued(queued_tasks)

    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert message.subject == "Your link"
    assert "https://news.example.com/p/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'href="https://news.example.com/p/"' in html


def test_the_site_name_and_address_are_in_every_email(settings):
    settings.SITE_NAME, settings.SITE_URL = "Worldcrunch", "https://news.example.com"

    emails.send(
        template="newsletters/email/preferences_link",
        subject="Your link",
        to="ann@example.org",
        context={"preferences_url": "https://news.example.com/p/", "max_age_days": 60},
    )

    assert "Worldcrunch" in mail.outbox[0].body
    assert "https://news.example.com/" in mail.outbox[0].body
