from datetime import timedelta

import pytest
from django.utils import timezone

from desk.services import stories
from tests.factories import AuthorFactory, SectionFactory, TranslatorProfileFactory


@pytest.fixture
def profile(translator):
    """The translator's profile: byline "Camille Dubois", translates from French."""
    return TranslatorProfileFactory(
        user=translator, author=AuthorFactory(name="Camille Dubois"), languages=["fr"]
    )


@pytest.fixture
def section(db):
    return SectionFactory(name="World", slug="world")


def assign(story, *, to, by, hours=24, section=None):
    """An editor assigns the story, due in `hours`."""
    now = timezone.now()
    return stories.assign(
        story=story,
        translator=to,
        deadline=now + timedelta(hours=hours),
        section=section or SectionFactory(),
        by=by,
        now=now,
    )
