"""A source story's life on the desk: assignment, translation, review, publication.

Every state change goes through `change_state` (the transition table is `ALLOWED`), which
records a StoryEvent. Review and publication are the article workflow's
(articles.services.workflow): the desk hands the translation to it and follows its moves
(`follow_article_workflow`, connected in DeskConfig.ready), so publishing happens in one place.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction

from articles.models import Article, Section, WorkflowEvent
from articles.services import workflow
from newsroom.lib import roles

from ..languages import language_name
from ..models import SourceStory, SourceStoryRevision, StoryEvent, TranslatorProfile
from ..text import body_from_paragraphs, paragraphs

State = SourceStory.State
Actor = User | AnonymousUser | None

ALLOWED: dict[str | None, set[str]] = {
    None: {State.CANDIDATE},
    State.CANDIDATE: {State.ASSIGNED, State.DECLINED},
    # Assigned again: another translator or deadline. Back to candidate: unassigned.
    State.ASSIGNED: {State.ASSIGNED, State.CANDIDATE, State.TRANSLATING, State.DECLINED},
    State.TRANSLATING: {State.TRANSLATING, State.IN_REVIEW, State.DECLINED},
    # Sent back to draft by an editor: the translator carries on.
    State.IN_REVIEW: {State.PUBLISHED, State.TRANSLATING},
    # Outdated: the original changed after publication. In review: unpublished and resubmitted.
    State.PUBLISHED: {State.OUTDATED, State.IN_REVIEW},
    State.OUTDATED: {State.PUBLISHED, State.IN_REVIEW},
    State.DECLINED: {State.CANDIDATE},
}


class DeskError(Exception):
    """A refused desk action; the message is written for the editor or translator."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else "This is not allowed."


def can_move(story: SourceStory, to: str) -> bool:
    return to in ALLOWED[story.state if story.pk else None]


def change_state(
    *, story: SourceStory, to: str, by: Actor, now: datetime, note: str = ""
) -> SourceStory:
    """The one place a source story's state changes (a new story's first state included)."""
    previous = story.state if story.pk else None
    if to not in ALLOWED[previous]:
        raise DeskError(
            f"“{story.headline}” is {State(previous).label.lower() if previous else 'new'}: "
            f"it cannot become {State(to).label.lower()}."
        )
    story.state = to
    story.state_changed_at = now
    if to == State.PUBLISHED and story.published_at is None:
        story.published_at = now
    actor = by if isinstance(by, User) else None
    with transaction.atomic():
        story.save()
        StoryEvent.objects.create(
            story=story,
            from_state=previous or "",
            to_state=to,
            actor=actor,
            at=now,
            note=note[:300],
        )
    return story


def _refuse_unless_editor(by: Actor, doing: str) -> None:
    if by is None or not roles.can_assign(by):
        raise DeskError(f"Only editors can {doing}.")


def assign(
    *,
    story: SourceStory,
    translator: User,
    deadline: datetime,
    section: Section,
    by: Actor,
    now: datetime,
) -> SourceStory:
    """An editor gives a candidate (or an assigned story) to a translator, with a deadline."""
    _refuse_unless_editor(by, "assign stories")
    profile = TranslatorProfile.objects.filter(user=translator).first()
    if profile is None:
        raise DeskError(f"{translator.get_username()} has no translator profile yet.")
    if story.language not in profile.languages:
        raise DeskError(
            f"{profile} does not translate from {language_name(story.language)} "
            f"(their languages: {profile.language_names or 'none yet'})."
        )
    if deadline <= now:
        raise DeskError("The deadline has already passed: choose a time in the future.")
    to = State.TRANSLATING if story.state == State.TRANSLATING else State.ASSIGNED
    story.translator, story.deadline, story.section = translator, deadline, section
    story.assigned_at = now
    if story.article_id is not None:  # the byline follows the translator
        Article.objects.filter(pk=story.article_id).update(translator=profile.author)
    return change_state(story=story, to=to, by=by, now=now, note=f"to {translator.get_username()}")


def decline(*, story: SourceStory, by: Actor, now: datetime, note: str = "") -> SourceStory:
    """An editor decides the desk will not translate this story."""
    _refuse_unless_editor(by, "decline stories")
    return change_state(story=story, to=State.DECLINED, by=by, now=now, note=note)


def _refuse_unless_theirs(story: SourceStory, by: Actor) -> None:
    if by is None or not by.is_authenticated:
        raise DeskError("Log in to translate.")
    if roles.can_assign(by):
        return
    if story.translator_id != by.pk:
        raise DeskError("This story is assigned to someone else.")


@transaction.atomic
def start_translation(*, story: SourceStory, by: Actor, now: datetime) -> Article:
    """The translator opens the story: a draft article carrying its provenance is created."""
    _refuse_unless_theirs(story, by)
    story = SourceStory.objects.select_for_update().get(pk=story.pk)
    if story.article is not None:
        return story.article
    if story.translator is None:
        raise DeskError("Assign the story to a translator first.")
    profile = TranslatorProfile.objects.filter(user=story.translator).first()
    section = story.section or Section.objects.order_by("order", "name").first()
    if section is None:
        raise DeskError("Create a section first: the translation needs one to run in.")
    article = Article(
        headline=story.headline,
        dek="",
        body="",
        section=section,
        source=story.source,
        original_headline=story.headline,
        original_url=story.original_url,
        original_language=story.language,
        original_published_at=story.original_published_at,
        original_author=story.original_author,
        country=story.source.country,
        translator=profile.author if profile else None,
        created_by=story.translator,
    )
    article._history_user = story.translator
    article._change_reason = "Translation started on the desk"
    article.save()
    story.article = article
    story.translated_paragraphs = [""] * len(paragraphs(story.text))
    change_state(story=story, to=State.TRANSLATING, by=by, now=now)
    return article


@dataclass(frozen=True)
class Translation:
    headline: str
    dek: str
    paragraphs: list[str]


def save_translation(
    *, story: SourceStory, translation: Translation, by: Actor, now: datetime
) -> Article:
    """The English so far: kept per paragraph on the story, joined into the article's body."""
    _refuse_unless_theirs(story, by)
    article = story.article
    if article is None:
        raise DeskError("Start the translation first.")
    if by is None or not roles.can_edit(by, article):
        raise DeskError(
            "The translation is with the editors now: only they can change it until it is "
            "sent back."
        )
    story.translated_paragraphs = [" ".join(row.split()) for row in translation.paragraphs]
    article.headline = translation.headline.strip() or article.headline
    article.dek = translation.dek.strip()
    article.body = body_from_paragraphs(story.translated_paragraphs)
    article._history_user = by
    article._change_reason = "Translation saved on the desk"
    with transaction.atomic():
        article.save()
        story.save(update_fields=["translated_paragraphs"])
    return article


def submit_for_review(
    *, story: SourceStory, translation: Translation, by: Actor, now: datetime
) -> SourceStory:
    """Save, then hand the translation to the editors through the article workflow."""
    with transaction.atomic():
        article = save_translation(story=story, translation=translation, by=by, now=now)
        if any(not row.strip() for row in story.translated_paragraphs):
            raise DeskError("Translate every paragraph before submitting it for review.")
        try:
            workflow.submit_for_review(
                article=article, by=by if isinstance(by, User) else None, note="From the desk"
            )
        except workflow.WorkflowError as error:
            raise DeskError(error.message) from error
    story.refresh_from_db()
    return story


# What each article move means for its story, when the story may follow it.
FOLLOWS = {
    WorkflowEvent.Transition.SUBMIT: State.IN_REVIEW,
    WorkflowEvent.Transition.SEND_BACK: State.TRANSLATING,
    WorkflowEvent.Transition.PUBLISH: State.PUBLISHED,
    WorkflowEvent.Transition.SCHEDULE: State.PUBLISHED,
}


def follow_article_workflow(
    sender: type[WorkflowEvent], *, instance: WorkflowEvent, created: bool, **kwargs: Any
) -> None:
    """post_save of a WorkflowEvent: the translation moved, so its story moves with it."""
    to = FOLLOWS.get(WorkflowEvent.Transition(instance.transition))
    if not created or to is None:
        return
    story = SourceStory.objects.filter(article_id=instance.article_id).first()
    if story is None or not can_move(story, to) or story.state == to:
        return
    change_state(
        story=story,
        to=to,
        by=instance.actor,
        now=instance.at,
        note=f"Article: {instance.get_transition_display()}",
    )


def mark_resolved(*, story: SourceStory, by: Actor, now: datetime, note: str = "") -> SourceStory:
    """The editor or translator has checked the changed original: the story is current again."""
    if by is None or not by.is_authenticated:
        raise DeskError("Log in to resolve a change.")
    if not roles.can_assign(by) and story.translator_id != by.pk:
        raise DeskError("Only an editor or the story's translator can resolve this change.")
    if not story.is_outdated:
        raise DeskError(f"“{story.headline}” is not outdated: there is nothing to resolve.")
    with transaction.atomic():
        SourceStoryRevision.objects.filter(story=story, resolved_at__isnull=True).update(
            resolved_at=now, resolved_by=by if isinstance(by, User) else None
        )
        change_state(
            story=story, to=State.PUBLISHED, by=by, now=now, note=note or "Change resolved"
        )
    return story
