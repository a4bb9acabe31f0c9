"""The editorial workflow: draft → in review → scheduled / published → unpublished.

Each move is one function here. Each checks the role of the person making it and the
article's status, records who and when (on the article and as a WorkflowEvent), and refuses
an illegal move with a WorkflowError whose message can be shown to that person as is.

"Scheduled" is PUBLISHED with a future published_at, so `Article.objects.published()`
makes a scheduled article appear on its own at its time.

A translation (an article with a source) is published or scheduled only if its source's
permission covers it on the day it goes live (SourcePermission.missing says what is
lacking); a chief editor (articles.override_source_permission) may override that with a
reason, which the WorkflowEvent keeps and the history shows.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article, WorkflowEvent
from newsroom.lib import roles

Status = Article.Status
Move = WorkflowEvent.Transition
# Who asks for a move: request.user in the admin; None or anonymous is refused.
Actor = User | AnonymousUser | None


class WorkflowError(Exception):
    """A refused move; the message says why, in words an editor understands."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else "This move is not allowed."


@dataclass(frozen=True)
class Transition:
    name: str  # a WorkflowEvent.Transition value
    label: str  # the button: "Submit for review"
    sources: frozenset[str]
    editors_only: bool

    @property
    def past(self) -> str:
        """The history's words for the move ("Submitted for review"): the choice's label."""
        return Move(self.name).label

    @property
    def refused_to(self) -> str:
        """The move as a sentence needs it: "send articles back to draft"."""
        return {
            "submit": "submit articles for review",
            "send_back": "send articles back to draft",
            "publish": "publish articles",
            "schedule": "schedule articles",
            "unpublish": "unpublish articles",
        }[self.name]


SUBMIT = Transition(
    Move.SUBMIT,
    "Submit for review",
    frozenset({Status.DRAFT, Status.UNPUBLISHED}),
    editors_only=False,
)
SEND_BACK = Transition(
    Move.SEND_BACK,
    "Send back to draft",
    frozenset({Status.IN_REVIEW, Status.UNPUBLISHED}),
    editors_only=False,
)
PUBLISH = Transition(
    Move.PUBLISH,
    "Publish now",
    frozenset({Status.IN_REVIEW, Status.PUBLISHED}),  # PUBLISHED only while scheduled
    editors_only=True,
)
SCHEDULE = Transition(
    Move.SCHEDULE,
    "Schedule",
    frozenset({Status.IN_REVIEW, Status.PUBLISHED}),  # PUBLISHED only while scheduled
    editors_only=True,
)
UNPUBLISH = Transition(
    Move.UNPUBLISH,
    "Unpublish",
    frozenset({Status.PUBLISHED}),
    editors_only=True,
)
TRANSITIONS = {t.name: t for t in (SUBMIT, SEND_BACK, PUBLISH, SCHEDULE, UNPUBLISH)}


def _when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def check_transition(
    name: str,
    *,
    article: Article,
    by: Actor,
    at: datetime | None = None,
    now: datetime | None = None,
    check_content: bool = True,
    override_reason: str = "",
) -> Transition:
    """Raise WorkflowError unless this person may make this move on this article now.

    override_reason lets a chief editor publish a translation its source's permission does
    not cover; anyone else, or a blank reason, is refused."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise WorkflowError(f"“{name}” is not a step of the workflow.")
    now = now or timezone.now()
    headline = article.headline or "This article"
    if by is None or not by.is_authenticated or not by.is_active:
        raise WorkflowError("Log in to move articles through the workflow.")
    if transition.editors_only and not roles.can_publish(by):
        raise WorkflowError(f"Only editors can {transition.refused_to}; ask an editor to do it.")
    if not transition.editors_only and not roles.can_edit_any(by):
        if not by.has_perm("articles.change_article") or not roles.is_own(by, article):
            raise WorkflowError(
                f"You can only {transition.refused_to.replace('articles', 'your own articles')}."
            )

    status = article.status
    scheduled = article.is_scheduled_at(now)
    if status not in transition.sources or (
        status == Status.PUBLISHED and name in {"publish", "schedule"} and not scheduled
    ):
        raise WorkflowError(_refusal(transition, article, headline, scheduled=scheduled))
    if name == "schedule":
        if at is None:
            raise WorkflowError(f"Choose the date and time when “{headline}” should appear.")
        if at <= now:
            raise WorkflowError(
                f"{_when(at)} has already passed: choose a time in the future, or publish now."
            )
    if check_content and name in {"submit", "publish", "schedule"}:
        missing = [label for label, value in _required(article) if not value]
        if missing:
            raise WorkflowError(f"“{headline}” still needs: {', '.join(missing)}.")
    if check_content and name in {"publish", "schedule"}:
        lacking = permission_lacking(article, on=at or now)
        if lacking and not (override_reason.strip() and roles.can_override_source_permission(by)):
            raise WorkflowError(_permission_refusal(article, headline, lacking, by=by))
    return transition


def permission_lacking(article: Article, *, on: datetime) -> str:
    """What the source's permission lacks for this translation going live at `on` ("" if
    nothing, or if the article is no translation)."""
    return article.source_permission_missing(on=timezone.localdate(on))


def _permission_refusal(
    article: Article, headline: str, lacking: str, *, by: User | AnonymousUser
) -> str:
    assert article.source is not None  # only translations lack a permission
    refusal = (
        f"“{headline}” cannot go live: it is translated from {article.source.name}, and "
        f"{lacking}. Record the agreement on the source"
    )
    if roles.can_override_source_permission(by):
        return f"{refusal}, or give your reason for overriding it and publish again."
    return f"{refusal}, or ask a chief editor to override it."


def _required(article: Article) -> list[tuple[str, object]]:
    return [
        ("a headline", article.headline),
        ("a dek", article.dek),
        ("a body", article.body),
        ("a section", article.section_id),
    ]


def _refusal(transition: Transition, article: Article, headline: str, *, scheduled: bool) -> str:
    status = article.status
    if scheduled and article.published_at is not None:  # scheduled: it has a date
        where = f"is scheduled for {_when(article.published_at)}"
    elif status == Status.PUBLISHED:
        where = "is already published"
    else:
        where = {
            Status.DRAFT: "is a draft",
            Status.IN_REVIEW: "is in review",
            Status.UNPUBLISHED: "is unpublished",
        }[Status(status)]
    advice = {
        "submit": "only drafts and unpublished articles go to review",
        "send_back": "only articles in review or unpublished go back to draft",
        "publish": "submit it for review first",
        "schedule": "submit it for review first",
        "unpublish": "only published or scheduled articles can be unpublished",
    }[transition.name]
    if transition.name in {"publish", "schedule"} and status == Status.PUBLISHED:
        advice = "unpublish it first to change when it appears"
    return f"“{headline}” {where}: {advice}."


@transaction.atomic
def _move(
    transition: Transition,
    *,
    article: Article,
    by: Actor,
    to_status: str,
    publish_at: datetime | None = None,
    note: str = "",
    override_reason: str = "",
    now: datetime,
) -> Article:
    # Lock the row and re-check on fresh data, so two editors cannot both move it.
    current = Article.objects.select_for_update().get(pk=article.pk)
    article.status, article.published_at = current.status, current.published_at
    check_transition(
        transition.name,
        article=article,
        by=by,
        at=publish_at,
        now=now,
        override_reason=override_reason,
    )
    assert isinstance(by, User)  # check_transition refused anyone not logged in
    # The reason is kept only when it was needed: the permission did not cover the story.
    overridden = ""
    if transition.name in {"publish", "schedule"} and permission_lacking(
        article, on=publish_at or now
    ):
        overridden = override_reason.strip()
    from_status = article.status
    article.status = to_status
    if publish_at is not None:
        article.published_at = publish_at
    article.status_changed_at = now
    article.status_changed_by = by
    article._history_user = by  # the revision this save keeps says who and why
    article._change_reason = transition.past
    article.save()
    WorkflowEvent.objects.create(
        article=article,
        transition=transition.name,
        from_status=from_status,
        to_status=to_status,
        actor=by,
        at=now,
        publish_at=publish_at,
        note=note,
        permission_override=overridden,
    )
    return article


def submit_for_review(*, article: Article, by: Actor, note: str = "") -> Article:
    """A writer (or editor) hands a draft to the editors."""
    return _move(
        SUBMIT, article=article, by=by, to_status=Status.IN_REVIEW, note=note, now=timezone.now()
    )


def send_back_to_draft(*, article: Article, by: Actor, note: str = "") -> Article:
    """An editor returns an article for more work, or its writer withdraws it from review."""
    return _move(
        SEND_BACK, article=article, by=by, to_status=Status.DRAFT, note=note, now=timezone.now()
    )


def publish(*, article: Article, by: Actor, note: str = "", override_reason: str = "") -> Article:
    """An editor makes a reviewed (or scheduled) article public now."""
    now = timezone.now()
    return _move(
        PUBLISH,
        article=article,
        by=by,
        to_status=Status.PUBLISHED,
        publish_at=now,
        note=note,
        override_reason=override_reason,
        now=now,
    )


def schedule(
    *,
    article: Article,
    by: Actor,
    at: datetime | None,
    note: str = "",
    override_reason: str = "",
) -> Article:
    """An editor sets a reviewed article to appear on its own at a future time."""
    return _move(
        SCHEDULE,
        article=article,
        by=by,
        to_status=Status.PUBLISHED,
        publish_at=at,
        note=note,
        override_reason=override_reason,
        now=timezone.now(),
    )


def unpublish(*, article: Article, by: Actor, note: str = "") -> Article:
    """An editor takes a published article down, or cancels a scheduled one."""
    return _move(
        UNPUBLISH,
        article=article,
        by=by,
        to_status=Status.UNPUBLISHED,
        note=note,
        now=timezone.now(),
    )


def apply_transition(
    name: str,
    *,
    article: Article,
    by: Actor,
    at: datetime | None = None,
    note: str = "",
    override_reason: str = "",
) -> Article:
    """Dispatch a move by name, for the admin's buttons and actions."""
    if name == "schedule":
        return schedule(article=article, by=by, at=at, note=note, override_reason=override_reason)
    if name == "publish":
        return publish(article=article, by=by, note=note, override_reason=override_reason)
    mover = {
        "submit": submit_for_review,
        "send_back": send_back_to_draft,
        "unpublish": unpublish,
    }.get(name)
    if mover is None:
        raise WorkflowError(f"“{name}” is not a step of the workflow.")
    return mover(article=article, by=by, note=note)


def available_transitions(*, article: Article, by: Actor) -> list[Transition]:
    """The moves this person may make on this article now (schedule assumes a future time)."""
    now = timezone.now()
    available: list[Transition] = []
    for transition in TRANSITIONS.values():
        at = now.replace(year=now.year + 1) if transition.name == "schedule" else None
        try:
            check_transition(
                transition.name, article=article, by=by, at=at, now=now, check_content=False
            )
        except WorkflowError:
            continue
        available.append(transition)
    return available
