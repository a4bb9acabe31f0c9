"""An issue as email: rendered once, then each subscriber's copy filled in.

render_issue() renders the issue's text and HTML once, with placeholders for each
recipient's address and signed links (preferences, one-click unsubscribe); personalise()
makes one recipient's EmailMessage, and for a plain address over SMTP, smtp_bytes() the
message's bytes by filling in the issue serialised once (prepare_mime). check_sendable()
refuses an issue whose text would break the email's headers. Sending it to the
subscribers is services/sending.py.
"""

import dataclasses
import email as email_lib
import re
import secrets
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import Message
from email.utils import formatdate, make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article
from newsroom.lib.signing import make_preferences_token, make_unsubscribe_token
from newsroom.lib.urls import absolute_url

from ..models import Newsletter, NewsletterIssue, has_line_break

# Stand-ins put into the rendered issue and replaced per recipient. Plain letters and
# dashes, so neither HTML escaping nor URL building alters them.
PREFERENCES_TOKEN = "nl-preferences-token-placeholder"
UNSUBSCRIBE_TOKEN = "nl-unsubscribe-token-placeholder"
RECIPIENT = "nl-recipient-address-placeholder"
PLACEHOLDERS = re.compile(f"({PREFERENCES_TOKEN}|{UNSUBSCRIBE_TOKEN}|{RECIPIENT})".encode())

# An address whose SMTP envelope form is itself (Django's sanitize_address returns it
# unchanged) and that reads the same in headers, text and HTML: a dot-atom of ASCII
# letters, digits and ._%+- on each side of the @. Anything else takes Django's full path.
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*")


def https_url(url: str) -> str:
    """RFC 8058 requires an HTTPS List-Unsubscribe address for one-click unsubscribe."""
    return "https://" + url.split("://", 1)[1] if url.startswith("http://") else url


class PreparedMIME:
    """A message already serialised to bytes, standing in for the MIME object that
    EmailMessage.message() returns (mail backends call as_bytes on it)."""

    def __init__(self, data: bytes):
        self._data = data

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        return self._data if linesep == "\n" else self._data.replace(b"\n", linesep.encode())

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8", "surrogateescape")

    def get_charset(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:  # anything else: a parsed copy answers
        return getattr(email_lib.message_from_bytes(self._data), name)

    def __getitem__(self, name: str) -> Any:
        return email_lib.message_from_bytes(self._data)[name]


class NewsletterEmail(EmailMultiAlternatives):
    """A newsletter email: multipart, and quick to build in the hundred thousands.

    Python's email generator compiles a fresh regular expression per message to prove its
    random boundary is absent from the body; 128 random bits make that proof unnecessary.
    When the issue was serialised once (see prepare_mime), message() only fills in this
    recipient's address, links, date and id, instead of building and encoding it again.
    """

    prepared: bytes | None = None

    def message(self) -> Any:  # a PreparedMIME stands in for the MIME object
        if self.prepared is None:
            return with_random_boundaries(super().message())
        return PreparedMIME(fresh_headers("\n") + self.prepared)


def fresh_headers(linesep: str) -> bytes:
    """The headers each message has of its own: its date and its id."""
    return (
        f"Date: {formatdate(localtime=settings.EMAIL_USE_LOCALTIME)}{linesep}"
        f"Message-ID: {make_msgid(domain=DNS_NAME)}{linesep}"
    ).encode()


def with_random_boundaries(mime: Message) -> Message:
    """The MIME message with a random boundary on every multipart part still without one.

    Set on the message() that EmailMessage returns (public API), before it is encoded, so
    the generator takes it as given instead of proving a boundary of its own absent.
    """
    for part in mime.walk():
        if part.is_multipart() and part.get_boundary() is None:
            part.set_boundary(f"=_nl_{secrets.token_hex(16)}")
    return mime


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str
    newsletter_id: int
    list_id: str
    unsubscribe_url: str  # with the placeholder token
    mime: bytes | None = None  # the whole message serialised, placeholders in place
    # The same with SMTP's CRLF line ends, split at the placeholders (odd items).
    smtp_parts: tuple[bytes, ...] | None = None


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
        smtp_parts = tuple(PLACEHOLDERS.split(data.replace(b"\n", b"\r\n")))
        return dataclasses.replace(rendered, mime=data, smtp_parts=smtp_parts)
    return rendered


def _fills_verbatim(address: str) -> bool:
    """An address that reads the same in headers, text and HTML (nearly all of them)."""
    return address.isascii() and not any(c in address for c in "&<>\"'\r\n")


def list_id(newsletter: Newsletter) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{newsletter.name} <{newsletter.slug}.newsletters.{host}>"


def compact_html(html: str, *, width: int = 900) -> str:
    """Drop template indentation and blank lines, and join lines up to `width` characters:
    smaller emails with fewer lines, each of which the mail server reads on its own.

    A line break and a space render alike in HTML, except in preformatted text (there each
    line is kept). RFC 5322 allows 998 characters a line: a line with a placeholder stays
    on its own, since the address or link filled in may be longer.
    """
    lines = [line.strip() for line in html.splitlines() if line.strip()]
    if any(tag in html for tag in ("<pre", "<textarea", "<script", "white-space")):
        return "\n".join(lines)
    joined: list[str] = []
    alone = False  # the line before holds a placeholder
    for line in lines:
        placeholder = any(p in line for p in (PREFERENCES_TOKEN, UNSUBSCRIBE_TOKEN, RECIPIENT))
        if joined and not (alone or placeholder) and len(joined[-1]) + 1 + len(line) <= width:
            joined[-1] += " " + line
        else:
            joined.append(line)
        alone = placeholder
    return "\n".join(joined)


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
    connection: BaseEmailBackend | None = None,
    subject_prefix: str = "",
) -> EmailMultiAlternatives:
    """One recipient's copy: their address and their own signed links."""
    preferences, unsubscribe = _signed_links(rendered, subscriber_id)

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
        parts = PLACEHOLDERS.split(rendered.mime)
        message.prepared = _filled(parts, preferences, unsubscribe, email)
    return message


def _signed_links(rendered: RenderedEmail, subscriber_id: int) -> tuple[str, str]:
    """The recipient's preference and unsubscribe tokens."""
    return (
        make_preferences_token(subscriber_id),
        make_unsubscribe_token(subscriber_id, rendered.newsletter_id),
    )


def smtp_bytes(rendered: RenderedEmail, *, subscriber_id: int, email: str) -> bytes | None:
    """One recipient's copy as Django's SMTP backend would send it (CRLF line ends),
    filled in from the serialised issue; None when the address needs the full path."""
    if rendered.smtp_parts is None or not PLAIN_ADDRESS.fullmatch(email):
        return None
    preferences, unsubscribe = _signed_links(rendered, subscriber_id)
    return fresh_headers("\r\n") + _filled(rendered.smtp_parts, preferences, unsubscribe, email)


def _filled(parts: Sequence[bytes], preferences: str, unsubscribe: str, email: str) -> bytes:
    """The serialised issue split at its placeholders (odd items), filled in for one
    recipient."""
    values = {
        PREFERENCES_TOKEN.encode(): preferences.encode(),
        UNSUBSCRIBE_TOKEN.encode(): unsubscribe.encode(),
        RECIPIENT.encode(): email.encode(),
    }
    return b"".join(values[part] if n % 2 else part for n, part in enumerate(parts))


def send_over_smtp(backend: SMTPBackend, *, sender: str, recipient: str, data: bytes) -> bool:
    """What Django's SMTP backend does for one message (smtplib's sendmail on its open
    connection), without parsing the sender and a plain recipient again for each."""
    if backend.connection is None:  # open() failed silently (fail_silently)
        return False
    try:
        backend.connection.sendmail(sender, [recipient], data)
    except smtplib.SMTPException:
        if not backend.fail_silently:
            raise
        return False
    return True


class UnsendableIssue(ValueError):
    """An issue whose text would break the email's headers; it is refused before any send."""


def header_problems(issue: NewsletterIssue) -> list[str]:
    """What stops the issue going out: a line break where the email needs one line."""
    one_line = {
        "subject": issue.subject,
        "preheader": issue.preheader,
        "newsletter name": issue.newsletter.name,
        "sender (DEFAULT_FROM_EMAIL)": settings.DEFAULT_FROM_EMAIL,
    }
    return [
        f"The {label} contains a line break; keep it on one line."
        for label, value in one_line.items()
        if has_line_break(value)
    ]


def check_sendable(issue: NewsletterIssue) -> None:
    if problems := header_problems(issue):
        raise UnsendableIssue(" ".join(problems))
