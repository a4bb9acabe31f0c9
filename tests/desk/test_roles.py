"""A translator sees only their own assignments, and only in their languages; editors run
the desk."""

import pytest
from django.urls import reverse

from desk.models import SourceStory
from tests.desk.conftest import assign
from tests.factories import SectionFactory, SourceStoryFactory, TranslatorProfileFactory

pytestmark = pytest.mark.django_db

LIST = reverse("admin:desk_sourcestory_changelist")
BOARD = reverse("admin:desk_sourcestory_board")


def headlines(response):
    return {story.headline for story in response.context["cl"].result_list}


def test_a_translator_lists_only_their_assignments(client, editor, profile):
    mine = assign(SourceStoryFactory(headline="Mine"), to=profile.user, by=editor)
    other = TranslatorProfileFactory(languages=["fr"])
    assign(SourceStoryFactory(headline="Theirs"), to=other.user, by=editor)
    SourceStoryFactory(headline="Unassigned")
    client.force_login(profile.user)
    assert headlines(client.get(LIST)) == {mine.headline}
    board = client.get(BOARD).content.decode()
    assert "Mine" in board and "Theirs" not in board and "Unassigned" not in board


def test_a_translator_does_not_see_a_story_outside_their_languages(client, editor, profile):
    profile.languages = ["fr", "ko"]
    profile.save()
    story = assign(SourceStoryFactory(language="ko", headline="Korean"), to=profile.user, by=editor)
    profile.languages = ["fr"]  # no longer translates Korean
    profile.save()
    client.force_login(profile.user)
    assert headlines(client.get(LIST)) == set()
    for name in ("change", "translate", "changes"):
        url = reverse(f"admin:desk_sourcestory_{name}", args=[story.pk])
        assert client.get(url).status_code == 404, name


def test_someone_elses_story_is_not_found_for_a_translator(client, editor, profile):
    other = TranslatorProfileFactory(languages=["fr"])
    story = assign(SourceStoryFactory(), to=other.user, by=editor)
    client.force_login(profile.user)
    assert (
        client.get(reverse("admin:desk_sourcestory_translate", args=[story.pk])).status_code == 404
    )


def test_a_translator_cannot_assign_paste_or_decline(client, editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    client.force_login(profile.user)
    assert client.get(reverse("admin:desk_sourcestory_assign", args=[story.pk])).status_code == 403
    assert client.get(reverse("admin:desk_sourcestory_add")).status_code == 403
    client.post(LIST, {"action": "decline_selected", "_selected_action": [story.pk]})
    assert SourceStory.objects.get(pk=story.pk).state == SourceStory.State.ASSIGNED


def test_an_editor_sees_the_whole_desk_and_assigns_from_the_form(client, editor, profile):
    story = SourceStoryFactory(headline="To assign")
    client.force_login(editor)
    assert headlines(client.get(LIST)) == {"To assign"}
    response = client.post(
        reverse("admin:desk_sourcestory_assign", args=[story.pk]),
        {
            "translator": profile.user.pk,
            "deadline": "2099-01-05T18:00",
            "section": SectionFactory().pk,
        },
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.state, story.translator) == (SourceStory.State.ASSIGNED, profile.user)


def test_assigning_to_a_translator_of_another_language_is_a_form_error(client, editor, profile):
    story = SourceStoryFactory(language="de")
    client.force_login(editor)
    response = client.post(
        reverse("admin:desk_sourcestory_assign", args=[story.pk]),
        {
            "translator": profile.user.pk,
            "deadline": "2099-01-05T18:00",
            "section": SectionFactory().pk,
        },
    )
    assert response.status_code == 200
    assert "does not translate from German" in response.content.decode()
    assert SourceStory.objects.get(pk=story.pk).is_candidate


def test_a_writer_has_no_desk(client, writer):
    client.force_login(writer)
    assert client.get(LIST).status_code == 403
    assert client.get(BOARD).status_code == 403
