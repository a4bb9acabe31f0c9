"""The article page through HTTP: the meter, the gate, headers and structured data."""

import json
from datetime import timedelta

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from paywall.readers import reader_from_request
from paywall.services.access import decide_access
from paywall.services.meter import COOKIE_NAME, COOKIE_SALT, Meter, encode_cookie
from paywall.services.policy import get_policy
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, paragraphs

from .conftest import is_gated, json_ld, read

LAST_PARAGRAPH = b"Paragraph 6 of the story"


def test_article_n_is_free_and_article_n_plus_one_is_gated(client, articles):
    for article in articles[:3]:
        response = read(client, article)
        assert response.status_code == 200
        assert not is_gated(response)
        assert LAST_PARAGRAPH in response.content
    response = read(client, articles[3])
    assert response.status_code == 200
    assert is_gated(response)


def test_gated_page_holds_the_teaser_but_not_the_rest_of_the_body(client, articles):
    for article in articles[:3]:
        read(client, article)
    response = read(client, articles[3])
    assert b"Paragraph 1 of the story" in response.content
    assert b"Paragraph 2 of the story" in response.content
    assert b"Paragraph 3 of the story" not in response.content
    assert LAST_PARAGRAPH not in response.content


def test_gated_page_shows_the_paywall_copy(client, articles, plan, annual):
    for article in articles[:3]:
        read(client, article)
    html = read(client, articles[3]).content.decode()
    for line in [
        "You've reached your limit of free articles.",
        "To read the full story, start your free trial today.",
        "Get unlimited access. Cancel anytime.",
        "Exclusive coverage from the world's top sources, in English for the first time.",
        "Insights from the widest range of perspectives, languages and countries.",
        "Already a subscriber?",
    ]:
        assert line.replace("'", "&#x27;") in html or line in html
    assert reverse("paywall:login") in html
    assert f"{reverse('paywall:subscribe', args=['monthly'])}?from={articles[3].pk}" in html
    assert "Best value" in html


def test_dateline_still_opens_the_teaser(client, policy):
    policy.free_articles = 0
    policy.save()
    article = ArticleFactory(dateline="Dandong")
    html = read(client, article).content.decode()
    assert '<p><span class="dateline">DANDONG —</span> Paragraph 1' in html


def test_rereading_a_counted_article_is_free_over_the_limit(client, articles):
    for article in articles[:3]:
        read(client, article)
    assert not is_gated(read(client, articles[0]))
    assert is_gated(read(client, articles[4]))


def test_meter_window_is_rolling(client, articles, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    for article in articles[:3]:
        read(client, article)
    time_machine.move_to(start + timedelta(days=29, hours=23), tick=False)
    assert is_gated(read(client, articles[3]))
    time_machine.move_to(start + timedelta(days=30, minutes=1), tick=False)
    assert not is_gated(read(client, articles[3]))


def test_notice_says_how_many_free_articles_are_left(client, articles):
    assert b"You have 2 free articles left." in read(client, articles[0]).content
    assert b"You have 1 free article left." in read(client, articles[1]).content
    assert b"This is your last free article." in read(client, articles[2]).content


def test_free_articles_and_free_sections_never_count(client, policy):
    free_section = SectionFactory()
    policy.free_sections.add(free_section)
    free_ones = [ArticleFactory(is_free=True), ArticleFactory(section=free_section)]
    paid = ArticleFactory.create_batch(4)
    for article in free_ones * 3:
        assert not is_gated(read(client, article))
    for article in paid[:3]:
        assert not is_gated(read(client, article))
    assert is_gated(read(client, paid[3]))
    assert not is_gated(read(client, free_ones[0]))


def test_home_and_list_pages_never_count(client, articles):
    section = articles[0].section
    for url in [
        reverse("home"),
        reverse("articles:latest"),
        section.get_absolute_url(),
        reverse("articles:search") + "?q=Paragraph",
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert COOKIE_NAME not in response.cookies
    for article in articles[:3]:
        assert not is_gated(read(client, article))


@pytest.mark.parametrize(
    "cookie",
    [
        "garbage",
        "",
        "a:b:c",
        signing.Signer(salt="another-salt").sign("1.1700000000"),
        signing.Signer(salt=COOKIE_SALT).sign("not a meter"),
        signing.Signer(salt=COOKIE_SALT).sign("x.y"),
        signing.Signer(salt=COOKIE_SALT).sign("1.2.3"),
        signing.Signer(salt=COOKIE_SALT).sign(f"1.{10**20}"),
        signing.Signer(salt=COOKIE_SALT).sign(f"{10**20}.1700000000"),
        signing.dumps([[1, 1700000000]], salt=COOKIE_SALT),  # another signed format
        "\x00\xff" * 50,
    ],
)
def test_forged_or_garbled_cookie_starts_an_empty_meter(client, articles, cookie):
    client.cookies[COOKIE_NAME] = cookie
    response = read(client, articles[0])
    assert response.status_code == 200
    assert b"You have 2 free articles left." in response.content


def test_cookie_with_another_key_is_rejected(client, articles, settings):
    now = timezone.now()
    full = Meter(reads={9001: now, 9002: now, 9003: now})
    settings.SECRET_KEY = "an attacker's key"
    forged = encode_cookie(full)
    settings.SECRET_KEY = "tests-only-secret-key"
    client.cookies[COOKIE_NAME] = forged
    assert not is_gated(read(client, articles[0]))


def test_expired_cookie_starts_an_empty_meter(client, articles, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    for article in articles[:3]:
        read(client, article)
    time_machine.move_to(start + timedelta(days=31), tick=False)
    assert b"You have 2 free articles left." in read(client, articles[3]).content


def test_meter_cookie_is_signed_httponly_and_lax(client, articles):
    response = read(client, articles[0])
    morsel = response.cookies[COOKIE_NAME]
    assert morsel["httponly"]
    assert morsel["samesite"] == "Lax"
    assert int(morsel["max-age"]) == 30 * 24 * 3600
    payload = signing.Signer(salt=COOKIE_SALT).unsign(morsel.value)
    assert payload.split(".")[0] == str(articles[0].pk)


def test_metered_and_gated_responses_are_private_and_vary_on_cookie(client, articles):
    for article in articles[:4]:
        response = read(client, article)
        assert "private" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]


def test_free_article_response_is_not_marked_private(client, policy):
    response = read(client, ArticleFactory(is_free=True))
    assert "private" not in response.get("Cache-Control", "")


def test_subscriber_reads_everything_and_sees_the_full_body(client, articles, subscriber):
    client.force_login(subscriber)
    for article in articles:
        response = read(client, article)
        assert not is_gated(response)
        assert LAST_PARAGRAPH in response.content
        assert "private" in response["Cache-Control"]


def test_json_ld_describes_a_paywalled_news_article(client, articles):
    author = AuthorFactory(name="Brice Pedroletti")
    article = ArticleFactory(authors=[author])
    for other in articles[:3]:
        read(client, other)
    data = json.loads(json_ld(read(client, article)))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.headline
    assert data["description"] == article.dek
    assert data["datePublished"] == article.published_at.isoformat()
    assert "dateModified" in data
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Brice Pedroletti",
            "url": f"http://127.0.0.1:8000{author.get_absolute_url()}",
        }
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"]
    assert data["publisher"]["logo"]["url"].endswith("/static/img/logo.png")
    assert data["articleSection"] == article.section.name
    assert data["mainEntityOfPage"]["@id"].endswith(article.get_absolute_url())
    assert data["isAccessibleForFree"] is False
    assert data["hasPart"] == {
        "@type": "WebPageElement",
        "isAccessibleForFree": False,
        "cssSelector": ".story__paywalled",
    }


def test_json_ld_of_a_free_article_has_no_gated_part(client, policy):
    data = json.loads(json_ld(read(client, ArticleFactory(is_free=True))))
    assert data["isAccessibleForFree"] is True
    assert "hasPart" not in data


def test_json_ld_image_is_an_absolute_rendition_url(client, policy):
    from tests.factories import image_upload

    article = ArticleFactory(lead_image=image_upload(), lead_image_alt="A photo")
    data = json.loads(json_ld(read(client, article)))
    assert data["image"][0].startswith("http://127.0.0.1:8000/media/renditions/")
    assert data["image"][0].endswith("-1200.jpg")


def test_json_ld_cannot_be_broken_out_of(client, policy):
    article = ArticleFactory(headline="</script><script>alert(1)</script>", is_free=True)
    html = read(client, article).content.decode()
    script = json_ld(read(client, article))
    assert "</script>" not in script
    assert json.loads(script)["headline"] == article.headline
    assert "<script>alert(1)" not in html


def test_subscriber_page_marks_the_gated_part_with_the_selector(client, articles, subscriber):
    client.force_login(subscriber)
    html = read(client, articles[0]).content.decode()
    assert '<div class="story__paywalled">' in html
    assert html.index("Paragraph 2 of the story") < html.index('class="story__paywalled"')
    assert html.index('class="story__paywalled"') < html.index("Paragraph 3 of the story")


def test_short_article_never_shows_its_last_paragraph_when_gated(client, policy):
    policy.free_articles = 0
    policy.save()
    article = ArticleFactory(body=paragraphs(2, prefix="Short"))
    response = read(client, article)
    assert is_gated(response)
    assert b"Short 1 of the story" in response.content
    assert b"Short 2 of the story" not in response.content


def test_unknown_article_is_404(client, policy):
    assert client.get("/article/no-such-story/").status_code == 404


# Speed: the meter decision for an anonymous reader adds no SQL query.


def test_anonymous_meter_decision_adds_no_query(rf, articles, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    get_policy()  # warm the policy cache, as every request after the first finds it
    request = rf.get(articles[0].get_absolute_url())
    request.user = AnonymousUser()
    now = timezone.now()
    request.COOKIES[COOKIE_NAME] = encode_cookie(Meter(reads={articles[1].pk: now}))
    with django_assert_num_queries(0):
        reader = reader_from_request(request, now=now)
        access = decide_access(reader=reader, article=articles[0], now=now)
    assert access.reason == "metered"


@pytest.mark.parametrize("kind", ["reader", "subscriber"])
def test_signed_in_meter_decision_reads_the_readers_rows_once_then_none(
    rf, articles, reader, subscriber, kind, django_assert_max_num_queries
):
    get_policy()
    request = rf.get(articles[0].get_absolute_url())
    request.user = reader if kind == "reader" else subscriber
    now = timezone.now()
    with django_assert_max_num_queries(3):  # subscription, meter reads, gift links
        access = decide_access(
            reader=reader_from_request(request, now=now), article=articles[0], now=now
        )
    assert access.full
    with django_assert_max_num_queries(0):  # cached under the reader
        again = decide_access(
            reader=reader_from_request(request, now=now), article=articles[0], now=now
        )
    assert again == access


def test_anonymous_article_view_writes_nothing_to_the_database(client, articles):
    read(client, articles[0])  # warm caches
    for article in articles[1:5]:
        with CaptureQueriesContext(connection) as queries:
            read(client, article)
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert writes == []


def test_article_page_query_count_is_bounded(client, articles, django_assert_max_num_queries):
    read(client, articles[0])
    with django_assert_max_num_queries(12):
        read(client, articles[1])
