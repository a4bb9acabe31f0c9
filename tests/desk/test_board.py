"""The board: each story in its state's column with translator and deadline, overdue ones
highlighted, filterable by source, language and translator."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import SourceStory
from tests.desk.conftest import assign
from tests.factories import SourceFactory, SourceStoryFactory, TranslatorProfileFactory

pytestmark = pytest.mark.django_db

BOARD = reverse("admin:desk_sourcestory_board")


def columns(response):
    return {
        state.value: [story.headline for story in items]
        for state, items in response.context["columns"]
    }


def test_each_story_sits_in_its_state_column(client, editor, profile):
    SourceStoryFactory(headline="New")
    assign(SourceStoryFactory(headline="Given"), to=profile.user, by=editor)
    SourceStoryFactory(
        headline="Done", state=SourceStory.State.PUBLISHED, state_changed_at=timezone.now()
    )
    client.force_login(editor)
    board = columns(client.get(BOARD))
    assert board["candidate"] == ["New"]
    assert board["assigned"] == ["Given"]
    assert board["published"] == ["Done"]


def test_overdue_assignments_are_highlighted(client, editor, profile):
    story = assign(SourceStoryFactory(headline="Late"), to=profile.user, by=editor)
    SourceStory.objects.filter(pk=story.pk).update(deadline=timezone.now() - timedelta(hours=2))
    assign(SourceStoryFactory(headline="On time"), to=profile.user, by=editor)
    client.force_login(editor)
    page = client.get(BOARD).content.decode()
    late = page.index("Late")
    assert "desk-card--overdue" in page[page.rindex("<li", 0, late) : late]
    assert page.count("desk-card--overdue") == 1
    assert "Overdue:" in page


def test_filters_narrow_by_source_language_and_translator(client, editor, profile):
    monde, asahi = SourceFactory(name="Le Monde"), SourceFactory(name="Asahi", language="ja")
    SourceStoryFactory(headline="Paris", source=monde)
    SourceStoryFactory(headline="Tokyo", source=asahi, language="ja")
    other = TranslatorProfileFactory(languages=["fr"])
    assign(SourceStoryFactory(headline="Lyon", source=monde), to=other.user, by=editor)
    assign(SourceStoryFactory(headline="Lille", source=monde), to=profile.user, by=editor)
    client.force_login(editor)

    def shown(**query):
        return sorted(h for items in columns(client.get(BOARD, query)).values() for h in items)

    assert shown(source=asahi.pk) == ["Tokyo"]
    assert shown(language="fr") == ["Lille", "Lyon", "Paris"]
    assert shown(translator=profile.user.pk) == ["Lille"]
    assert shown(source=monde.pk, translator=other.user.pk) == ["Lyon"]


def test_old_published_stories_leave_the_board(client, editor):
    SourceStoryFactory(
        headline="Long ago",
        state=SourceStory.State.PUBLISHED,
        state_changed_at=timezone.now() - timedelta(days=40),
    )
    client.force_login(editor)
    assert columns(client.get(BOARD))["published"] == []


def test_the_board_queries_stay_bounded(client, editor, profile, django_assert_max_num_queries):
    for n in range(12):
        assign(SourceStoryFactory(headline=f"Story {n}"), to=profile.user, by=editor)
        SourceStoryFactory()
    client.force_login(editor)
    client.get(BOARD)
    with django_assert_max_num_queries(14):
        client.get(BOARD)
