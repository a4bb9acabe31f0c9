"""The desk's demo: candidates from the bundled feed, a translator's assignments at each
step, one outdated translation with its diff, and a glossary."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from desk.models import GlossaryTerm, SourceStory
from tests.demo.test_load_demo import tiny_jpeg

State = SourceStory.State


@pytest.fixture
def demo(db, monkeypatch):
    monkeypatch.setattr("demo.content.articles.draw_lead_image", tiny_jpeg)
    call_command("load_demo", stdout=StringIO())


def test_the_demo_desk_has_a_story_at_each_step(demo):
    states = list(SourceStory.objects.values_list("state", flat=True))
    assert states.count(State.CANDIDATE) == 2
    for state in (State.ASSIGNED, State.TRANSLATING, State.IN_REVIEW, State.OUTDATED):
        assert states.count(state) == 1, state
    assert GlossaryTerm.objects.filter(language="fr").count() >= 4
    translating = SourceStory.objects.get(state=State.TRANSLATING)
    assert translating.is_overdue(timezone.now())


def test_the_demo_translator_sees_their_assignments_and_the_diff(demo, client):
    client.force_login(get_user_model().objects.get(username="translator"))
    listed = client.get(reverse("admin:desk_sourcestory_changelist")).context["cl"].result_list
    assert {story.state for story in listed} == {
        State.ASSIGNED,
        State.TRANSLATING,
        State.IN_REVIEW,
        State.OUTDATED,
    }
    outdated = SourceStory.objects.get(state=State.OUTDATED)
    page = client.get(reverse("admin:desk_sourcestory_changes", args=[outdated.pk]))
    assert "<ins>314</ins>" in page.content.decode()
