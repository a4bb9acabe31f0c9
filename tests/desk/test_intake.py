"""Stories arriving on the desk by paste: one per original URL, sanitised like bodies."""

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import SourceStory
from desk.services import intake
from tests.factories import SourceFactory, SourceStoryFactory

pytestmark = pytest.mark.django_db

PASTE = reverse("admin:desk_sourcestory_add")


def paste(client, source, **overrides):
    data = {
        "source": source.pk,
        "original_url": "https://www.lemonde.example/politique/article/2026/12/01/vote.html",
        "headline": "L'Assemblée nationale vote le budget",
        "text": "Premier paragraphe.\n\nDeuxième <script>alert(1)</script> paragraphe.\n\n",
        "published_at": "2026-12-01T08:30",
        "author": "Jeanne Martin",
        "language": "fr",
    }
    return client.post(PASTE, data | overrides)


def test_a_pasted_original_becomes_a_candidate_with_its_paragraphs(client, editor):
    client.force_login(editor)
    response = paste(client, SourceFactory(name="Le Monde"))
    story = SourceStory.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:desk_sourcestory_change", args=[story.pk])
    assert story.state == SourceStory.State.CANDIDATE
    assert story.via == SourceStory.Via.PASTE
    assert story.text == "<p>Premier paragraphe.</p><p>Deuxième  paragraphe.</p>"
    assert story.original_author == "Jeanne Martin"
    assert timezone.localtime(story.original_published_at).hour == 8
    page = client.get(response["Location"]).content.decode()
    assert "Premier paragraphe." in page
    assert "is on the desk as a candidate" in page


def test_the_same_url_pasted_again_is_one_candidate(client, editor):
    client.force_login(editor)
    source = SourceFactory()
    paste(client, source)
    again = paste(
        client,
        source,
        original_url="https://WWW.LEMONDE.example/politique/article/2026/12/01/vote.html"
        "?utm_source=twitter&xtor=RSS-3208#comments",
    )
    assert SourceStory.objects.count() == 1
    assert "already on the desk" in client.get(again["Location"]).content.decode()


def test_an_unknown_language_is_a_form_error_with_suggestions_that_keeps_the_text(client, editor):
    client.force_login(editor)
    response = paste(client, SourceFactory(), language="Frnech", headline="Gardé tel quel")
    page = response.content.decode()
    assert response.status_code == 200
    assert "did you mean fr (French)?" in page
    assert "Gardé tel quel" in page
    assert not SourceStory.objects.exists()


def test_a_language_name_is_read_as_its_code(client, editor):
    client.force_login(editor)
    paste(client, SourceFactory(), language="Portuguese")
    assert SourceStory.objects.get().language == "pt"


def test_left_blank_the_language_is_the_sources(client, editor):
    client.force_login(editor)
    paste(client, SourceFactory(language="es"), language="")
    assert SourceStory.objects.get().language == "es"


def test_a_writer_cannot_paste_originals(client, writer):
    client.force_login(writer)
    assert paste(client, SourceFactory()).status_code == 403
    assert not SourceStory.objects.exists()


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTPS://Example.COM:443/a/b?id=3&utm_medium=x#top", "https://example.com/a/b?id=3"),
        ("http://example.com", "http://example.com/"),
        ("https://example.com:8443/x?fbclid=abc", "https://example.com:8443/x"),
    ],
)
def test_urls_are_normalised_to_one_story(url, expected):
    assert intake.normalise_url(url) == expected


def test_a_changed_original_before_publication_is_updated_without_going_outdated():
    story = SourceStoryFactory()
    received = intake.receive(
        original=intake.Original(
            url=story.original_url, headline=story.headline, text="Nouveau texte.", language="fr"
        ),
        source=story.source,
        via=SourceStory.Via.FEED,
        now=timezone.now(),
    )
    story.refresh_from_db()
    assert received.changed and not received.created
    assert story.state == SourceStory.State.CANDIDATE
    assert story.text == "<p>Nouveau texte.</p>"
    assert intake.unresolved_change(story) is None
