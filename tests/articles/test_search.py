import html
import itertools
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article
from articles.search import (
    closest_word,
    parse_query,
    snippet,
    suggest_query,
)
from paywall.models import MeterPolicy
from tests.factories import ArticleFactory, DraftFactory, SectionFactory

pytestmark = pytest.mark.django_db


def search(query):
    return list(Article.objects.published().search(query))


def test_parse_query_reads_phrases_prefixes_and_words():
    parsed = parse_query('"Yalu River" migra* Dandong')
    assert parsed.phrases == (("Yalu", "River"),)
    assert parsed.prefixes == ("migra",)
    assert parsed.words == ("Dandong",)
    assert parsed.tsquery() == "'Dandong' & 'migra':* & ('Yalu' <-> 'River')"


def test_parse_query_drops_tsquery_operators_and_punctuation():
    parsed = parse_query("a&b | !c <-> 'd' ():*")
    assert parsed.tsquery() == "'a' & 'b' & 'c' & 'd'"
    assert not parse_query('?!… -- ** "" ()')


def test_parse_query_caps_terms_and_word_length():
    parsed = parse_query("word " * 500 + "x" * 1000)
    assert len(parsed.words) == 10
    assert all(len(word) <= 60 for word in parse_query("y" * 1000).words)


def test_search_never_finds_drafts_or_scheduled_articles():
    live = ArticleFactory(headline="Dandong waitresses")
    DraftFactory(headline="Dandong draft")
    ArticleFactory(headline="Dandong tomorrow", published_at=timezone.now() + timedelta(days=1))
    assert search("dandong") == [live]


def test_every_word_must_match():
    both = ArticleFactory(headline="River border", body="<p>The Yalu at Dandong.</p>")
    ArticleFactory(headline="River only")
    assert search("river dandong") == [both]


def test_quoted_phrase_needs_the_words_together():
    together = ArticleFactory(body="<p>Along the Yalu River the border is quiet.</p>")
    ArticleFactory(body="<p>The river that people call Yalu is far away.</p>")
    assert search('"yalu river"') == [together]


def test_prefix_query_matches_the_beginning_of_words():
    migrants = ArticleFactory(headline="Migrants cross the sea")
    ArticleFactory(headline="Grants for farmers")
    assert search("migra*") == [migrants]


def test_punctuation_only_and_very_long_queries_are_handled():
    ArticleFactory(headline="Dandong")
    assert search("?!… ---") == []
    assert search("dandong " + "x" * 1000) == []
    assert search(" ".join(["dandong"] * 300)) != []


def test_search_page_shows_highlighted_snippets(client):
    ArticleFactory(
        headline="Border town",
        body="<p>Early words.</p><p>The waitresses of Dandong sing &amp; dance at night.</p>",
        is_free=True,  # a paywalled story's snippet comes from its teaser only
    )
    response = client.get(reverse("articles:search"), {"q": "dandong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>Dandong</mark>" in html
    assert "sing &amp; dance" in html
    assert "1 result for" in html


def test_search_page_escapes_query_and_survives_odd_input(client):
    url = reverse("articles:search")
    for query in ["<script>alert(1)</script>", "x" * 1000, "!!!", "\"'\\:*&|", ""]:
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        assert b"<script>alert(1)" not in response.content


def test_snippet_never_lets_article_markup_through(client):
    ArticleFactory(headline="Safe", body="<p>Dandong <strong>bold</strong> text.</p>", is_free=True)
    html = client.get(reverse("articles:search"), {"q": "dandong"}).content.decode()
    assert "<mark>Dandong</mark> bold text" in html


@pytest.mark.postgres
def test_search_vector_is_kept_current_on_save():
    article = ArticleFactory(headline="Old words")
    assert search("harbour") == []
    article.headline = "Harbour strike"
    article.save()
    assert search("harbour") == [article]


@pytest.mark.postgres
def test_headline_match_ranks_above_dek_above_body():
    in_body = ArticleFactory(body="<p>A story about the harbour strike.</p>")
    in_headline = ArticleFactory(headline="Harbour strike")
    in_dek = ArticleFactory(dek="A strike at the harbour.")
    assert search("harbour") == [in_headline, in_dek, in_body]


@pytest.mark.postgres
def test_stemming_matches_other_forms_of_a_word():
    article = ArticleFactory(headline="Workers are striking")
    assert search("strike") == [article]


def test_a_snippet_marks_matches_in_body_text_without_its_markup():
    body = "<p>Nothing here.</p><p>The <em>harbour</em> closed.</p>"
    assert snippet(body, parse_query("harbour")) == "… The <mark>harbour</mark> closed."


def test_a_query_matching_more_than_the_limit_ranks_only_the_newest(client, monkeypatch):
    monkeypatch.setattr("articles.models.MAX_RESULTS", 2)
    monkeypatch.setattr("articles.views.MAX_RESULTS", 2)
    now = timezone.now()
    oldest, middle, newest = (
        ArticleFactory(headline="Harbour strike", published_at=now - timedelta(days=d))
        for d in (3, 2, 1)
    )
    assert set(search("harbour")) == {middle, newest}
    html = client.get(reverse("articles:search"), {"q": "harbour"}).content.decode()
    assert "More than 2 stories match" in html
    assert oldest.get_absolute_url() not in html


def test_a_repeated_search_runs_no_sql(client, django_assert_num_queries):
    ArticleFactory(headline="Dandong at night")
    url = reverse("articles:search")
    client.get(url, {"q": "dandong"})
    with django_assert_num_queries(0):
        response = client.get(url, {"q": "dandong"})
    assert "1 result for" in response.content.decode()


def test_a_new_article_shows_in_a_repeated_search_at_once(client):
    ArticleFactory(headline="Dandong at night")
    url = reverse("articles:search")
    client.get(url, {"q": "dandong"})
    ArticleFactory(headline="Dandong by day")
    html = client.get(url, {"q": "dandong"}).content.decode()
    assert "2 results for" in html
    assert "Dandong by day" in html


def test_a_new_query_finding_stories_shown_before_only_ranks(client, django_assert_num_queries):
    ArticleFactory(headline="Dandong at night", dek="Waitresses sing by the river.")
    url = reverse("articles:search")
    client.get(url, {"q": "dandong"})
    with django_assert_num_queries(1):  # the ranking; the card is the one shown before
        html = client.get(url, {"q": "river"}).content.decode()
    assert "Dandong at night" in html
    assert '<p class="search-result__snippet">' in html


def test_an_edited_story_shows_its_new_card_in_every_search_at_once(client):
    story = ArticleFactory(headline="Dandong at night", body="<p>Waitresses sing.</p><p>x</p>")
    url = reverse("articles:search")
    client.get(url, {"q": "waitresses"})
    story.headline = "Dandong after dark"
    story.body = "<p>Waitresses dance.</p><p>x</p>"
    story.save()
    html = client.get(url, {"q": "dance"}).content.decode()
    assert "Dandong after dark" in html and "Dandong at night" not in html
    assert "Waitresses <mark>dance</mark>." in html


def test_each_query_and_page_keeps_its_own_results(client):
    ArticleFactory(headline="Dandong at night")
    ArticleFactory(headline="Harbour strike")
    ArticleFactory.create_batch(21, headline="Market day")
    url = reverse("articles:search")
    assert "Dandong at night" in client.get(url, {"q": "dandong"}).content.decode()
    html = client.get(url, {"q": "harbour"}).content.decode()
    assert "Harbour strike" in html
    assert "Dandong" not in html
    first = client.get(url, {"q": "market"}).content.decode()
    second = client.get(url, {"q": "market", "page": 2}).content.decode()
    assert first.count('class="search-result"') == 20
    assert second.count('class="search-result"') == 1


def test_the_next_page_of_a_search_fetches_only_its_own_rows(client, django_assert_max_num_queries):
    now = timezone.now()
    stories = [
        ArticleFactory(headline=f"Market day {n}", published_at=now - timedelta(hours=n))
        for n in range(25)
    ]
    url = reverse("articles:search")
    first = client.get(url, {"q": "market"}).content.decode()

    with django_assert_max_num_queries(2):  # the page's rows and their bylines; no ranking
        second = client.get(url, {"q": "market", "page": 2}).content.decode()

    shown = [s.headline for s in stories if f">{s.headline}<" in first + second]
    assert sorted(shown) == sorted(s.headline for s in stories)  # each once, none missing
    assert first.count('class="search-result"') == 20
    assert second.count('class="search-result"') == 5
    # One ranked list cut in pages: equal matches rank newest first, so page 2 is the oldest.
    assert all(f">{s.headline}<" in second for s in stories[20:])


# A paywalled story (not free, not in a free section): the policy's teaser is its first two
# paragraphs, and each later paragraph is for subscribers only.
STORY = [
    "Harbour pilots in Gdansk guide container ships through the narrow channel at dawn.",
    "Their union says the work has changed more in five years than in fifty before.",
    "Marzena Kowalczyk keeps a logbook of every tanker whose captain refused a tugboat escort.",
    "Insurers quietly doubled premiums after a grain carrier scraped the breakwater last winter.",
    "A retired admiral believes automated docking software will replace most apprentices soon.",
    "Nobody at the ministry answered questions about the dredging contract awarded in March.",
]
TEASER, GATED = STORY[:2], STORY[2:]


def story_body(paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def words(text):
    return re.findall(r"\w+", text.lower())


def leaked_runs(page_html, paragraphs, *, length=8):
    """Runs of `length` consecutive words of these paragraphs that the page shows."""
    shown = " ".join(words(strip_tags(html.unescape(page_html))))
    leaked = []
    for paragraph in paragraphs:
        tokens = words(paragraph)
        for start in range(len(tokens) - length + 1):
            run = " ".join(tokens[start : start + length])
            if f" {run} " in f" {shown} ":
                leaked.append(run)
    return leaked


def crawl(paragraph):
    """Queries a reader could try to rebuild a paragraph: its rare words, each pair of
    neighbouring words, quoted phrases and prefixes."""
    tokens = re.findall(r"[A-Za-z]+", paragraph)
    rare = [w for w in tokens if len(w) > 5]
    queries = [" ".join(rare), *rare[:4]]
    queries += [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
    queries += [f'"{" ".join(tokens[i : i + 3])}"' for i in range(0, len(tokens) - 2, 3)]
    queries += [f"{w[:5]}*" for w in rare[:3]]
    return queries


def test_search_never_shows_text_of_a_gated_paragraph(client):
    story = ArticleFactory(headline="The pilots of the Baltic", body=story_body(STORY))
    url = reverse("articles:search")
    for paragraph in GATED:
        rare_words = " ".join(w for w in words(paragraph) if len(w) > 5)
        page = client.get(url, {"q": rare_words}).content.decode()
        assert story.headline in page  # ranking still reads the whole body
        for query in crawl(paragraph):
            page = client.get(url, {"q": query}).content.decode()
            assert page.count('class="search-result"') <= 1, query
            assert leaked_runs(page, GATED) == [], query


def test_a_gated_story_snippet_comes_from_its_teaser(client):
    ArticleFactory(body=story_body(STORY))
    page = client.get(reverse("articles:search"), {"q": "dawn"}).content.decode()
    assert "<mark>dawn</mark>" in page
    assert "narrow channel at" in page
    # Words only the subscribers' part holds find the story; its snippet is the teaser.
    page = client.get(reverse("articles:search"), {"q": "tugboat"}).content.decode()
    results = page[page.index('<ol class="search-results">') :]
    assert "Harbour pilots in Gdansk" in results
    assert "tugboat" not in strip_tags(results)


def test_a_gated_story_of_one_paragraph_shows_no_snippet(client):
    story = ArticleFactory(body="<p>The walruses of Svalbard have moved north again.</p>")
    page = client.get(reverse("articles:search"), {"q": "walruses"}).content.decode()
    assert story.headline in page
    assert "Svalbard" not in page


def test_a_free_story_snippet_still_comes_from_its_whole_body(client):
    ArticleFactory(body=story_body(STORY), is_free=True)
    page = client.get(reverse("articles:search"), {"q": "dredging"}).content.decode()
    assert "<mark>dredging</mark> contract awarded in March" in page


def test_a_story_in_a_free_section_or_with_the_paywall_off_shows_its_whole_body(client):
    section = SectionFactory()
    ArticleFactory(body=story_body(STORY), section=section)
    policy = MeterPolicy.objects.create()
    policy.free_sections.add(section)
    page = client.get(reverse("articles:search"), {"q": "dredging"}).content.decode()
    assert "<mark>dredging</mark> contract awarded in March" in page

    policy.free_sections.clear()
    page = client.get(reverse("articles:search"), {"q": "dredging"}).content.decode()
    assert leaked_runs(page, GATED) == []

    policy.enabled = False
    policy.save()
    page = client.get(reverse("articles:search"), {"q": "dredging"}).content.decode()
    assert "<mark>dredging</mark> contract awarded in March" in page


def test_snippets_follow_a_shorter_teaser_at_once(client):
    ArticleFactory(body=story_body(STORY))
    policy = MeterPolicy.objects.create(teaser_paragraphs=3)
    url = reverse("articles:search")
    page = client.get(url, {"q": "logbook"}).content.decode()
    assert "a <mark>logbook</mark> of every tanker" in page  # the third paragraph is teaser

    policy.teaser_paragraphs = 2
    policy.save()
    page = client.get(url, {"q": "logbook"}).content.decode()
    assert leaked_runs(page, GATED) == []


@pytest.mark.postgres
def test_the_snippet_of_a_gated_story_marks_stemmed_words_of_its_teaser(client):
    ArticleFactory(body=story_body(STORY))
    page = client.get(reverse("articles:search"), {"q": "guiding"}).content.decode()
    # PostgreSQL finds "guide" for "guiding"; the snippet marks it by the same stem.
    assert "pilots in Gdansk <mark>guide</mark> container ships" in page
    assert leaked_runs(page, GATED) == []


def test_a_snippet_marks_words_by_stem_prefix_and_phrase():
    body = "<p>Migrants guide the state-owned ferries; the ferry sails at dawn.</p>"
    marked = snippet(body, parse_query("guiding ferry"))
    assert marked == (
        "Migrants <mark>guide</mark> the state-owned <mark>ferries</mark>; "
        "the <mark>ferry</mark> sails at dawn."
    )
    assert "<mark>Migrants</mark>" in snippet(body, parse_query("migra*"))
    assert "state-<mark>owned</mark>" in snippet(body, parse_query("owning"))
    phrase = snippet(body, parse_query('"the ferry"'))
    assert "; <mark>the ferry</mark> sails" in phrase
    assert "<mark>the</mark> state" not in phrase  # "the" alone is not the phrase


def test_a_snippet_comes_from_the_block_matching_most_of_the_query():
    body = "<p>The ferry left.</p><p>Later the ferry sailed at dawn.</p>"
    assert snippet(body, parse_query("ferry dawn")) == (
        "… Later the <mark>ferry</mark> sailed at <mark>dawn</mark>."
    )


def test_ranking_puts_headline_matches_first_on_either_database():
    # Newest first would give the reverse order: on SQLite too, the headline ranks first.
    in_headline = ArticleFactory(
        headline="Harbour strike", published_at=timezone.now() - timedelta(days=3)
    )
    in_dek = ArticleFactory(
        dek="A strike at the harbour.", published_at=timezone.now() - timedelta(days=2)
    )
    in_body = ArticleFactory(
        body="<p>A story about the harbour strike.</p>",
        published_at=timezone.now() - timedelta(days=1),
    )
    assert search("harbour strike") == [in_headline, in_dek, in_body]


def test_the_original_headline_is_searchable_and_ranks_as_a_headline():
    french = ArticleFactory(
        headline="The waitresses of Dandong",
        original_headline="Les serveuses de Dandong",
        published_at=timezone.now() - timedelta(days=2),
    )
    in_body = ArticleFactory(body="<p>Les serveuses chantent.</p>")
    assert search("serveuses") == [french, in_body]


def test_the_query_is_shown_once_quoted(client):
    ArticleFactory(headline="North Korea opens a border", is_free=True)
    url = reverse("articles:search")
    page = client.get(url, {"q": '"north korea"'}).content.decode()
    assert "1 result for “north korea”." in page
    assert "“&quot;" not in page and '“"' not in page
    page = client.get(url, {"q": '"north korea" border'}).content.decode()
    assert "1 result for “north korea” border." in page
    page = client.get(url, {"q": "korea"}).content.decode()
    assert "1 result for “korea”." in page
    page = client.get(url, {"q": '"no such phrase"'}).content.decode()
    assert "No stories match “no such phrase”." in page


def test_a_snippet_never_runs_a_heading_into_the_next_paragraph(client):
    ArticleFactory(
        headline="Border town",
        body="<p>Opening words.</p><h2>Dandong at night</h2><p>Waitresses sing here.</p>",
        is_free=True,
    )
    page = client.get(reverse("articles:search"), {"q": "dandong"}).content.decode()
    [snippet] = re.findall(r'<p class="search-result__snippet">(.*?)</p>', page, re.S)
    assert "<mark>Dandong</mark> at night" in snippet
    assert "night Waitresses" not in snippet and "words. Dandong" not in snippet


def test_a_snippet_stays_in_the_block_of_its_match():
    body = "<h2>Dandong</h2><p>The waitresses sing.</p><ul><li>One</li><li>Two</li></ul>"
    assert snippet(body, parse_query("dandong")) == "<mark>Dandong</mark> …"
    assert snippet(body, parse_query("sing")) == "… The waitresses <mark>sing</mark>. …"
    assert snippet(body, parse_query("two")) == "… <mark>Two</mark>"
    assert snippet(body, parse_query("waitresses sing")) == "… The <mark>waitresses sing</mark>. …"


def test_a_long_block_shows_about_thirty_words_from_just_before_its_first_match():
    words = [f"w{n}" for n in range(100)]
    words[50] = "harbour"
    marked = snippet(f"<p>{' '.join(words)}.</p>", parse_query("harbour"))
    assert marked == "… " + " ".join(words[42:50]) + " <mark>harbour</mark> " + (
        " ".join(words[51:72]) + " …"
    )


def test_suggest_query_corrects_only_misspelt_words():
    vocabulary = ["dandong", "waitresses"]

    def correct(word):
        return closest_word(word, vocabulary)

    assert suggest_query('"waitreses of Dandnog" migr*', correct) == '"waitresses of dandong" migr*'
    assert suggest_query("dandong", correct) == ""
    assert suggest_query("zzzzzz", correct) == ""


def test_nothing_found_offers_a_correction_that_finds_something(client):
    ArticleFactory(headline="The waitresses of Dandong", is_free=True)
    url = reverse("articles:search")
    page = client.get(url, {"q": "Dandnog"}).content.decode()
    assert "No stories match “Dandnog”. Did you mean" in page
    assert '<a href="?q=dandong">“dandong”</a>?' in page
    assert "1 result for “dandong”." in client.get(url, {"q": "dandong"}).content.decode()
    # No correction that finds nothing, none for a word far from every headline.
    page = client.get(url, {"q": "dandnog zebra"}).content.decode()
    assert "Did you mean" not in page and "Try fewer or different words." in page


def test_a_correction_is_cached_with_the_query(client, django_assert_num_queries):
    ArticleFactory(headline="The waitresses of Dandong", is_free=True)
    url = reverse("articles:search")
    client.get(url, {"q": "Dandnog"})
    with django_assert_num_queries(0):
        assert "Did you mean" in client.get(url, {"q": "Dandnog"}).content.decode()


def test_the_vocabulary_holds_original_headlines_and_deks():
    ArticleFactory(headline="Border", original_headline="Frontière fermée", dek="Quiet nights.")
    words = Article.objects.search_vocabulary()
    assert {"border", "frontière", "fermée", "quiet", "nights"} <= set(words)


@pytest.mark.postgres
def test_postgres_corrects_with_trigrams_over_the_vocabulary(django_assert_max_num_queries):
    from django.db import connection

    from articles.models import _has_trigrams

    assert _has_trigrams(connection.alias)
    ArticleFactory(headline="The waitresses of Dandong")
    vocabulary = Article.objects.search_vocabulary()
    # The extension check, one similarity query over the vocabulary, the corrected search.
    with django_assert_max_num_queries(3):
        suggestion = Article.objects.spelling_suggestion("dandonk", vocabulary=lambda: vocabulary)
    assert suggestion == "dandong"


def test_a_story_found_by_its_original_headline_shows_it(client):
    ArticleFactory(headline="Hard labor", original_headline="Le dur labeur", is_free=True)
    url = reverse("articles:search")
    page = client.get(url, {"q": "labeur"}).content.decode()
    assert "Original headline: “Le dur labeur”" in page
    assert "Original headline" not in client.get(url, {"q": "labor"}).content.decode()


@pytest.mark.postgres
def test_postgres_keeps_the_search_vector_inside_the_row():
    # Out of line (in the TOAST table), ranking the newest matches reads every vector twice
    # from there: about twice as slow (bench/scale_bench.py, search-new).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute"
            " WHERE attrelid = 'articles_article'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == ("m",)
