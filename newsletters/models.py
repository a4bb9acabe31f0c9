"""Newsletters, their subscribers, the blocked-domain rule, issues and deliveries.

Each rule's reads sit beside its model: Subscriber.Status with its querysets (the writes
are newsletters.services.subscribers.change_status), `domains_blocking` / BlockList (a
blocked domain blocks its subdomains too), the issue statuses, and one Delivery row per
recipient of an issue (unique per issue and subscriber).
"""

import re
from dataclasses import dataclass
from datetime import datetime
from html import unescape
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks, strip_tags

from articles.models import Article
from articles.sanitize import clean_body
from newsroom.lib.email_addresses import normalise_email
from newsroom.lib.signing import make_preferences_token


def has_line_break(value: str) -> bool:
    return "\r" in value or "\n" in value


def validate_one_line(value: str) -> None:
    """Text that goes into an email header: a line break there would start a new header."""
    if has_line_break(value):
        raise ValidationError(
            "Keep this on one line: a line break would break the email's headers.",
            code="line_break",
        )


# First parts of /newsletters/ addresses that take a second part, which a newsletter's own
# addresses (/newsletters/<slug>/archive/) would collide with.
RESERVED_SLUGS = frozenset({"join", "confirm", "preferences", "unsubscribe"})


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            "This address is taken by the newsletter pages; choose another.", code="reserved"
        )


# Languages a newsletter's greeting may be in (the issues themselves are in English).
ISSUE_LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
]


RICH_TEXT_START = re.compile(r"\s*<(p|ul|ol|blockquote|h2|h3)[\s>]")


def clean_intro(value: str) -> str:
    """An issue's introduction as the article sanitiser's HTML; plain text becomes paragraphs.

    The rich editor always sends block elements; anything else is text typed before the
    introduction was rich (or by a script), escaped as such.
    """
    if value and not RICH_TEXT_START.match(value):
        value = linebreaks(value, autoescape=True)
    return clean_body(value)


def html_to_text(html: str) -> str:
    """Rich text for the email's text part: paragraphs, list points and links kept readable."""
    text = re.sub(
        r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>',
        lambda m: m.group(2) if m.group(1) in m.group(2) else f"{m.group(2)} ({m.group(1)})",
        html,
        flags=re.S,
    )
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = re.sub(r"</(p|li|ul|ol|blockquote|h2|h3)>", "\n\n", text)
    text = unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()


class NewsletterQuerySet(models.QuerySet["Newsletter"]):
    def active(self) -> "NewsletterQuerySet":
        return self.filter(is_active=True)

    def for_masthead(self) -> "NewsletterQuerySet":
        """What the signup box in the site's chrome subscribes people to."""
        return self.active().filter(in_masthead=True)

    def for_series(self, series_id: int) -> "NewsletterQuerySet":
        return self.active().filter(series_id=series_id)

    def with_subscriber_counts(self) -> "NewsletterQuerySet":
        confirmed = models.Q(
            subscriptions__subscriber__status=Subscriber.Status.CONFIRMED,
        )
        pending = models.Q(subscriptions__subscriber__status=Subscriber.Status.PENDING)
        return self.annotate(
            confirmed_count=models.Count("subscriptions", filter=confirmed),
            pending_count=models.Count("subscriptions", filter=pending),
        )


class Newsletter(models.Model):
    class Cadence(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    name = models.CharField(
        max_length=150,
        validators=[validate_one_line],
        help_text='As readers see it, e.g. "Worldcrunch Today".',
    )
    slug = models.SlugField(
        max_length=100,
        unique=True,
        validators=[validate_not_reserved],
        help_text="Used in addresses and forms.",
    )
    description = models.TextField(
        help_text="One or two sentences on the signup page: what arrives and how often."
    )
    cadence = models.CharField(max_length=10, choices=Cadence.choices, default=Cadence.DAILY)
    series = models.ForeignKey(
        "articles.Series",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletters",
        help_text="The series whose articles offer this newsletter in a signup box.",
    )
    in_masthead = models.BooleanField(
        "signup box in the masthead",
        default=False,
        help_text="The signup box at the top of every page subscribes readers to this.",
    )
    is_active = models.BooleanField(
        default=True, help_text="Inactive newsletters are hidden from readers and cannot be sent."
    )
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")
    greeting = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_one_line],
        help_text='The first line of every issue, above the introduction, e.g. "Bonjour!" '
        "Leave empty for none.",
    )
    language = models.CharField(
        "the greeting's language",
        max_length=10,
        choices=ISSUE_LANGUAGES,
        default="en",
        help_text="So that screen readers and translation tools read the greeting in its own "
        "language (the issues themselves are in English).",
    )

    objects = NewsletterQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_archive_url(self) -> str:
        return reverse("newsletters:archive", kwargs={"slug": self.slug})


class SubscriberQuerySet(models.QuerySet["Subscriber"]):
    def confirmed(self) -> "SubscriberQuerySet":
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def subscribed(self) -> "SubscriberQuerySet":
        """Confirmed or awaiting confirmation: everyone who has not unsubscribed."""
        return self.filter(status__in=[Subscriber.Status.PENDING, Subscriber.Status.CONFIRMED])

    def receiving(self, newsletter: "Newsletter | int") -> "SubscriberQuerySet":
        """Who gets an issue of this newsletter: confirmed subscribers to it, nobody else."""
        return self.confirmed().filter(subscriptions__newsletter=newsletter)

    def with_email(self, email: str) -> "SubscriberQuerySet":
        return self.filter(email=normalise_email(email))


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    email = models.EmailField(max_length=254, help_text="Stored trimmed and lower-cased.")
    # Written only by newsletters.services.subscribers.change_status.
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    # The consent record: what the reader agreed to, where and when.
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_text = models.TextField(blank=True, help_text="The wording shown next to the form.")
    consent_source = models.CharField(
        max_length=500, blank=True, help_text="The page the form was on, or the import it came in."
    )
    consent_ip_hash = models.CharField(
        "consent IP hash",
        max_length=64,
        blank=True,
        help_text="A keyed hash of the reader's IP address; the address itself is never stored.",
    )

    newsletters: "models.ManyToManyField[Newsletter, Subscription]" = models.ManyToManyField(
        Newsletter, through="Subscription", related_name="subscribers", blank=True
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_subscriber_email_ci"),
        ]

    def __str__(self) -> str:
        return self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_unsubscribed(self) -> bool:
        return self.status == self.Status.UNSUBSCRIBED

    def preferences_path(self) -> str:
        """A freshly signed link to this subscriber's preference centre (it expires)."""
        return reverse("newsletters:preferences", args=[make_preferences_token(self.pk)])


class Subscription(models.Model):
    """A subscriber's choice of one newsletter."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter"], name="unique_subscription")
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.newsletter}"


def normalise_domain(domain: str) -> str:
    """A mail domain as entries are stored: "@Mailinator.COM." is "mailinator.com"."""
    return domain.strip().lower().lstrip("@").rstrip(".")


def domains_blocking(email: str) -> list[str]:
    """The entries that block an address: its domain and every parent of it, up to and
    including its top-level domain ("a@eu.mailinator.com": "eu.mailinator.com",
    "mailinator.com", "com"). So an entry blocks its subdomains, and an entry such as
    "xyz" blocks a whole top-level domain, as staff who type one mean it to."""
    domain = normalise_domain(normalise_email(email).rpartition("@")[2])
    if not domain:
        return []
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


@dataclass(frozen=True)
class BlockList:
    """The blocked domains read once, for checking many addresses (a CSV import)."""

    domains: frozenset[str]

    def blocks(self, email: str) -> bool:
        return any(domain in self.domains for domain in domains_blocking(email))


class BlockedDomainQuerySet(models.QuerySet["BlockedDomain"]):
    def blocks(self, email: str) -> bool:
        """True when an entry blocks this address (the rule: `domains_blocking`)."""
        candidates = domains_blocking(email)
        return bool(candidates) and self.filter(domain__in=candidates).exists()

    def block_list(self) -> BlockList:
        return BlockList(domains=frozenset(self.values_list("domain", flat=True)))


class BlockedDomain(models.Model):
    """A mail domain that may not sign up (disposable-address services, abuse sources)."""

    domain = models.CharField(
        max_length=253,
        unique=True,
        help_text="e.g. mailinator.com. Its subdomains are blocked too.",
    )
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlockedDomainQuerySet.as_manager()

    class Meta:
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)


class NewsletterIssueQuerySet(models.QuerySet["NewsletterIssue"]):
    def sent(self) -> "NewsletterIssueQuerySet":
        """Issues that went out to readers: the archive and the feed show these, nothing else.
        A partly failed issue reached most of its readers, so it counts as sent."""
        return self.filter(
            status__in=[NewsletterIssue.Status.SENT, NewsletterIssue.Status.PARTLY_FAILED],
            sent_at__isnull=False,
        )

    def for_archive(self) -> "NewsletterIssueQuerySet":
        """Sent issues newest first, each with its stories that are still published."""
        stories = IssueArticle.objects.filter(
            article__in=Article.objects.published()
        ).select_related("article")
        return (
            self.sent()
            .select_related("newsletter")
            .prefetch_related(models.Prefetch("items", queryset=stories, to_attr="stories"))
            .order_by("-sent_at", "-pk")
        )

    def free_to_send(self, now: datetime) -> "NewsletterIssueQuerySet":
        """Issues any worker may start sending: nobody holds the lease, or its holder died."""
        return self.filter(models.Q(send_lease_owner="") | models.Q(send_lease_expires_at__lt=now))

    def interrupted(self, now: datetime) -> "NewsletterIssueQuerySet":
        """Issues left "sending" that no worker is sending: its lease ran out, or none took it."""
        return self.filter(status=NewsletterIssue.Status.SENDING).filter(
            models.Q(send_lease_expires_at__isnull=True) | models.Q(send_lease_expires_at__lt=now)
        )


class NewsletterIssue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        PARTLY_FAILED = "partly_failed", "Partly failed"

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    subject = models.CharField(
        max_length=200, validators=[validate_one_line], help_text="The email's subject line."
    )
    preheader = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_one_line],
        help_text="The preview line inbox apps show after the subject.",
    )
    intro = models.TextField(
        blank=True,
        help_text="A few sentences from the editors, before the stories: bold, italic, links "
        "and lists.",
    )
    articles: "models.ManyToManyField[Article, IssueArticle]" = models.ManyToManyField(
        "articles.Article", through="IssueArticle", related_name="newsletter_issues", blank=True
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    scheduled_for = models.DateTimeField(
        null=True, blank=True, help_text="When a scheduled issue goes out."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    send_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The send lease: the worker sending the issue renews it as it goes. When it runs out,
    # the worker is taken for dead and another one resumes the send.
    send_lease_owner = models.CharField(
        max_length=100, blank=True, help_text="The worker sending this issue, while it sends."
    )
    send_lease_expires_at = models.DateTimeField(
        null=True, blank=True, help_text="Until when that worker counts as alive."
    )

    objects = NewsletterIssueQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "issue"

    def __str__(self) -> str:
        return self.subject

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.intro = clean_intro(self.intro)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The edition's page in its newsletter's archive (sent issues only are shown)."""
        return reverse("newsletters:edition", kwargs={"slug": self.newsletter.slug, "pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_unsent(self) -> bool:
        """A draft or a scheduled issue: nobody has been sent it yet."""
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    @property
    def is_sending(self) -> bool:
        return self.status == self.Status.SENDING

    @property
    def is_partly_failed(self) -> bool:
        return self.status == self.Status.PARTLY_FAILED

    def get_preview_url(self) -> str:
        return reverse("admin:newsletters_newsletterissue_preview", args=[self.pk])

    @property
    def intro_text(self) -> str:
        """The introduction for the email's text part."""
        return html_to_text(self.intro)


class IssueArticle(models.Model):
    """One story in an issue; position sets the order."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey("articles.Article", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "article"], name="unique_article_per_issue")
        ]
        verbose_name = "story"

    def __str__(self) -> str:
        return str(self.article)


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def counts(self) -> dict[str, int]:
        """How many deliveries are in each state, with every state present."""
        counts = dict.fromkeys(Delivery.Status.values, 0)
        for row in self.values("status").annotate(n=models.Count("pk")).order_by():
            counts[row["status"]] = row["n"]
        return counts


class Delivery(models.Model):
    """One issue to one subscriber. Unique, so a resumed send never mails anyone twice."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        SENDING = "sending", "Handed to the mail server"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="unique_delivery")
        ]
        indexes = [models.Index(fields=["issue", "status"])]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.issue} → {self.subscriber}"
