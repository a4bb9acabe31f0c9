"""The desk's plain admin pages: a story's page, feeds, translator profiles, the glossary."""

import pytest
from django.urls import reverse

from desk.models import GlossaryTerm, SourceFeed, TranslatorProfile
from tests.desk.conftest import assign
from tests.factories import (
    AuthorFactory,
    GlossaryTermFactory,
    SourceFactory,
    SourceStoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_storys_page_shows_the_original_and_what_can_be_done_next(client, editor, profile):
    story = assign(SourceStoryFactory(original_author="Jeanne Martin"), to=profile.user, by=editor)
    client.force_login(editor)
    page = client.get(reverse("admin:desk_sourcestory_change", args=[story.pk])).content.decode()
    assert "Le deuxième paragraphe parle du Premier ministre." in page
    assert "Jeanne Martin" in page
    assert "Reassign" in page and "Translate side by side" in page
    assert 'name="_save"' not in page  # nothing on it is edited here


def test_a_translator_profile_reads_language_names_and_refuses_unknown_codes(client, editor):
    user = UserFactory(username="jun")
    author = AuthorFactory(name="Jun Park")
    client.force_login(UserFactory(username="boss", is_superuser=True))
    url = reverse("admin:desk_translatorprofile_add")
    response = client.post(url, {"user": user.pk, "author": author.pk, "languages": "ko, Japnese"})
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "“Japnese” is not a two-letter ISO 639-1 language code: did you mean ja (Japanese)" in page
    )
    assert "ko, Japnese" in page  # what was typed is kept
    client.post(url, {"user": user.pk, "author": author.pk, "languages": "Korean, ja"})
    assert TranslatorProfile.objects.get(user=user).languages == ["ko", "ja"]


def test_a_glossary_term_is_unique_per_language(client, editor):
    GlossaryTermFactory(language="fr", term="Sénat")
    client.force_login(editor)
    response = client.post(
        reverse("admin:desk_glossaryterm_add"),
        {"language": "fr", "term": "Sénat", "rendering": "Senate", "notes": ""},
    )
    assert response.status_code == 200
    assert GlossaryTerm.objects.count() == 1


def test_a_feed_address_must_be_a_web_address(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:desk_sourcefeed_add"),
        {"source": SourceFactory().pk, "url": "file:///etc/passwd", "active": "on"},
    )
    assert response.status_code == 200
    assert not SourceFeed.objects.exists()
