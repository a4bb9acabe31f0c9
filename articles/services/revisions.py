"""Article revisions: the list, a readable diff of two of them, and restoring an old one.

A save that changes the article keeps a revision (django-simple-history); a save that
changes nothing keeps none, and a writer's autosaves in one sitting fold into one revision,
so the history reads as edits, not clicks. Restoring copies an old
revision's content onto the article and saves it, which itself keeps a new revision, so a
restore can be undone. Status and dates are never restored: those move only through the
workflow (articles.services.workflow).
"""

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.db.models import Field, Model, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from newsroom.lib import roles

# The fields a revision restores, in the order a diff shows them.
CONTENT_FIELDS = [
    "headline",
    "slug",
    "dek",
    "dateline",
    "body",
    "country",
    "section",
    "series",
    "source",
    "translator",
    "original_headline",
    "original_language",
    "original_url",
    "lead_image",
    "featured",
    "is_free",
]
# Shown in a diff, never restored.
WORKFLOW_FIELDS = ["status", "published_at"]
# A row of HistoricalArticle, the model django-simple-history builds when the app loads.
Revision = Any
# The revision an autosave keeps says so; the next autosave by the same person within the
# window replaces it, so a morning's typing is one revision and not a hundred.
AUTOSAVE_REASON = "Autosaved"
AUTOSAVE_WINDOW = timedelta(minutes=10)

BLOCK_END = re.compile(r"</(p|h2|h3|li|blockquote|figcaption|figure)>|<br\s*/?>", re.IGNORECASE)


class RevisionError(Exception):
    @property
    def message(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str
    diff: SafeString  # the after text with <del> and <ins> marking the words that changed


@dataclass(frozen=True)
class Autosave:
    saved: bool  # False: nothing had changed since the last revision, nothing was written
    article: Article


def revisions_of(article: Article) -> QuerySet[Revision]:
    """The article's revisions, newest first, with who made them."""
    revisions: QuerySet[Revision] = article.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )
    return revisions


def describe(revision: Revision) -> str:
    """ "29 Nov 2026, 10:04 by editor (Published)" for lists and headings."""
    when = date_format(timezone.localtime(revision.history_date), "j M Y, H:i")
    who = revision.history_user.get_username() if revision.history_user else "the system"
    reason = f" ({revision.history_change_reason})" if revision.history_change_reason else ""
    return f"{when} by {who}{reason}"


def _article_field(name: str) -> "Field[Any, Any]":
    """One of the article's own columns: the lists above name no reverse relation."""
    field = Article._meta.get_field(name)
    assert isinstance(field, Field)
    return field


def _display(revision: Revision, field: str) -> str:
    """A field's value as an editor reads it: names for related rows, text for the body."""
    model_field = _article_field(field)
    if model_field.is_relation:
        related = getattr(revision, field, None) if _related_exists(revision, field) else None
        return str(related) if related else ""
    value = getattr(revision, field)
    if field == "body":
        return _plain_text(value)
    if field == "published_at":
        return date_format(timezone.localtime(value), "j M Y, H:i") if value else ""
    if field == "status":
        return Article.Status(value).label if value else ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value or "")


def _related_exists(revision: Revision, field: str) -> bool:
    try:
        getattr(revision, field)
    except Exception:  # the related row was deleted since: the revision keeps only its id
        return False
    return True


def _plain_text(html: str) -> str:
    """Body HTML as paragraphs of text, so a diff shows words, not tags."""
    text = strip_tags(BLOCK_END.sub(lambda m: m.group(0) + "\n\n", html or ""))
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def word_diff(before: str, after: str) -> SafeString:
    """The after text, with removed words in <del> and added words in <ins>."""
    old, new = re.split(r"(\s+)", before), re.split(r"(\s+)", after)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(new[j1:j2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
    return mark_safe("".join(parts))


def paragraph_diff(before: str, after: str) -> SafeString:
    """Like word_diff, paragraph by paragraph, with runs of unchanged paragraphs folded."""
    old, new = before.split("\n\n"), after.split("\n\n")
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            count = i2 - i1
            parts.append(f"[{count} unchanged paragraph{'s' if count > 1 else ''}]")
        elif op == "replace" and i2 - i1 == j2 - j1:
            parts.extend(word_diff(a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True))
        else:
            parts.extend(f"<del>{escape(p)}</del>" for p in old[i1:i2])
            parts.extend(f"<ins>{escape(p)}</ins>" for p in new[j1:j2])
    return mark_safe("\n\n".join(parts))


def diff_revisions(*, older: Revision, newer: Revision) -> list[FieldChange]:
    """What changed from one revision to the other, field by field (unchanged fields left out)."""
    changes = []
    for field in CONTENT_FIELDS + WORKFLOW_FIELDS:
        before, after = _display(older, field), _display(newer, field)
        if before == after:
            continue
        label = str(_article_field(field).verbose_name)
        differ = paragraph_diff if field == "body" else word_diff
        label = label[:1].upper() + label[1:]
        changes.append(FieldChange(field, label, before, after, differ(before, after)))
    return changes


@transaction.atomic
def restore_revision(*, article: Article, revision: Revision, by: User | AnonymousUser) -> Article:
    """Put an old revision's content back on the article; its status and dates stay as they are."""
    if revision.id != article.pk:
        raise RevisionError("This revision belongs to another article.")
    if not roles.can_edit(by, article):
        raise RevisionError("You cannot edit this article, so you cannot restore its revisions.")
    slug_taken = Article.objects.filter(slug=revision.slug).exclude(pk=article.pk).exists()
    for field in CONTENT_FIELDS:
        if field == "slug" and slug_taken:
            continue  # another article has that address now: keep the current one
        model_field = _article_field(field)
        if model_field.is_relation:
            attname = model_field.attname
            value = getattr(revision, attname)
            # A model class by now: the app registry has resolved every lazy reference.
            related_model = cast(type[Model], model_field.related_model)
            if value is not None and not related_model._default_manager.filter(pk=value).exists():
                value = None if model_field.null else getattr(article, attname)
            setattr(article, attname, value)
        else:
            setattr(article, field, getattr(revision, field))
    article._history_user = by
    article._change_reason = f"Restored the revision of {describe(revision)}"[:100]
    article.save()
    return article


def _stored(value: object) -> object:
    return value.pk if isinstance(value, Model) else value


def content_changed(article: Article) -> bool:
    """Whether the article differs from its latest revision (or has none yet)."""
    if article.pk is None:
        return True
    latest = article.history.order_by("-history_date", "-history_id").first()
    if latest is None:
        return True
    for field in CONTENT_FIELDS + WORKFLOW_FIELDS:
        attname = _article_field(field).attname
        if _stored(getattr(article, attname)) != _stored(getattr(latest, attname)):
            return True
    return False


@contextmanager
def without_revision(article: Article) -> Iterator[Article]:
    """Saves inside keep no revision (the workflow move that follows keeps the one)."""
    # django-simple-history's own switch; it stays on the instance until removed.
    article.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        yield article
    finally:
        del article.skip_history_when_saving  # type: ignore[attr-defined]


def may_autosave(article: Article) -> bool:
    """Drafts save themselves; a live or scheduled story changes only when someone saves it."""
    return article.status != Article.Status.PUBLISHED


@transaction.atomic
def autosave(*, article: Article, by: User | AnonymousUser, now: datetime) -> Autosave:
    """Save what the writer typed, as one revision per sitting, and nothing if nothing changed."""
    if not may_autosave(article):
        raise RevisionError(
            "A published or scheduled article is not saved automatically: use Save."
        )
    if not content_changed(article):
        return Autosave(saved=False, article=article)
    previous = revisions_of(article).first() if article.pk is not None else None
    article._history_user = by
    article._change_reason = AUTOSAVE_REASON
    article.save()
    if (
        previous is not None
        and previous.history_change_reason == AUTOSAVE_REASON
        and previous.history_user_id == getattr(by, "pk", None)
        and now - previous.history_date <= AUTOSAVE_WINDOW
    ):
        previous.delete()  # the same sitting: the new revision holds everything it had
    return Autosave(saved=True, article=article)
