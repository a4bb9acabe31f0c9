"""Stories arriving on the desk: pasted by an editor or polled from a feed.

One original URL, normalised, is one story: the same story arriving again updates its
original instead of making a second candidate. When the original's text changes after its
translation was published, the old text is kept (SourceStoryRevision) and the story
becomes outdated, so the editor and translator see what changed.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import IntegrityError, transaction

from articles.models import Source

from ..models import SourceFeed, SourceStory, SourceStoryRevision
from ..text import html_from_plain_text, plain_text
from .stories import Actor, change_state

State = SourceStory.State

# Query parameters that only say how a reader arrived: the same story without them.
TRACKING_PARAMETERS = {"fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "xtor", "cmpid"}
DEFAULT_PORTS = {"http": "80", "https": "443"}


def normalise_url(url: str) -> str:
    """The original's address as one story: lower-case host, no fragment, no tracking."""
    parts = urlsplit((url or "").strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    netloc = host
    if parts.port and str(parts.port) != DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMETERS
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


@dataclass(frozen=True)
class Original:
    """A story as it arrives: text is HTML (feeds) or plain text with blank lines (paste)."""

    url: str
    headline: str
    text: str
    language: str
    published_at: datetime | None = None
    author: str = ""


@dataclass(frozen=True)
class Received:
    story: SourceStory
    created: bool
    changed: bool  # an existing story whose original text changed


def receive(
    *,
    original: Original,
    source: Source,
    via: str,
    now: datetime,
    feed: SourceFeed | None = None,
    by: Actor = None,
) -> Received:
    """Make a candidate of this original, or update the story that already has its URL."""
    url = normalise_url(original.url)
    text = html_from_plain_text(original.text)
    headline = " ".join(original.headline.split())[:300]
    with transaction.atomic():
        story = SourceStory.objects.select_for_update().filter(original_url=url).first()
        if story is None:
            story = SourceStory(
                original_url=url,
                source=source,
                feed=feed,
                headline=headline,
                text=text,
                language=original.language.lower(),
                original_published_at=original.published_at,
                original_author=original.author[:200],
                received_at=now,
                via=via,
            )
            try:
                with transaction.atomic():  # two polls at once: the unique URL keeps one
                    change_state(story=story, to=State.CANDIDATE, by=by, now=now, note=via)
            except IntegrityError:
                story = SourceStory.objects.get(original_url=url)
                return Received(story=story, created=False, changed=False)
            return Received(story=story, created=True, changed=False)
        changed = plain_text(text) != plain_text(story.text) or headline != story.headline
        if not changed:
            return Received(story=story, created=False, changed=False)
        # Only a change to a published translation's original is for someone to resolve.
        translated = story.state in (State.PUBLISHED, State.OUTDATED)
        SourceStoryRevision.objects.create(
            story=story,
            headline=story.headline,
            text=story.text,
            received_at=story.received_at,
            replaced_at=now,
            resolved_at=None if translated else now,
        )
        story.headline, story.text, story.received_at = headline, text, now
        if original.published_at:
            story.original_published_at = original.published_at
        story.save(update_fields=["headline", "text", "received_at", "original_published_at"])
        if story.state == State.PUBLISHED:
            change_state(
                story=story, to=State.OUTDATED, by=by, now=now, note="The original changed"
            )
        return Received(story=story, created=False, changed=True)


def unresolved_change(story: SourceStory) -> SourceStoryRevision | None:
    """The version of the original the translation was made from, if it has changed since:
    the oldest replaced version not yet resolved."""
    return (
        SourceStoryRevision.objects.filter(story=story, resolved_at__isnull=True)
        .order_by("replaced_at", "pk")
        .first()
    )
