"""Rendering an issue and sending it to the confirmed subscribers of its newsletter.

An issue is rendered once; each recipient's copy differs only in its signed links and
address, swapped in by string replacement. Deliveries are claimed a batch at a time
(status "sending") before they are handed to the mail server and marked sent or failed
right after, also when the send is interrupted. Only a hard kill in the middle of a
batch can leave rows "sending": those are reported, never re-sent on their own, so
nobody gets an issue twice.
"""

import dataclasses
import email as email_lib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from articles.models import Article
from newsroom.lib.signing import make_preferences_token, make_unsubscribe_token
from newsroom.lib.urls import absolute_url

from ..models import Delivery, Newsletter, NewsletterIssue, Subscriber

logger = logging.getLogger(__name__)

# Stand-ins put into the rendered issue and replaced per recipient. Plain letters and
# dashes, so neither HTML escaping nor URL building alters them.
PREFERENCES_TOKEN = "nl-preferences-token-placeholder"
UNSUBSCRIBE_TOKEN = "nl-unsubscribe-token-placeholder"
RECIPIENT = "nl-recipient-address-placeholder"


def https_url(url: str) -> str:
    """RFC 8058 requires an HTTPS List-Unsubscribe address for one-click unsubscribe."""
    return "https://" + url.split("://", 1)[1] if url.startswith("http://") else url


class PreparedMIME:
    """A message already serialised to bytes, standing in for the MIME object that
    EmailMessage.message() returns (mail backends call as_bytes on it)."""

    def __init__(self, data: bytes):
        self._data = data

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self._data if linesep == "\n" else self._data.replace(b"\n", linesep.encode())

    def as_string(self, unixfrom=False, linesep="\n"):
        return self.as_bytes(linesep=linesep).decode("utf-8", "surrogateescape")

    def get_charset(self):
        return None

    def __getattr__(self, name):  # anything else: a parsed copy answers
        return getattr(email_lib.message_from_bytes(self._data), name)

    def __getitem__(self, name):
        return email_lib.message_from_bytes(self._data)[name]


class NewsletterEmail(EmailMultiAlternatives):
    """A newsletter email: multipart, and quick to build in the hundred thousands.

    Python's email generator compiles a fresh regular expression per message to prove its
    random boundary is absent from the body; 128 random bits make that proof unnecessary.
    When the issue was serialised once (see prepare_mime), message() only fills in this
    recipient's address, links, date and id, instead of building and encoding it again.
    """

    prepared: bytes | None = None

    def _create_alternatives(self, msg):
        msg = super()._create_alternatives(msg)
        if msg.is_multipart() and msg.get_boundary() is None:
            msg.set_boundary(f"=_nl_{secrets.token_hex(16)}")
        return msg

    def message(self):
        if self.prepared is None:
            return super().message()
        head = (
            f"Date: {formatdate(localtime=settings.EMAIL_USE_LOCALTIME)}\n"
            f"Message-ID: {make_msgid(domain=DNS_NAME)}\n"
        ).encode()
        return PreparedMIME(head + self.prepared)


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str
    newsletter_id: int
    list_id: str
    unsubscribe_url: str  # with the placeholder token
    mime: bytes | None = None  # the whole message serialised, placeholders in place


def prepare_mime(rendered: RenderedEmail) -> RenderedEmail:
    """Serialise the issue once with placeholders, to be filled per recipient as bytes.

    Only when every placeholder survives encoding verbatim (7bit/8bit bodies, unfolded
    headers); otherwise each message is built in full, which is slower but as correct.
    """
    sample = personalise(rendered, subscriber_id=0, email=RECIPIENT)
    sample.body = rendered.text
    sample.alternatives = []
    sample.attach_alternative(rendered.html, "text/html")
    sample.extra_headers["List-Unsubscribe"] = f"<{rendered.unsubscribe_url}>"
    mime = sample.message()
    del mime["Date"]
    del mime["Message-ID"]
    data = mime.as_bytes()
    expected = {
        PREFERENCES_TOKEN: rendered.text.count(PREFERENCES_TOKEN)
        + rendered.html.count(PREFERENCES_TOKEN),
        UNSUBSCRIBE_TOKEN: rendered.text.count(UNSUBSCRIBE_TOKEN)
        + rendered.html.count(UNSUBSCRIBE_TOKEN)
        + 1,
        RECIPIENT: rendered.text.count(RECIPIENT) + rendered.html.count(RECIPIENT) + 1,
    }
    if all(data.count(p.encode()) == n for p, n in expected.items()):
        return dataclasses.replace(rendered, mime=data)
    return rendered


def _fills_verbatim(address: str) -> bool:
    """An address that reads the same in headers, text and HTML (nearly all of them)."""
    return address.isascii() and not any(c in address for c in "&<>\"'\r\n")


def list_id(newsletter: Newsletter) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{newsletter.name} <{newsletter.slug}.newsletters.{host}>"


def compact_html(html: str) -> str:
    """Drop template indentation and blank lines: smaller emails, faster to encode."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def render_issue(issue: NewsletterIssue) -> RenderedEmail:
    """The issue as email text and HTML, with placeholders for each recipient's links."""
    items = list(
        issue.items.select_related("article__section", "article__series").order_by("position", "pk")
    )
    published = set(
        Article.objects.published()
        .filter(pk__in=[i.article_id for i in items])
        .values_list("pk", flat=True)
    )
    stories = []
    for item in items:
        article = item.article
        if article.pk not in published:
            continue
        stories.append(
            {
                "headline": article.headline,
                "dek": article.dek,
                "url": absolute_url(article.get_absolute_url()),
                "label": article.series.display_label if article.series else article.section.name,
                "image_url": absolute_url(article.lead_image_url()) if article.lead_image else "",
                "image_alt": article.lead_image_alt,
            }
        )
    preferences_url = absolute_url(reverse("newsletters:preferences", args=[PREFERENCES_TOKEN]))
    unsubscribe_url = absolute_url(reverse("newsletters:unsubscribe", args=[UNSUBSCRIBE_TOKEN]))
    context = {
        "issue": issue,
        "newsletter": issue.newsletter,
        "stories": stories,
        "preferences_url": preferences_url,
        "unsubscribe_url": unsubscribe_url,
        "recipient": RECIPIENT,
        "site_url": settings.SITE_URL,
        "site_name": settings.SITE_NAME,
        "newsletters_url": absolute_url(reverse("newsletters:list")),
    }
    return RenderedEmail(
        subject=issue.subject,
        text=render_to_string("newsletters/email/issue.txt", context),
        html=compact_html(render_to_string("newsletters/email/issue.html", context)),
        newsletter_id=issue.newsletter_id,
        list_id=list_id(issue.newsletter),
        unsubscribe_url=https_url(unsubscribe_url),
    )


def personalise(
    rendered: RenderedEmail,
    *,
    subscriber_id: int,
    email: str,
    connection=None,
    subject_prefix: str = "",
) -> EmailMultiAlternatives:
    """One recipient's copy: their address and their own signed links."""
    preferences = make_preferences_token(subscriber_id)
    unsubscribe = make_unsubscribe_token(subscriber_id, rendered.newsletter_id)

    def fill(body: str, address: str) -> str:
        return (
            body.replace(PREFERENCES_TOKEN, preferences)
            .replace(UNSUBSCRIBE_TOKEN, unsubscribe)
            .replace(RECIPIENT, address)
        )

    unsubscribe_url = rendered.unsubscribe_url.replace(UNSUBSCRIBE_TOKEN, unsubscribe)
    message = NewsletterEmail(
        subject=subject_prefix + rendered.subject,
        body=fill(rendered.text, email),
        to=[email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": rendered.list_id,
        },
    )
    message.attach_alternative(fill(rendered.html, escape(email)), "text/html")
    if rendered.mime is not None and not subject_prefix and _fills_verbatim(email):
        message.prepared = (
            rendered.mime.replace(PREFERENCES_TOKEN.encode(), preferences.encode())
            .replace(UNSUBSCRIBE_TOKEN.encode(), unsubscribe.encode())
            .replace(RECIPIENT.encode(), email.encode())
        )
    return message


@dataclass
class SendReport:
    issue_id: int
    total: int = 0
    sent: int = 0
    failed: int = 0
    in_doubt: int = 0
    remaining: int = 0
    status: str = ""


def delivery_report(issue: NewsletterIssue) -> SendReport:
    counts = issue.deliveries.counts()
    return SendReport(
        issue_id=issue.pk,
        total=sum(counts.values()),
        sent=counts[Delivery.Status.SENT],
        failed=counts[Delivery.Status.FAILED],
        in_doubt=counts[Delivery.Status.SENDING],
        remaining=counts[Delivery.Status.PENDING],
        status=issue.status,
    )


def create_deliveries(issue: NewsletterIssue, *, chunk: int = 5000) -> int:
    """A Delivery row for every confirmed subscriber who has none yet; returns how many."""
    recipients = Subscriber.objects.receiving(issue.newsletter_id).order_by("pk")
    created, last_pk = 0, 0
    while True:
        ids = list(recipients.filter(pk__gt=last_pk).values_list("pk", flat=True)[:chunk])
        if not ids:
            return created
        last_pk = ids[-1]
        rows = Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber_id=pk) for pk in ids],
            ignore_conflicts=True,
            batch_size=1000,
        )
        created += len(rows)


def start_sending(*, issue: NewsletterIssue, now=None) -> bool:
    """Move a draft or scheduled issue to "sending" and queue the background send.

    Returns False when the issue was already sending or sent, so a double click sends once.
    """
    from ..tasks import send_issue_task

    now = now or timezone.now()
    changed = NewsletterIssue.objects.filter(
        pk=issue.pk,
        status__in=[NewsletterIssue.Status.DRAFT, NewsletterIssue.Status.SCHEDULED],
        newsletter__is_active=True,
    ).update(status=NewsletterIssue.Status.SENDING, send_started_at=now)
    if changed:
        send_issue_task.enqueue(issue.pk)
    return bool(changed)


def schedule(*, issue: NewsletterIssue, when) -> bool:
    """Queue the send for later; the worker starts it at that time. False when the task
    backend cannot run work later, or the issue is no longer a draft."""
    from ..tasks import send_scheduled_issue_task

    if not send_scheduled_issue_task.get_backend().supports_defer:
        return False
    changed = NewsletterIssue.objects.filter(
        pk=issue.pk, status=NewsletterIssue.Status.DRAFT
    ).update(status=NewsletterIssue.Status.SCHEDULED, scheduled_for=when)
    if changed:
        send_scheduled_issue_task.using(run_after=when).enqueue(issue.pk)
    return bool(changed)


def retry_failed(*, issue: NewsletterIssue) -> int:
    """Give failed deliveries a fresh set of attempts and queue the send again."""
    from ..tasks import send_issue_task

    count = issue.deliveries.filter(status=Delivery.Status.FAILED).update(
        status=Delivery.Status.PENDING, attempts=0, last_error=""
    )
    if count:
        NewsletterIssue.objects.filter(pk=issue.pk).update(status=NewsletterIssue.Status.SENDING)
        send_issue_task.enqueue(issue.pk)
    return count


def resume(*, issue: NewsletterIssue) -> None:
    """Queue the send again for an issue left "sending" (e.g. after the worker stopped)."""
    from ..tasks import send_issue_task

    send_issue_task.enqueue(issue.pk)


def _claim_batch(issue_id: int, after_pk: int, size: int) -> list[tuple[int, int, str]]:
    with transaction.atomic():
        rows = list(
            Delivery.objects.filter(
                issue_id=issue_id, status=Delivery.Status.PENDING, pk__gt=after_pk
            )
            .order_by("pk")
            .select_for_update(skip_locked=True, of=("self",))
            .values_list("pk", "subscriber_id", "subscriber__email")[:size]
        )
        if rows:
            Delivery.objects.filter(pk__in=[r[0] for r in rows]).update(
                status=Delivery.Status.SENDING, attempts=F("attempts") + 1
            )
    return rows


def _settle(
    batch: list[tuple[int, int, str]],
    sent: list[int],
    failures: dict[int, str],
    max_attempts: int,
) -> None:
    """Record what happened to a claimed batch; rows never tried go back to waiting."""
    now = timezone.now()
    if sent:
        Delivery.objects.filter(pk__in=sent).update(
            status=Delivery.Status.SENT, sent_at=now, last_error=""
        )
    for pk, error in failures.items():
        Delivery.objects.filter(pk=pk, attempts__lt=max_attempts).update(
            status=Delivery.Status.PENDING, last_error=error[:500]
        )
        Delivery.objects.filter(pk=pk, attempts__gte=max_attempts).update(
            status=Delivery.Status.FAILED, last_error=error[:500]
        )
    done = set(sent) | set(failures)
    untried = [row[0] for row in batch if row[0] not in done]
    if untried:
        Delivery.objects.filter(pk__in=untried).update(
            status=Delivery.Status.PENDING, attempts=F("attempts") - 1
        )


def send_issue(
    *,
    issue_id: int,
    batch_size: int | None = None,
    max_attempts: int | None = None,
    on_progress: Callable[[SendReport], None] | None = None,
    connection=None,
) -> SendReport:
    """Send an issue to every confirmed subscriber of its newsletter who has not had it.

    Safe to run again after a crash: it carries on where the last run stopped.
    """
    batch_size = batch_size or settings.NEWSLETTER_BATCH_SIZE
    max_attempts = max_attempts or settings.NEWSLETTER_MAX_ATTEMPTS
    issue = NewsletterIssue.objects.select_related("newsletter").get(pk=issue_id)
    if issue.status == NewsletterIssue.Status.SENT:
        return delivery_report(issue)
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENDING,
        send_started_at=issue.send_started_at or timezone.now(),
    )
    create_deliveries(issue)
    rendered = prepare_mime(render_issue(issue))
    report = delivery_report(issue)
    if on_progress:
        on_progress(report)

    connection = connection or get_connection()
    # One sweep tries every waiting delivery once; failures wait for the next sweep.
    for _sweep in range(max_attempts):
        last_pk = 0
        while batch := _claim_batch(issue.pk, last_pk, batch_size):
            last_pk = batch[-1][0]
            sent, failures = [], {}
            try:
                connection.open()
                for pk, subscriber_id, email in batch:
                    message = personalise(
                        rendered, subscriber_id=subscriber_id, email=email, connection=connection
                    )
                    try:
                        if connection.send_messages([message]):
                            sent.append(pk)
                        else:
                            failures[pk] = "The mail server accepted no recipient."
                    except Exception as exc:  # one bad recipient must not stop the rest
                        logger.warning("Delivery %s failed: %s", pk, exc)
                        failures[pk] = f"{type(exc).__name__}: {exc}"
                        connection.close()
                        connection.open()
            finally:
                _settle(batch, sent, failures, max_attempts)
                connection.close()
            report.sent += len(sent)
            report.remaining -= len(sent)
            if on_progress:
                on_progress(report)
        if not issue.deliveries.filter(status=Delivery.Status.PENDING).exists():
            break

    report = delivery_report(issue)
    clean = report.failed == 0 and report.in_doubt == 0 and report.remaining == 0
    issue.status = NewsletterIssue.Status.SENT if clean else NewsletterIssue.Status.PARTLY_FAILED
    issue.sent_at = timezone.now()
    issue.save(update_fields=["status", "sent_at"])
    report.status = issue.status
    if on_progress:
        on_progress(report)
    return report


def send_test(*, issue: NewsletterIssue, to: str) -> None:
    """The issue as subscribers will see it, to one editor. Its links point nowhere real."""
    message = personalise(render_issue(issue), subscriber_id=0, email=to, subject_prefix="[Test] ")
    message.send()
