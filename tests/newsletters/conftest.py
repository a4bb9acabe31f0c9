import pytest

from tests.factories import NewsletterFactory


@pytest.fixture
def daily(db):
    """The daily newsletter, the one the masthead's signup box offers."""
    return NewsletterFactory(name="Worldcrunch Today", slug="worldcrunch-today", in_masthead=True)
