"""A source story's states: the transition table, assignment rules, and following the
article workflow from translation to publication."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, SourcePermission
from articles.services import workflow
from desk.models import SourceStory, StoryEvent
from desk.services import stories
from tests.desk.conftest import assign
from tests.factories import SourceStoryFactory, TranslatorProfileFactory

pytestmark = pytest.mark.django_db
State = SourceStory.State


def translation(story, *, headline="The National Assembly votes", rows=None):
    count = len(story.translated_paragraphs)
    return stories.Translation(
        headline=headline,
        dek="What the vote means.",
        paragraphs=rows or [f"English paragraph {i}." for i in range(1, count + 1)],
    )


def grant(source):
    SourcePermission.objects.update_or_create(
        source=source,
        defaults={"status": SourcePermission.Status.GRANTED, "scope": SourcePermission.Scope.FULL},
    )


def test_a_candidate_cannot_jump_to_published(editor):
    story = SourceStoryFactory()
    with pytest.raises(stories.DeskError, match="cannot become published"):
        stories.change_state(story=story, to=State.PUBLISHED, by=editor, now=timezone.now())
    story.refresh_from_db()
    assert story.state == State.CANDIDATE


def test_every_move_is_recorded_with_who_and_when(editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    event = StoryEvent.objects.filter(story=story).first()
    assert (event.from_state, event.to_state, event.actor) == (
        State.CANDIDATE,
        State.ASSIGNED,
        editor,
    )


def test_only_editors_assign(translator, profile):
    with pytest.raises(stories.DeskError, match="Only editors"):
        assign(SourceStoryFactory(), to=profile.user, by=translator)


def test_a_story_goes_only_to_a_translator_of_its_language(editor, profile):
    story = SourceStoryFactory(language="ko")
    with pytest.raises(stories.DeskError, match="does not translate from Korean"):
        assign(story, to=profile.user, by=editor)
    assert SourceStory.objects.get(pk=story.pk).state == State.CANDIDATE


def test_a_deadline_in_the_past_is_refused(editor, profile):
    with pytest.raises(stories.DeskError, match="already passed"):
        assign(SourceStoryFactory(), to=profile.user, by=editor, hours=-1)


def test_starting_creates_a_draft_carrying_the_provenance(editor, profile):
    story = SourceStoryFactory(
        original_author="Jeanne Martin",
        original_published_at=timezone.now() - timedelta(days=1),
    )
    assign(story, to=profile.user, by=editor)
    article = stories.start_translation(story=story, by=profile.user, now=timezone.now())
    story.refresh_from_db()
    assert story.state == State.TRANSLATING
    assert article.status == Article.Status.DRAFT
    assert article.source == story.source
    assert article.original_headline == story.headline
    assert article.original_url == story.original_url
    assert article.original_language == "fr"
    assert article.original_author == "Jeanne Martin"
    assert article.original_published_at == story.original_published_at
    assert article.translator == profile.author
    assert article.created_by == profile.user
    assert story.translated_paragraphs == ["", "", ""]


def test_another_translator_cannot_start_someone_elses_story(editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    other = TranslatorProfileFactory(languages=["fr"])
    with pytest.raises(stories.DeskError, match="assigned to someone else"):
        stories.start_translation(story=story, by=other.user, now=timezone.now())


def test_saving_joins_the_paragraphs_into_a_sanitised_body(editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    stories.start_translation(story=story, by=profile.user, now=timezone.now())
    story.refresh_from_db()
    rows = ["First <script>alert(1)</script> one.", "", "Third & last."]
    article = stories.save_translation(
        story=story, translation=translation(story, rows=rows), by=profile.user, now=timezone.now()
    )
    assert "<script>" not in article.body
    assert article.body.count("<p>") == 2
    assert "Third &amp; last." in article.body
    story.refresh_from_db()
    assert story.translated_paragraphs[1] == ""  # the rows stay aligned with the original


def test_submitting_with_an_untranslated_paragraph_is_refused(editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    stories.start_translation(story=story, by=profile.user, now=timezone.now())
    story.refresh_from_db()
    with pytest.raises(stories.DeskError, match="every paragraph"):
        stories.submit_for_review(
            story=story,
            translation=translation(story, rows=["One.", "", "Three."]),
            by=profile.user,
            now=timezone.now(),
        )
    assert SourceStory.objects.get(pk=story.pk).state == State.TRANSLATING


def test_from_assignment_to_publication_through_the_article_workflow(editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    grant(story.source)
    stories.start_translation(story=story, by=profile.user, now=timezone.now())
    story.refresh_from_db()
    story = stories.submit_for_review(
        story=story, translation=translation(story), by=profile.user, now=timezone.now()
    )
    assert story.state == State.IN_REVIEW
    assert story.article.status == Article.Status.IN_REVIEW

    # The editor sends it back, the translator resubmits, the editor publishes.
    workflow.send_back_to_draft(article=story.article, by=editor, note="Tighten the lede")
    story.refresh_from_db()
    assert story.state == State.TRANSLATING
    story = stories.submit_for_review(
        story=story, translation=translation(story), by=profile.user, now=timezone.now()
    )
    workflow.publish(article=story.article, by=editor)
    story.refresh_from_db()
    assert story.state == State.PUBLISHED
    assert story.published_at is not None
    assert story.article.is_published


def test_a_translator_cannot_change_the_translation_once_in_review(editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    stories.start_translation(story=story, by=profile.user, now=timezone.now())
    story.refresh_from_db()
    story = stories.submit_for_review(
        story=story, translation=translation(story), by=profile.user, now=timezone.now()
    )
    with pytest.raises(stories.DeskError, match="with the editors"):
        stories.save_translation(
            story=story, translation=translation(story), by=profile.user, now=timezone.now()
        )


def test_declining_takes_a_candidate_off_the_desk(editor, translator):
    story = stories.decline(story=SourceStoryFactory(), by=editor, now=timezone.now())
    assert story.state == State.DECLINED
    with pytest.raises(stories.DeskError, match="Only editors"):
        stories.decline(story=SourceStoryFactory(), by=translator, now=timezone.now())
