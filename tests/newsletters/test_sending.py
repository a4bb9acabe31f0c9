import re
from collections import Counter
from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client, override_settings

from newsletters.models import Delivery, NewsletterIssue, Subscriber
from newsletters.services.sending import send_issue, start_sending
from newsroom.lib.signing import read_preferences_token, read_unsubscribe_token
from tests.factories import (
    ArticleFactory,
    DraftFactory,
    NewsletterFactory,
    NewsletterIssueFactory,
    SubscriberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(daily):
    articles = [
        ArticleFactory(headline="Lead story", dek="The lead dek.", body="<p>SECRET BODY</p>"),
        ArticleFactory(headline="Second story", dek="Another dek."),
    ]
    return NewsletterIssueFactory(newsletter=daily, subject="Today's world", articles=articles)


def recipients():
    return Counter(address for message in mail.outbox for address in message.to)


class FlakyBackend(EmailBackend):
    """Refuses some addresses; the rest land in mail.outbox like the locmem backend."""

    refuse: set[str] = set()
    refusals_left: dict[str, int] = {}

    def send_messages(self, messages):
        for message in messages:
            address = message.to[0]
            if address in self.refuse:
                if self.refusals_left.get(address, 1) > 0:
                    self.refusals_left[address] = self.refusals_left.get(address, 1) - 1
                    raise SMTPRecipientsRefused({address: (550, b"No such user")})
        return super().send_messages(messages)


class WorkerKilled(BaseException):
    """Stands in for the worker being stopped: not an Exception, so nothing swallows it."""


class DyingBackend(EmailBackend):
    """Hands over `survive` messages, then the process 'dies'."""

    survive = 0

    def send_messages(self, messages):
        if DyingBackend.survive <= 0:
            raise WorkerKilled
        DyingBackend.survive -= 1
        return super().send_messages(messages)


def test_only_confirmed_subscribers_of_the_newsletter_receive_it(issue, daily):
    other = NewsletterFactory()
    SubscriberFactory(email="yes@example.org", newsletters=[daily])
    SubscriberFactory(email="pending@example.org", status="pending", newsletters=[daily])
    SubscriberFactory(email="gone@example.org", status="unsubscribed", newsletters=[daily])
    SubscriberFactory(email="other@example.org", newsletters=[other])

    report = send_issue(issue_id=issue.pk)

    assert recipients() == Counter({"yes@example.org": 1})
    assert report.sent == 1
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert issue.sent_at is not None


def test_the_email_is_multipart_with_headlines_deks_and_absolute_links_never_the_body(
    issue, daily, settings
):
    settings.SITE_URL = "https://news.example.com"
    subscriber = SubscriberFactory(email="ann@example.org", newsletters=[daily])

    send_issue(issue_id=issue.pk)

    message = mail.outbox[0]
    assert message.subject == "Today's world"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    for part in (message.body, html):
        assert "Lead story" in part and "The lead dek." in part
        assert "https://news.example.com/article/" in part
        assert "SECRET BODY" not in part
        assert "placeholder" not in part
        assert "ann@example.org" in part
    assert 'width="600"' in html
    assert "<table" in html and 'style="' in html
    assert not re.search(r'(href|src)="/', html)
    token = re.search(r"/newsletters/preferences/([^/]+)/", html).group(1)
    assert read_preferences_token(token) == subscriber.pk


def test_every_issue_email_has_rfc8058_one_click_headers(issue, daily, settings):
    settings.SITE_URL = "http://news.example.com"
    subscriber = SubscriberFactory(newsletters=[daily])

    send_issue(issue_id=issue.pk)

    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(
        r"<(https://news\.example\.com/newsletters/unsubscribe/[^>]+/)>",
        headers["List-Unsubscribe"],
    ).group(1)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert read_unsubscribe_token(token) == (subscriber.pk, daily.pk)
    message_bytes = mail.outbox[0].message().as_bytes()
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in message_bytes


def test_every_issue_carries_a_freshly_signed_preference_link(daily, settings, time_machine):
    settings.NEWSLETTER_PREFERENCE_LINK_MAX_AGE = 60 * 86400
    SubscriberFactory(email="ann@example.org", newsletters=[daily])
    article = ArticleFactory()
    time_machine.move_to("2026-01-05 06:00Z")
    send_issue(issue_id=NewsletterIssueFactory(newsletter=daily, articles=[article]).pk)
    time_machine.move_to("2026-04-06 06:00Z")  # three months on
    send_issue(issue_id=NewsletterIssueFactory(newsletter=daily, articles=[article]).pk)

    january, april = (
        re.search(r"/newsletters/preferences/[^/\s]+/", message.body).group(0)
        for message in mail.outbox
    )

    client = Client()
    assert client.get(april).status_code == 200
    assert client.get(january).status_code == 410  # expired: the page offers a fresh link


def test_the_one_click_header_url_unsubscribes_with_a_bare_post(issue, daily):
    subscriber = SubscriberFactory(newsletters=[daily])
    send_issue(issue_id=issue.pk)
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]

    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert Subscriber.objects.get(pk=subscriber.pk).status == Subscriber.Status.UNSUBSCRIBED


def test_draft_articles_are_left_out_of_the_email(daily):
    issue = NewsletterIssueFactory(
        newsletter=daily,
        articles=[ArticleFactory(headline="Out now"), DraftFactory(headline="Embargoed")],
    )
    SubscriberFactory(newsletters=[daily])

    send_issue(issue_id=issue.pk)

    assert "Out now" in mail.outbox[0].body
    assert "Embargoed" not in mail.outbox[0].body


@override_settings(EMAIL_BACKEND="tests.newsletters.test_sending.DyingBackend")
def test_a_send_killed_halfway_resumes_with_exactly_one_email_per_recipient(issue, daily):
    for n in range(25):
        SubscriberFactory(email=f"r{n:02}@example.org", newsletters=[daily])
    DyingBackend.survive = 12

    with pytest.raises(WorkerKilled):
        send_issue(issue_id=issue.pk, batch_size=10)

    assert len(mail.outbox) == 12
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 12
    assert not Delivery.objects.filter(status=Delivery.Status.SENDING).exists()
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SENDING

    DyingBackend.survive = 10_000
    report = send_issue(issue_id=issue.pk, batch_size=10)

    assert report.sent == 25
    assert recipients() == Counter({f"r{n:02}@example.org": 1 for n in range(25)})
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SENT


def test_rows_left_mid_batch_by_a_hard_kill_are_not_sent_again(issue, daily):
    subscribers = [SubscriberFactory(newsletters=[daily]) for _ in range(3)]
    in_doubt = Delivery.objects.create(
        issue=issue, subscriber=subscribers[0], status=Delivery.Status.SENDING, attempts=1
    )

    report = send_issue(issue_id=issue.pk)

    assert subscribers[0].email not in recipients()
    assert len(mail.outbox) == 2
    assert report.in_doubt == 1
    in_doubt.refresh_from_db()
    assert in_doubt.status == Delivery.Status.SENDING
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.PARTLY_FAILED


@override_settings(
    EMAIL_BACKEND="tests.newsletters.test_sending.FlakyBackend", NEWSLETTER_MAX_ATTEMPTS=3
)
def test_failures_are_recorded_per_recipient_and_retried_a_bounded_number_of_times(issue, daily):
    SubscriberFactory(email="ok@example.org", newsletters=[daily])
    SubscriberFactory(email="flaky@example.org", newsletters=[daily])
    SubscriberFactory(email="dead@example.org", newsletters=[daily])
    FlakyBackend.refuse = {"flaky@example.org", "dead@example.org"}
    FlakyBackend.refusals_left = {"flaky@example.org": 1, "dead@example.org": 99}

    report = send_issue(issue_id=issue.pk)

    assert recipients() == Counter({"ok@example.org": 1, "flaky@example.org": 1})
    dead = Delivery.objects.get(subscriber__email="dead@example.org")
    assert dead.status == Delivery.Status.FAILED
    assert dead.attempts == 3
    assert "550" in dead.last_error
    assert Delivery.objects.get(subscriber__email="flaky@example.org").attempts == 2
    assert (report.sent, report.failed) == (2, 1)
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.PARTLY_FAILED


def test_sending_again_after_success_sends_nothing(issue, daily):
    SubscriberFactory(newsletters=[daily])
    send_issue(issue_id=issue.pk)

    send_issue(issue_id=issue.pk)

    assert len(mail.outbox) == 1


def test_start_sending_runs_in_the_background_task_and_only_once(issue, daily):
    SubscriberFactory(newsletters=[daily])

    assert start_sending(issue=issue) is True
    assert start_sending(issue=issue) is False

    assert len(mail.outbox) == 1
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SENT


def test_send_newsletter_command_shows_progress_and_finishes(issue, daily, capsys):
    for _ in range(3):
        SubscriberFactory(newsletters=[daily])

    call_command("send_newsletter", str(issue.pk), "--batch-size", "2")

    out = capsys.readouterr().out
    assert "100% 3/3" in out
    assert "3 sent, 0 failed" in out
    assert len(mail.outbox) == 3


def test_send_newsletter_command_refuses_unknown_and_sent_issues(issue):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no issue"):
        call_command("send_newsletter", "999999")
    NewsletterIssue.objects.filter(pk=issue.pk).update(status="sent")
    with pytest.raises(CommandError, match="already been sent"):
        call_command("send_newsletter", str(issue.pk))


def test_issue_serialised_once_gives_each_recipient_a_complete_correct_message(issue, daily):
    import email

    from newsletters.services.issue_email import personalise, prepare_mime, render_issue

    subscriber = SubscriberFactory(email="ann@example.org", newsletters=[daily])
    rendered = prepare_mime(render_issue(issue))
    assert rendered.mime is not None

    fast = personalise(rendered, subscriber_id=subscriber.pk, email=subscriber.email)
    slow = personalise(render_issue(issue), subscriber_id=subscriber.pk, email=subscriber.email)
    parsed = [email.message_from_bytes(m.message().as_bytes()) for m in (fast, slow)]

    for header in ["To", "From", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post"]:
        assert parsed[0][header] == parsed[1][header]
    assert parsed[0]["Date"] and parsed[0]["Message-ID"]
    assert fast.message()["Message-ID"] != fast.message()["Message-ID"]
    bodies = [
        [part.get_payload(decode=True) for part in m.walk() if not part.is_multipart()]
        for m in parsed
    ]
    assert bodies[0] == bodies[1]
    assert b"\r\n" in fast.message().as_bytes(linesep="\r\n")


def test_unusual_addresses_are_built_in_full(issue, daily):
    from newsletters.services.issue_email import personalise, prepare_mime, render_issue

    rendered = prepare_mime(render_issue(issue))
    message = personalise(rendered, subscriber_id=1, email="o'brien&co@example.org")

    assert message.prepared is None
    assert "o&#x27;brien&amp;co@example.org" in message.alternatives[0][0]


def test_a_scheduled_issue_is_queued_for_its_time_and_sent_then(issue, daily, time_machine):
    from datetime import timedelta

    from django.test import override_settings
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from newsletters.services.sending import schedule
    from newsletters.tasks import send_scheduled_issue_task

    time_machine.move_to("2026-03-01 06:00Z", tick=False)
    SubscriberFactory(newsletters=[daily])
    when = timezone.now() + timedelta(hours=2)

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        assert schedule(issue=issue, when=when) is True

    queued = DBTaskResult.objects.get()
    assert queued.run_after == when
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SCHEDULED
    send_scheduled_issue_task.call(issue.pk)  # a worker that ran early does nothing
    assert mail.outbox == []

    time_machine.move_to(when)
    send_scheduled_issue_task.call(issue.pk)

    assert len(mail.outbox) == 1
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SENT


def test_scheduling_needs_a_backend_that_can_wait(issue):
    from django.utils import timezone

    from newsletters.services.sending import schedule

    assert schedule(issue=issue, when=timezone.now()) is False  # the immediate backend
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.DRAFT


@pytest.mark.parametrize(
    "where",
    ["subject", "preheader", "newsletter name", "sender"],
)
def test_the_sending_service_refuses_a_line_break_in_a_header_and_never_leaves_it_sending(
    issue, daily, settings, where
):
    from newsletters.services.issue_email import UnsendableIssue

    SubscriberFactory(newsletters=[daily])
    if where == "subject":
        NewsletterIssue.objects.filter(pk=issue.pk).update(subject="Hi\r\nBcc: x@example.org")
    elif where == "preheader":
        NewsletterIssue.objects.filter(pk=issue.pk).update(preheader="Hi\nthere")
    elif where == "newsletter name":
        type(daily).objects.filter(pk=daily.pk).update(name="Daily\r\nBcc: x@example.org")
    else:
        settings.DEFAULT_FROM_EMAIL = "News <news@example.org>\r\nBcc: x@example.org"
    # As a worker finds it: moved to "sending" before this rule existed.
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=NewsletterIssue.Status.SENDING)

    with pytest.raises(UnsendableIssue, match=f"The {where}.* contains a line break"):
        send_issue(issue_id=issue.pk)

    assert mail.outbox == []
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.DRAFT


def test_start_sending_refuses_an_issue_with_a_line_break_in_its_subject(issue, daily):
    from newsletters.services.issue_email import UnsendableIssue

    SubscriberFactory(newsletters=[daily])
    NewsletterIssue.objects.filter(pk=issue.pk).update(subject="Hi\nBcc: x@example.org")
    issue.refresh_from_db()

    with pytest.raises(UnsendableIssue):
        start_sending(issue=issue)

    assert mail.outbox == []
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.DRAFT


def test_send_newsletter_command_leaves_an_issue_another_worker_is_sending_to_it(issue, daily):
    from datetime import timedelta

    from django.core.management.base import CommandError
    from django.utils import timezone

    SubscriberFactory(newsletters=[daily])
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status="sending",
        send_lease_owner="web-2:4242:beef",
        send_lease_expires_at=timezone.now() + timedelta(seconds=30),
    )

    with pytest.raises(CommandError, match="being sent by web-2:4242:beef"):
        call_command("send_newsletter", str(issue.pk))

    assert mail.outbox == []


def test_each_message_gets_a_random_boundary_of_its_own_before_it_is_encoded(issue, daily):
    from newsletters.services.issue_email import personalise, render_issue

    rendered = render_issue(issue)
    messages = [personalise(rendered, subscriber_id=n, email="ann@example.org") for n in (1, 2)]
    mimes = [m.message() for m in messages]
    boundaries = [mime.get_boundary() for mime in mimes]

    assert all(re.fullmatch(r"=_nl_[0-9a-f]{32}", b or "") for b in boundaries), boundaries
    assert boundaries[0] != boundaries[1]
    assert f"--{boundaries[0]}--".encode() in mimes[0].as_bytes()


def test_django_mail_backends_send_a_message_serialised_once_as_bytes(issue, daily, tmp_path):
    """A prepared message's message() is our stand-in, not a MIME object: this pins what
    Django's SMTP, console and file backends ask of it."""
    import io

    from django.core.mail import get_connection

    from newsletters.services.issue_email import personalise, prepare_mime, render_issue

    rendered = prepare_mime(render_issue(issue))
    message = personalise(rendered, subscriber_id=1, email="ann@example.org")
    assert message.prepared is not None

    class FakeSMTP:
        def __init__(self):
            self.sent = []

        def sendmail(self, from_addr, to_addrs, msg):
            self.sent.append(msg)

    smtp = get_connection("django.core.mail.backends.smtp.EmailBackend")
    smtp.connection = FakeSMTP()
    assert smtp.send_messages([message]) == 1
    assert b"\r\nTo: ann@example.org\r\n" in smtp.connection.sent[0]

    stream = io.StringIO()
    console = get_connection("django.core.mail.backends.console.EmailBackend", stream=stream)
    assert console.send_messages([message]) == 1
    assert "To: ann@example.org" in stream.getvalue()

    files = get_connection(
        "django.core.mail.backends.filebased.EmailBackend", file_path=str(tmp_path)
    )
    assert files.send_messages([message]) == 1
    assert b"To: ann@example.org" in next(tmp_path.iterdir()).read_bytes()


def smtp_backend(smtp):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp.port,
    )


def without_ids(content: bytes) -> bytes:
    """The message without what is random in each: its id and its MIME boundary."""
    boundary = re.search(rb'boundary="([^"]+)"', content).group(1)
    return re.sub(rb"Message-ID: [^\r\n]+\r\n", b"", content).replace(boundary, b"BOUNDARY")


def test_over_smtp_a_send_puts_on_the_wire_what_djangos_smtp_backend_would(
    issue, daily, time_machine
):
    """The send builds SMTP's bytes itself for plain addresses: pinned to Django's own."""
    from django.core.mail import get_connection

    from newsletters.services.issue_email import personalise, prepare_mime, render_issue
    from tests.processes import SmtpServer

    time_machine.move_to("2026-03-02 06:00Z", tick=False)  # the same Date, the same tokens
    ann = SubscriberFactory(email="ann.lee+news@mail.example.org", newsletters=[daily])
    with SmtpServer() as smtp, smtp_backend(smtp):
        assert send_issue(issue_id=issue.pk).sent == 1
        rendered = prepare_mime(render_issue(issue))
        django_way = personalise(rendered, subscriber_id=ann.pk, email=ann.email)
        assert get_connection().send_messages([django_way]) == 1

    ours, djangos = smtp.messages
    assert ours[:2] == djangos[:2] == ("newsletters@example.com", [ann.email])
    assert without_ids(ours[2]) == without_ids(djangos[2])


def test_over_smtp_an_unusual_address_goes_through_djangos_full_path(issue, daily):
    from newsletters.services.issue_email import prepare_mime, render_issue, smtp_bytes
    from tests.processes import SmtpServer

    rendered = prepare_mime(render_issue(issue))
    for unusual in ["o'brien@example.org", "ann@exämple.org", '"a b"@example.org', ".a@b.org"]:
        assert smtp_bytes(rendered, subscriber_id=1, email=unusual) is None
    SubscriberFactory(email="zoë@exämple.org", newsletters=[daily])
    with SmtpServer() as smtp, smtp_backend(smtp):
        assert send_issue(issue_id=issue.pk).sent == 1

    [(_sender, recipients, content)] = smtp.messages
    assert recipients == ["zoë@xn--exmple-cua.org"]  # the domain in IDNA, as Django puts it
    assert b"\r\nTo: =?utf-8?q?zo=C3=AB?=@xn--exmple-cua.org\r\n" in content


def test_the_email_html_is_joined_into_fewer_lines_that_render_the_same():
    from newsletters.services.issue_email import RECIPIENT, compact_html

    cells = "".join(f"\n    <td>\n      <a href='/{n}'>Story {n}</a>\n    </td>" for n in range(40))
    html = f"<table>\n  <tr>{cells}\n  </tr>\n</table>\n<p>\n  For {RECIPIENT}\n</p>\n"

    compact = compact_html(html)

    lines = compact.split("\n")
    assert len(lines) < 10
    assert max(len(line) for line in lines) <= 900
    assert f"For {RECIPIENT}" in lines  # its own line: the address filled in may be long
    # Whitespace collapsed, as a browser renders it, nothing changed.
    assert re.sub(r"\s+", " ", compact) == re.sub(r"\s+", " ", html).strip()
    preformatted = "<pre>\n  one\n  two\n</pre>"
    assert compact_html(preformatted) == "<pre>\none\ntwo\n</pre>"
