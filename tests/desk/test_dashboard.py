"""The dashboard's desk panel: translations published this week per translator and language,
the median time from assignment to publication, and overdue assignments."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import SourceStory
from desk.services.throughput import desk_figures
from newsroom.dashboard import build_dashboard
from tests.factories import AuthorFactory, SourceStoryFactory, TranslatorProfileFactory

pytestmark = pytest.mark.django_db
State = SourceStory.State


@pytest.fixture
def now(time_machine):
    moment = timezone.make_aware(datetime(2026, 11, 29, 12, 0))
    time_machine.move_to(moment, tick=False)
    return moment


def published(profile, *, language="fr", hours, days_ago=1, now):
    at = now - timedelta(days=days_ago)
    return SourceStoryFactory(
        translator=profile.user,
        language=language,
        state=State.PUBLISHED,
        assigned_at=at - timedelta(hours=hours),
        published_at=at,
    )


def test_throughput_per_translator_and_language_with_the_median(now):
    camille = TranslatorProfileFactory(author=AuthorFactory(name="Camille"), languages=["fr", "es"])
    jun = TranslatorProfileFactory(author=AuthorFactory(name="Jun"), languages=["ko"])
    for hours in (4, 10, 30):
        published(camille, hours=hours, now=now)
    published(camille, language="es", hours=72, now=now)
    published(jun, language="ko", hours=6, now=now)
    published(jun, language="ko", hours=6, days_ago=9, now=now)  # last week: not counted
    figures = desk_figures(now=now)
    rows = {(row.translator, row.language): row for row in figures.rows}
    assert rows[("Camille", "French")].published == 3
    assert rows[("Camille", "French")].median_label == "10 h"
    assert rows[("Camille", "Spanish")].median_label == "3.0 days"
    assert rows[("Jun", "Korean")].published == 1
    assert figures.published_total == 5


def test_overdue_assignments_are_listed_and_counted(now):
    profile = TranslatorProfileFactory()
    late = SourceStoryFactory(
        translator=profile.user, state=State.TRANSLATING, deadline=now - timedelta(hours=3)
    )
    SourceStoryFactory(translator=profile.user, state=State.ASSIGNED, deadline=now + timedelta(1))
    SourceStoryFactory(translator=profile.user, state=State.IN_REVIEW, deadline=now - timedelta(1))
    figures = desk_figures(now=now)
    assert figures.overdue == [late]
    assert figures.overdue_count == 1


def test_editors_get_the_desk_panel_writers_do_not(now, editor, writer, client):
    profile = TranslatorProfileFactory(author=AuthorFactory(name="Camille"))
    published(profile, hours=5, now=now)
    assert build_dashboard(user=editor, now=now).desk.published_total == 1
    assert build_dashboard(user=writer, now=now).desk is None
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Translation desk, last 7 days" in html
    assert '<th scope="row">Camille</th>' in html


def test_the_desk_panel_keeps_the_admin_home_queries_bounded(
    client, now, editor, django_assert_max_num_queries
):
    profiles = [TranslatorProfileFactory() for _ in range(4)]
    for n in range(20):
        profile = profiles[n % 4]
        published(profile, hours=n + 1, now=now)
        SourceStoryFactory(
            translator=profile.user, state=State.ASSIGNED, deadline=now - timedelta(hours=n + 1)
        )
    client.force_login(editor)
    client.get(reverse("admin:index"))
    with django_assert_max_num_queries(33):
        response = client.get(reverse("admin:index"))
    assert "Overdue assignments (20)" in response.content.decode()
