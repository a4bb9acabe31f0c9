"""The original changed after publication: the story is outdated, the editor and the
translator see a word-level diff of the original, and either can mark it resolved."""

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import SourceStory
from desk.services import intake
from tests.factories import SourceStoryFactory, TranslatorProfileFactory

pytestmark = pytest.mark.django_db

CHANGED = (
    "<p>Le premier paragraphe parle de l'Assemblée nationale.</p>"
    "<p>Le deuxième paragraphe parle du nouveau Premier ministre.</p>"
    "<p>Le troisième conclut.</p>"
)


@pytest.fixture
def outdated(profile):
    story = SourceStoryFactory(
        translator=profile.user,
        state=SourceStory.State.PUBLISHED,
        published_at=timezone.now(),
    )
    intake.receive(
        original=intake.Original(
            url=story.original_url, headline=story.headline, text=CHANGED, language="fr"
        ),
        source=story.source,
        via=SourceStory.Via.FEED,
        now=timezone.now(),
    )
    story.refresh_from_db()
    return story


def changes_url(story):
    return reverse("admin:desk_sourcestory_changes", args=[story.pk])


def test_a_changed_original_after_publication_is_outdated_with_the_old_text_kept(outdated):
    assert outdated.state == SourceStory.State.OUTDATED
    assert intake.unresolved_change(outdated).text == SourceStoryFactory._meta.declarations["text"]


@pytest.mark.parametrize("who", ["editor", "translator"])
def test_the_editor_and_the_translator_see_a_word_level_diff(client, outdated, editor, who):
    client.force_login(editor if who == "editor" else outdated.translator)
    page = client.get(changes_url(outdated)).content.decode()
    assert "<ins>nouveau </ins>" in page
    assert "Le troisième conclut." in page  # the whole original, for context
    assert "Mark as resolved" in page


def test_another_translator_cannot_see_it(client, outdated):
    other = TranslatorProfileFactory(languages=["fr"])
    client.force_login(other.user)
    assert client.get(changes_url(outdated)).status_code == 404


def test_marking_it_resolved_makes_the_story_current_again(client, outdated, profile):
    client.force_login(profile.user)
    response = client.post(changes_url(outdated))
    assert response.status_code == 302
    outdated.refresh_from_db()
    assert outdated.state == SourceStory.State.PUBLISHED
    assert intake.unresolved_change(outdated) is None
    revision = outdated.revisions.get()
    assert revision.resolved_by == profile.user
    page = client.get(changes_url(outdated)).content.decode()
    assert "Mark as resolved" not in page
    assert f"Resolved by {profile.user.username}" in page


def test_a_story_whose_original_never_changed_has_no_diff_page(client, editor):
    client.force_login(editor)
    assert client.get(changes_url(SourceStoryFactory())).status_code == 404
