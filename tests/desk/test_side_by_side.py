"""The side-by-side page: the original paragraph by paragraph beside the English, saved per
paragraph, with the glossary's flags, and handed to review through the workflow."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from desk.models import SourceStory
from desk.services import glossary, stories
from tests.desk.conftest import assign
from tests.factories import GlossaryTermFactory, SourceStoryFactory

pytestmark = pytest.mark.django_db


def translate_url(story):
    return reverse("admin:desk_sourcestory_translate", args=[story.pk])


@pytest.fixture
def started(editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    stories.start_translation(story=story, by=profile.user, now=timezone.now())
    story.refresh_from_db()
    return story


def form(action, *rows, headline="The vote", dek="What it means."):
    data = {"action": action, "headline": headline, "dek": dek}
    data |= {f"paragraph_{i}": row for i, row in enumerate(rows)}
    return data


def test_the_translator_starts_from_the_page(client, editor, profile):
    story = assign(SourceStoryFactory(), to=profile.user, by=editor)
    client.force_login(profile.user)
    page = client.get(translate_url(story)).content.decode()
    assert "Start translating" in page
    assert "Le deuxième paragraphe parle du Premier ministre." in page
    client.post(translate_url(story), {"action": "start"})
    story.refresh_from_db()
    assert story.state == SourceStory.State.TRANSLATING
    assert story.article.status == Article.Status.DRAFT


def test_each_original_paragraph_has_its_english_row(client, started, profile):
    client.force_login(profile.user)
    response = client.get(translate_url(started))
    rows = response.context["rows"]
    assert [row.number for row, _ in rows] == [1, 2, 3]
    assert rows[1][0].original == "Le deuxième paragraphe parle du Premier ministre."
    page = response.content.decode()
    assert page.count('class="desk-grid__row') == 3
    assert 'name="paragraph_2"' in page


def test_saving_keeps_each_paragraph_in_its_row_and_writes_the_body(client, started, profile):
    client.force_login(profile.user)
    client.post(translate_url(started), form("save", "One.", "", "Three."))
    page = client.get(translate_url(started))
    assert [field.value() for _, field in page.context["rows"]] == ["One.", "", "Three."]
    article = Article.objects.get(pk=started.article_id)
    assert article.headline == "The vote"
    assert article.body == "<p>One.</p><p>Three.</p>"


def test_a_missing_glossary_rendering_is_flagged_beside_its_paragraph(client, started, profile):
    GlossaryTermFactory(term="Assemblée nationale", rendering="National Assembly")
    GlossaryTermFactory(term="Premier ministre", rendering="prime minister", notes="lower case")
    client.force_login(profile.user)
    response = client.post(
        translate_url(started),
        form("preview", "The parliament voted.", "The prime minister spoke.", "It ends."),
    )
    rows = [row for row, _ in response.context["rows"]]
    assert [flag.term for flag in rows[0].missing] == ["Assemblée nationale"]
    assert rows[1].flags and not rows[1].missing  # the rendering is there
    assert not rows[2].flags
    page = response.content.decode()
    assert "1 agreed rendering missing" in page
    assert "desk-flag--missing" in page
    assert "The parliament voted." in page  # what was typed is kept, not saved
    assert Article.objects.get(pk=started.article_id).body == ""


def test_a_paragraph_not_yet_written_shows_the_term_without_a_flag():
    term = GlossaryTermFactory()
    rows = glossary.rows(
        originals=["Vote à l'Assemblée nationale."], english=[""], terms=[term], language="fr"
    )
    assert rows[0].flags and not rows[0].missing


def test_terms_match_whole_words_except_where_words_run_together():
    term = GlossaryTermFactory(language="fr", term="Sénat", rendering="Senate")
    assert not glossary.rows(
        originals=["Les sénateurs"], english=["x"], terms=[term], language="fr"
    )[0].flags
    korean = GlossaryTermFactory(language="ko", term="국회", rendering="National Assembly")
    rows = glossary.rows(
        originals=["국회는 오늘 예산안을 통과시켰다."],
        english=["Parliament passed the budget."],
        terms=[korean],
        language="ko",
    )
    assert [flag.term for flag in rows[0].missing] == ["국회"]


def test_submitting_hands_the_translation_to_the_editors(client, started, profile):
    client.force_login(profile.user)
    response = client.post(translate_url(started), form("submit", "One.", "Two.", "Three."))
    assert response.status_code == 302
    started.refresh_from_db()
    assert started.state == SourceStory.State.IN_REVIEW
    assert started.article.status == Article.Status.IN_REVIEW
    page = client.get(translate_url(started)).content.decode()
    assert "only they can change it now" in page
    assert 'name="paragraph_0"' not in page


def test_submitting_with_a_paragraph_left_keeps_what_was_typed(client, started, profile):
    client.force_login(profile.user)
    response = client.post(translate_url(started), form("submit", "One.", "", "Three."))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Translate every paragraph" in page
    assert "Three." in page
    started.refresh_from_db()
    assert started.state == SourceStory.State.TRANSLATING


def test_a_headline_left_blank_is_a_form_error(client, started, profile):
    client.force_login(profile.user)
    response = client.post(translate_url(started), form("save", "One.", headline=""))
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()


def test_the_page_of_a_story_that_does_not_exist_is_a_404(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:desk_sourcestory_translate", args=[999])).status_code == 404


def test_the_page_warns_when_the_source_does_not_allow_publishing_it(client, editor, profile):
    story = assign(SourceStoryFactory(source__permission=None), to=profile.user, by=editor)
    client.force_login(profile.user)
    page = client.get(translate_url(story)).content.decode()
    assert "no permission has been recorded" in page
    assert "cannot be published until" in page


def test_no_warning_when_the_sources_permission_covers_it(client, started, profile):
    client.force_login(profile.user)
    assert "cannot be published until" not in client.get(translate_url(started)).content.decode()


def test_the_english_headline_starts_empty_not_as_the_original(client, started, profile):
    client.force_login(profile.user)
    form = client.get(translate_url(started)).context["form"]
    assert form["headline"].value() == ""
    response = client.post(translate_url(started), {"action": "save", "headline": ""})
    assert "This field is required" in response.content.decode()
    assert Article.objects.get(pk=started.article_id).headline == started.headline
