"""The editors' admin: lists, search, filters, actions, the article form and its uploads."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article, Author
from images.models import Image as LibraryImage
from newsletters.admin import IssueArticleInline
from newsletters.models import NewsletterIssue
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftFactory,
    InReviewFactory,
    NewsletterIssueFactory,
    SectionFactory,
    SeriesFactory,
    SourceFactory,
    image_upload,
)
from tests.images.test_admin import IMAGE_ADD, new_image

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def section():
    return SectionFactory(name="Food / Travel", slug="food-travel")


def new_article(section, **overrides):
    """What an editor types into the empty article form."""
    author = AuthorFactory(name="Brice Pedroletti")
    data = {
        "headline": "The Hard Labor Of North Korean Workers In China",
        "slug": "",
        "dek": "Recent UN sanctions are trying to limit the flow of money.",
        "dateline": "Dandong",
        "body": "<p>In their pink and blue joseon-ots, the waitresses take orders.</p>",
        "section": section.pk,
        "tags": ["North Korea", "Food, Travel"],
        "country": "CN",
        "original_headline": "En Chine, le dur labeur",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-0-author": author.pk,
        "bylines-0-position": "0",
        "workflow_events-TOTAL_FORMS": "0",
        "workflow_events-INITIAL_FORMS": "0",
    }
    return data | overrides


def form_of(response):
    return response.context["adminform"].form


def jpeg_with_exif_orientation_6(size=(300, 200)) -> SimpleUploadedFile:
    """A landscape JPEG whose EXIF says "rotate 90° clockwise to display" (camera held upright)."""
    image = Image.new("RGB", size, "navy")
    image.paste((255, 200, 0), (0, 0, size[0] // 4, size[1]))  # a yellow band on the left
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("upright.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_changelist_lists_articles_with_their_columns(admin_client):
    ArticleFactory(headline="Bread in Kassel", authors=[AuthorFactory(name="Hanna Wolter")])
    response = admin_client.get(CHANGELIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bread in Kassel" in html
    assert "Hanna Wolter" in html


def test_changelist_search_finds_by_headline_and_dek(admin_client):
    ArticleFactory(headline="Bread in Kassel", dek="Bakeries close.")
    ArticleFactory(headline="Glaciers in Valais", dek="The ice melts.")
    found = admin_client.get(CHANGELIST, {"q": "bakeries"}).context["cl"].result_list
    assert [a.headline for a in found] == ["Bread in Kassel"]


@pytest.mark.parametrize(
    "param, value_of",
    [
        ("section__id__exact", lambda article: article.section_id),
        ("series__id__exact", lambda article: article.series_id),
        ("source__id__exact", lambda article: article.source_id),
        ("status__exact", lambda article: "draft"),
        ("workflow", lambda article: "draft"),
        ("is_free__exact", lambda article: "1"),
    ],
)
def test_changelist_filters_narrow_the_list(admin_client, param, value_of):
    wanted = ArticleFactory(
        status=Article.Status.DRAFT,
        published_at=None,
        series=SeriesFactory(),
        source=SourceFactory(),
        is_free=True,
    )
    ArticleFactory()
    response = admin_client.get(CHANGELIST, {param: value_of(wanted)})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [wanted]


def test_changelist_date_hierarchy_drills_down(admin_client):
    article = ArticleFactory()
    when = article.published_at
    response = admin_client.get(CHANGELIST, {"published_at__year": when.year})
    assert response.status_code == 200


def test_publish_action_puts_a_reviewed_article_on_the_site(admin_client, client):
    article = InReviewFactory()
    response = admin_client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [article.pk]}, follow=True
    )
    assert "1 article(s)" in response.content.decode()
    article.refresh_from_db()
    assert article.is_published
    assert admin_client.get(article.get_absolute_url()).status_code == 200


def test_unpublish_action_takes_an_article_off_the_site(admin_client):
    article = ArticleFactory()
    admin_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert not article.is_published
    assert admin_client.get(article.get_absolute_url()).status_code == 404


def test_every_content_admin_page_loads(admin_client):
    article = ArticleFactory(lead_image=image_upload(), authors=[AuthorFactory()])
    urls = [
        reverse("admin:index"),
        ADD,
        reverse("admin:articles_article_change", args=[article.pk]),
    ]
    for model in ("section", "author", "series", "source"):
        urls += [
            reverse(f"admin:articles_{model}_changelist"),
            reverse(f"admin:articles_{model}_add"),
        ]
    urls.append(reverse("admin:taggit_tag_changelist"))
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_change_form_previews_the_lead_image_from_a_rendition(admin_client):
    article = ArticleFactory(lead_image=image_upload(), lead_image_alt="Harbour at dawn")
    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert b"renditions/" in html
    assert b'alt="Harbour at dawn"' in html
    changelist = admin_client.get(CHANGELIST).content.decode()
    assert article.lead_image_url(0) in changelist  # the thumbnail column


def test_creating_an_article_with_a_lead_image_makes_rotated_renditions(admin_client, section):
    # The band sits at the top of the upright picture: a focal point there keeps it in the crop.
    response = admin_client.post(
        IMAGE_ADD, new_image(file=jpeg_with_exif_orientation_6(), focal_y="0")
    )
    assert response.status_code == 302, form_of(response).errors
    image = LibraryImage.objects.get()
    response = admin_client.post(ADD, new_article(section, lead_image=image.pk))
    assert response.status_code == 302, form_of(response).errors
    article = Article.objects.get()
    assert article.slug == "the-hard-labor-of-north-korean-workers-in-china"
    assert article.byline_authors == [Author.objects.get(name="Brice Pedroletti")]
    assert sorted(article.tags.names()) == ["Food, Travel", "North Korea"]
    assert (article.lead_image_alt, article.lead_image_caption) == (
        "A North Korean waitress",
        "A waitress in Dandong",
    )
    for width in (480, 800, 1200):
        for extension in ("jpg", "webp"):
            assert default_storage.exists(article.lead_image.rendition_name(width, extension))
    with default_storage.open(article.lead_image.rendition_name(480)) as handle:
        rendition = Image.open(handle)
        rendition.load()
    # 300×200 on disk, shown upright: 200 wide and 300 tall, cut to 3:2 from the top.
    assert (image.width, image.height) == (200, 300)
    assert rendition.size == (200, 133)
    red, green, blue = rendition.getpixel((100, 10))
    assert red > 200 and green > 150 and blue < 80


def test_an_article_pointing_at_a_missing_image_keeps_what_was_typed(admin_client, section):
    response = admin_client.post(ADD, new_article(section, lead_image="999999"))
    assert response.status_code == 200
    form = form_of(response)
    assert "lead_image" in form.errors
    assert form["headline"].value() == "The Hard Labor Of North Korean Workers In China"
    assert form["dateline"].value() == "Dandong"
    assert not Article.objects.exists()


def test_scripts_and_event_handlers_are_stripped_from_the_body(admin_client, section):
    body = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">link</a></p>'
        "<script>alert('x')</script><h2>Subhead</h2><blockquote><p>Quote</p></blockquote>"
    )
    response = admin_client.post(ADD, new_article(section, body=body))
    assert response.status_code == 302
    saved = Article.objects.get().body
    assert "<script" not in saved and "alert" not in saved
    assert "onclick" not in saved and "javascript:" not in saved
    assert "<h2>Subhead</h2>" in saved and "<blockquote>" in saved


@pytest.mark.parametrize(
    "headline, slug",
    [
        ("Ça va, São Paulo? Über Kraków", "ça-va-são-paulo-über-kraków"),
        ("Хлеб и соль", "хлеб-и-соль"),
        ("東京の友達", "東京の友達"),
    ],
)
def test_non_ascii_headlines_get_slugs_that_resolve(admin_client, client, section, headline, slug):
    response = admin_client.post(ADD, new_article(section, headline=headline))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug == slug
    article.status, article.published_at = Article.Status.PUBLISHED, None
    article.save()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert headline in response.content.decode()


def test_tag_picker_suggests_existing_tags_starting_with_what_was_typed(admin_client):
    ArticleFactory(tags=["South China Sea", "China", "Chile", "Food"])
    response = admin_client.get(reverse("admin:articles_article_tag_autocomplete"), {"term": "ch"})
    names = [item["text"] for item in response.json()["results"]]
    assert names == ["Chile", "China", "South China Sea"]
    assert response.json()["pagination"] == {"more": False}


def test_tag_picker_pages_its_suggestions(admin_client):
    ArticleFactory(tags=[f"Tag {n:02}" for n in range(25)])
    url = reverse("admin:articles_article_tag_autocomplete")
    first = admin_client.get(url, {"term": "tag", "page": "1"}).json()
    second = admin_client.get(url, {"term": "tag", "page": "2"}).json()
    assert first["pagination"]["more"] and not second["pagination"]["more"]
    assert len(first["results"]) + len(second["results"]) == 25
    assert admin_client.get(url, {"page": "abc"}).status_code == 200
    assert len(admin_client.get(url, {"term": "\x00Tag 0"}).json()["results"]) == 10


def test_tag_picker_is_for_staff_only(client):
    url = reverse("admin:articles_article_tag_autocomplete")
    assert client.get(url).status_code == 302  # to the admin login
    reader = get_user_model().objects.create_user("reader", password="pw", is_staff=True)
    client.force_login(reader)  # staff, but without any article permission
    assert client.get(url).status_code == 403


def test_tag_picker_shows_current_tags_and_keeps_typed_ones_after_an_error(admin_client, section):
    article = ArticleFactory(section=section, tags=["Sanctions"])
    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert b'<option value="Sanctions" selected>Sanctions</option>' in html
    response = admin_client.post(ADD, new_article(section, headline="", tags=["New, one", "Old"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="New, one" selected>' in html
    assert '<option value="Old" selected>' in html


def test_without_scripts_tags_are_typed_with_commas(admin_client, section):
    data = new_article(section, tags=[]) | {"tags__typed": 'Sanctions, "Food, Travel"'}
    response = admin_client.post(ADD, data)
    assert response.status_code == 302
    article = Article.objects.get(headline=data["headline"])
    assert sorted(article.tags.names()) == ["Food, Travel", "Sanctions"]
    # The typed field is offered again, filled, when the form comes back with an error.
    response = admin_client.post(ADD, data | {"headline": ""})
    assert 'name="tags__typed" value="&quot;Food, Travel&quot;, Sanctions"' in (
        response.content.decode()
    )


def test_small_autocompletes_list_every_choice_large_ones_only_the_chosen(
    admin_client, section, monkeypatch
):
    SectionFactory(name="Culture")
    html = admin_client.get(ADD).content.decode()
    sections = re.search(r'<select name="section".*?</select>', html, re.S).group()
    assert ">Food / Travel</option>" in sections and ">Culture</option>" in sections
    # Past the limit, the page would carry the whole table: select2 searches it instead.
    monkeypatch.setattr("newsroom.lib.admin.NO_SCRIPT_CHOICES", 1)
    html = admin_client.get(ADD).content.decode()
    sections = re.search(r'<select name="section".*?</select>', html, re.S).group()
    assert "Culture" not in sections


@pytest.mark.parametrize("debug", [True, False])
def test_tag_picker_scripts_and_styles_exist(settings, debug):
    from django.contrib.staticfiles import finders

    from articles.admin_widgets import TagAutocompleteWidget

    settings.DEBUG = debug  # the minified files are used with DEBUG off
    media = TagAutocompleteWidget().media
    paths = [*media._js, *(p for paths in media._css.values() for p in paths)]
    assert "js/admin/tag_autocomplete.js" in paths
    for path in paths:
        assert finders.find(path), path


@pytest.mark.parametrize("posted", [Article.Status.PUBLISHED, Article.Status.UNPUBLISHED])
def test_the_change_form_never_changes_the_status(admin_client, section, posted):
    article = DraftFactory(section=section)
    data = new_article(section, headline="A new headline", slug=article.slug, status=posted)

    response = admin_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "A new headline"  # the form was saved
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None


# --- The writing screen: one-step publishing, revisions, autosave, byline order --------------


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def test_editor_publishes_a_new_article_in_one_submit_as_one_revision(client, editor, section):
    client.force_login(editor)
    response = client.post(ADD, new_article(section, _transition="publish_directly"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.is_published
    assert article.workflow_events.get().get_transition_display() == "Published without review"
    # The save and the move are one revision, not one per step.
    assert list(article.history.values_list("history_change_reason", flat=True)) == [
        "Published without review"
    ]


def test_pressing_save_without_changing_anything_keeps_no_revision(admin_client, section):
    admin_client.post(ADD, new_article(section))
    article = Article.objects.get()
    assert article.history.count() == 1
    data = new_article(section, slug=article.slug, **{"bylines-TOTAL_FORMS": "0"})
    admin_client.post(change(article), data)
    admin_client.post(change(article), data)
    assert article.history.count() == 1
    admin_client.post(change(article), data | {"dek": "A sharper dek."})
    assert article.history.count() == 2


def test_submitting_and_publishing_an_unchanged_article_keeps_one_revision_per_move(
    client, writer, editor, section
):
    client.force_login(writer)
    client.post(ADD, new_article(section, _transition="submit"))
    article = Article.objects.get()
    data = new_article(section, slug=article.slug, **{"bylines-TOTAL_FORMS": "0"})
    client.force_login(editor)
    client.post(change(article), data | {"_transition": "publish"})
    reasons = list(article.history.values_list("history_change_reason", flat=True))
    assert reasons == ["Published", "Submitted for review"]


def test_scheduling_without_a_time_says_what_is_missing_and_keeps_the_form(client, editor, section):
    client.force_login(editor)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        ADD,
        new_article(section, _transition="schedule_directly", schedule_for_0=tomorrow),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose when to publish: the time is missing." in html
    assert "Please correct the error" not in html
    assert form_of(response)["headline"].value() == new_article(section)["headline"]
    assert not Article.objects.exists()


def test_scheduling_without_a_date_or_time_names_both(client, editor, section):
    client.force_login(editor)
    response = client.post(ADD, new_article(section, _transition="schedule_directly"))
    assert response.status_code == 200
    assert "the date and time are missing" in response.content.decode()


def test_the_schedule_control_shows_the_time_zone_and_sits_by_its_button(client, editor, settings):
    settings.TIME_ZONE = "Europe/Paris"
    client.force_login(editor)
    html = client.get(ADD).content.decode()
    control = html[html.index('<fieldset class="desk-schedule') :]
    control = control[: control.index("</fieldset>")]
    assert "Times are in Europe/Paris (UTC+01:00)." in control
    assert 'value="schedule_directly"' in control
    assert f'min="{timezone.localdate().isoformat()}"' in control


def test_writer_sees_no_publish_or_schedule_control(client, writer):
    client.force_login(writer)
    html = client.get(ADD).content.decode()
    assert 'value="submit"' in html
    assert "publish" not in html.split('class="desk-moves"')[1].split("</section>")[0]
    assert "desk-schedule" not in html


def test_the_body_is_a_plain_textarea_until_the_editor_loads(admin_client):
    html = admin_client.get(ADD).content.decode()
    assert '<textarea name="body"' in html  # without JavaScript, writers type here


def test_bylines_are_saved_in_the_order_given_from_zero(admin_client, section):
    first, second, third = AuthorFactory(), AuthorFactory(), AuthorFactory()
    rows = {
        "bylines-TOTAL_FORMS": "3",
        # Every row posted at 0 (the default), then typed positions with a gap.
        "bylines-0-author": second.pk,
        "bylines-0-position": "0",
        "bylines-1-author": first.pk,
        "bylines-1-position": "0",
        "bylines-2-author": third.pk,
        "bylines-2-position": "0",
    }
    admin_client.post(ADD, new_article(section) | rows)
    article = Article.objects.get()
    assert article.byline_authors == [second, first, third]
    assert list(article.bylines.values_list("position", flat=True)) == [0, 1, 2]

    bylines = list(article.bylines.all())
    data = new_article(section, slug=article.slug) | {
        "bylines-TOTAL_FORMS": "3",
        "bylines-INITIAL_FORMS": "3",
    }
    for i, (byline, position) in enumerate(zip(bylines, [7, 2, 4], strict=True)):
        data |= {
            f"bylines-{i}-id": byline.pk,
            f"bylines-{i}-article": article.pk,
            f"bylines-{i}-author": byline.author_id,
            f"bylines-{i}-position": str(position),
        }
    data["bylines-2-DELETE"] = "on"
    admin_client.post(change(article), data)
    article = Article.objects.get()
    assert article.byline_authors == [first, second]
    assert list(article.bylines.values_list("position", flat=True)) == [0, 1]


def test_newsletter_stories_are_saved_in_order_from_zero(rf, admin_client):
    issue = NewsletterIssueFactory()
    stories = ArticleFactory.create_batch(3)
    request = rf.post("/")
    request.user = get_user_model().objects.get(username="admin")
    formset_class = IssueArticleInline(NewsletterIssue, admin.site).get_formset(request, issue)
    data = {"items-TOTAL_FORMS": "3", "items-INITIAL_FORMS": "0"}
    for i, (story, position) in enumerate(zip(stories, ["5", "0", "5"], strict=True)):
        data |= {f"items-{i}-article": story.pk, f"items-{i}-position": position}
    formset = formset_class(data, instance=issue, prefix="items")
    assert formset.is_valid(), formset.errors
    formset.save()
    saved = list(issue.items.values_list("article_id", "position"))
    assert saved == [(stories[1].pk, 0), (stories[0].pk, 1), (stories[2].pk, 2)]


def test_autosave_creates_the_draft_then_folds_a_sittings_saves_into_one_revision(
    client, writer, section
):
    client.force_login(writer)
    response = client.post(autosave_url(), new_article(section))
    assert response.status_code == 200
    article = Article.objects.get()
    assert response.json()["change_url"] == change(article)
    assert (article.status, article.created_by) == (Article.Status.DRAFT, writer)

    for dek in ["A first dek.", "A second dek.", "A third dek."]:
        data = new_article(section, slug=article.slug, dek=dek)
        assert client.post(autosave_url(article), data).json()["saved"] is True
    article.refresh_from_db()
    assert article.dek == "A third dek."
    revisions = list(article.history.values_list("history_change_reason", "dek"))
    assert revisions == [("Autosaved", "A third dek.")]

    unchanged = client.post(autosave_url(article), data).json()
    assert unchanged["saved"] is False
    assert article.history.count() == 1


def test_an_autosave_after_a_pause_is_a_new_revision(client, writer, section, time_machine):
    time_machine.move_to("2026-11-29 10:00Z", tick=False)
    client.force_login(writer)
    client.post(autosave_url(), new_article(section))
    article = Article.objects.get()
    time_machine.move_to("2026-11-29 10:30Z", tick=False)
    client.post(autosave_url(article), new_article(section, slug=article.slug, dek="Later."))
    assert article.history.count() == 2


def test_autosave_leaves_live_articles_alone(client, editor, section):
    article = ArticleFactory(section=section, dek="Live dek.")
    client.force_login(editor)
    response = client.post(autosave_url(article), new_article(section, dek="Typed."))
    assert response.status_code == 409
    article.refresh_from_db()
    assert article.dek == "Live dek."


def test_autosave_of_an_incomplete_draft_says_what_it_waits_for(client, writer, section):
    client.force_login(writer)
    response = client.post(autosave_url(), new_article(section) | {"section": ""})
    assert response.status_code == 400
    assert response.json()["message"] == "Not saved yet: fill in section."
    assert not Article.objects.exists()


def test_autosave_refuses_someone_elses_article(client, writer, other_writer, section):
    article = DraftFactory(section=section, created_by=other_writer, dek="Theirs.")
    client.force_login(writer)
    response = client.post(autosave_url(article), new_article(section, dek="Mine."))
    assert response.status_code in {403, 404}
    article.refresh_from_db()
    assert article.dek == "Theirs."


def test_autosave_is_post_only(client, writer):
    client.force_login(writer)
    assert client.get(autosave_url()).status_code == 405


def test_editor_scripts_and_styles_exist():
    for path in [
        "js/admin/article_desk.js",
        "js/admin/sortable_inline.js",
        "css/article-desk.css",
        "css/admin-sortable-inline.css",
    ]:
        assert finders.find(path), path


def test_a_line_break_pasted_into_the_headline_is_a_space(admin_client, section):
    admin_client.post(ADD, new_article(section, headline="Two lines\r\n of headline "))
    assert Article.objects.get().headline == "Two lines of headline"
