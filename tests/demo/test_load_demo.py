"""The demo publication: its stories are complete, and loading it twice changes nothing."""

import re
from collections import Counter
from io import BytesIO, StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Section,
    Series,
    Source,
    SourcePermission,
)
from demo.content.desk import ENGLISH as DESK_TRANSLATIONS
from demo.content.seed import PERMISSIONS, SECTIONS, SEED_STORIES, SERIES, SOURCES
from demo.content.stories import GENERATED_STORIES
from demo.content.workflow import STORIES as WORKFLOW_STORIES

SHAPE = set(SEED_STORIES[0])


def test_there_are_forty_generated_stories_in_the_seed_shape():
    assert len(GENERATED_STORIES) >= 40
    for story in GENERATED_STORIES:
        assert set(story) >= SHAPE, story["slug"]
        assert 1 <= len(story["authors"]) <= 5
        assert (
            len(story["image"]["palette"]) == 2
        )  # alt text comes from demo.content.images.describe


def test_generated_stories_cover_every_section_source_and_series():
    stories = GENERATED_STORIES
    assert {s["section"] for s in stories} == {slug for _, slug, _ in SECTIONS}
    granted = {slug for slug, agreement in PERMISSIONS.items() if agreement["status"] == "granted"}
    assert {s["source"] for s in stories} - {None} == granted
    series = Counter(s["series"] for s in stories)
    assert series["eyes-on-us"] >= 5 and series["worldcrunch-today"] >= 3
    assert {s["series"] for s in stories} - {None} == {row[1] for row in SERIES}
    assert 2 <= sum(bool(s.get("is_free")) for s in stories) <= 3
    hours = [s["hours_ago"] for s in stories]
    assert max(hours) - min(hours) >= 24 * 14


def test_demo_sources_hold_permissions_of_every_status():
    statuses = {agreement["status"] for agreement in PERMISSIONS.values()}
    assert statuses == set(SourcePermission.Status.values)
    assert set(PERMISSIONS) == {source[1] for source in SOURCES}


def test_authors_recur_so_author_pages_have_several_stories():
    names = Counter(name for s in GENERATED_STORIES for name in s["authors"])
    assert sum(1 for count in names.values() if count >= 3) >= 5


def test_every_story_reads_as_journalism():
    slugs = [s["slug"] for s in SEED_STORIES + GENERATED_STORIES]
    assert len(slugs) == len(set(slugs))
    paragraphs = Counter()
    for story in GENERATED_STORIES:
        body = story["body"]
        found = re.findall(r"<p>(.*?)</p>", body, flags=re.S)
        assert len(found) >= 6, story["slug"]
        assert "<h2>" in body, story["slug"]
        assert "lorem" not in body.lower()
        paragraphs.update(p for p in found if len(p) > 80)  # sign-offs may repeat
    assert paragraphs.most_common(1)[0][1] == 1  # no filler repeated across stories
    with_extras = [
        s for s in GENERATED_STORIES if "<blockquote>" in s["body"] or "<ul>" in s["body"]
    ]
    assert len(with_extras) >= 20


def test_daily_editions_open_with_a_greeting_and_name_its_language():
    editions = [s for s in GENERATED_STORIES if s["series"] == "worldcrunch-today"]
    assert all(s["section"] == "in-the-news" for s in editions)
    for edition in editions:
        assert re.match(r"\s*<p><strong>[^<]+!\*</strong>", edition["body"]), edition["slug"]
        assert re.search(r"<em>\*\w[\w ]*, spoken in [A-Z]", edition["body"]), edition["slug"]
    assert any("quiz" in s["body"].lower() and "Weekend" in s["headline"] for s in editions)


def tiny_jpeg(seed, palette, place):
    buffer = BytesIO()
    Image.new("RGB", (24, 16), palette[0]).save(buffer, "JPEG")
    return buffer.getvalue()


def counts():
    models = [Article, ArticleAuthor, Author, Section, Series, Source, Tag, get_user_model()]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_the_second_time(monkeypatch):
    # Pillow-drawn 1600px pictures are the slow part and not what this test is about.
    monkeypatch.setattr("demo.content.articles.draw_lead_image", tiny_jpeg)
    first = StringIO()
    call_command("load_demo", stdout=first)
    after_first = counts()
    stories = SEED_STORIES + GENERATED_STORIES
    total = len(stories)
    # Plus a draft, one in review and one scheduled from the workflow demo, and the desk's
    # translations (a draft, one in review, one published): none of them a demo story.
    assert after_first["Article"] == total + len(WORKFLOW_STORIES) + len(DESK_TRANSLATIONS)
    demo_articles = Article.objects.filter(slug__in=[story["slug"] for story in stories])
    assert demo_articles.published().count() == total
    assert f"stories: {total}/{total}" in first.getvalue()
    assert "Admin user created" in first.getvalue()
    bylines = {name for story in stories for name in story["authors"]}
    assert not Author.objects.filter(name__in=bylines, bio="").exists()
    # Every demo translation is covered by its source's permission, so the demo publishes.
    assert SourcePermission.objects.count() == len(SOURCES)
    for article in demo_articles.filter(source__isnull=False).select_related("source__permission"):
        on = timezone.localdate(article.published_at)
        assert article.source_permission_missing(on=on) == "", article.slug

    second = StringIO()
    call_command("load_demo", stdout=second)
    assert counts() == after_first
    assert f"Stories: 0 created, {total} already there." in second.getvalue()
    assert "Admin user created" not in second.getvalue()


@pytest.mark.django_db
def test_load_demo_ends_with_every_demo_login_and_each_one_works(monkeypatch):
    monkeypatch.setattr("demo.content.articles.draw_lead_image", tiny_jpeg)
    out = StringIO()
    call_command("load_demo", stdout=out)
    block = out.getvalue().split("Demo accounts:\n", 1)[1]
    logins = re.findall(r"^  (\S+) / (\S+)  +(.+), at (\S+)$", block, re.M)
    assert [username for username, *_ in logins] == [
        "admin",
        "writer",
        "editor",
        "chief",
        "translator",
        "reader@example.com",
        "subscriber@example.com",
    ]
    User = get_user_model()
    for username, password, _who, where in logins:
        user = User.objects.get(username=username)
        assert user.check_password(password)
        assert user.is_staff == (where == "/admin/")
    # Printed on every run, not only the first, so `make run` always shows them.
    again = StringIO()
    call_command("load_demo", stdout=again)
    assert again.getvalue().endswith(block)


@pytest.mark.django_db
def test_demo_pictures_are_described_as_the_illustrations_they_are(monkeypatch):
    """The demo draws its pictures: alt text and captions must not describe photos that are
    not there (a screen-reader user would be misled)."""
    monkeypatch.setattr("demo.content.articles.draw_lead_image", tiny_jpeg)
    call_command("load_demo", stdout=StringIO())

    illustrated = Article.objects.exclude(lead_image=None).select_related("lead_image")
    assert illustrated.count() > 40
    for article in illustrated:
        image = article.lead_image
        assert image.alt_text.startswith("Illustration: a red map pin"), image.alt_text
        assert image.caption.startswith("Illustration: "), image.caption
        assert image.caption.removeprefix("Illustration: ") in image.alt_text
        if article.country:
            assert article.country.name in image.alt_text
