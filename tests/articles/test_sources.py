"""Sources and their rights: ISO codes typed as names, the permission record, the
workflow's refusal of a translation the permission does not cover, and the override."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from articles.languages import (
    country_code_for,
    country_suggestions,
    language_code_for,
    language_name,
)
from articles.models import Article, Source, SourcePermission
from articles.services import workflow
from tests.factories import (
    InReviewFactory,
    SourceFactory,
    SourcePermissionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
Status = SourcePermission.Status
Scope = SourcePermission.Scope


# Codes


@pytest.mark.parametrize(
    ("text", "code"),
    [("France", "FR"), ("south korea", "KR"), ("Perú", "PE"), ("UK", "GB"), ("fra", "FR")],
)
def test_country_names_and_codes_read_as_iso_codes(text, code):
    assert country_code_for(text) == code


@pytest.mark.parametrize(
    ("text", "code"), [("French", "fr"), ("Korean", "ko"), ("Farsi", "fa"), ("FR", "fr")]
)
def test_language_names_and_codes_read_as_iso_codes(text, code):
    assert language_code_for(text) == code


def test_a_misspelt_country_is_unknown_but_suggests_the_closest():
    assert country_code_for("Frnace") is None
    assert country_suggestions("Frnace")[0] == "FR"


def test_language_names_drop_the_standards_qualifiers():
    assert language_name("el") == "Greek"
    assert language_name("es") == "Spanish"
    assert language_name("xx") == ""


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_free_text_into_codes_and_reports_the_unknown(capsys):
    before, after = (
        [("articles", "0015_source_permission_and_provenance")],
        [("articles", "0017_country_and_language_codes")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    OldSource = old.get_model("articles", "Source")
    OldSource.objects.create(name="Le Monde", slug="le-monde", country="France", language="French")
    OldSource.objects.create(name="Chosun", slug="chosun", country="South Korea", language="Korean")
    odd = OldSource.objects.create(name="Odd", slug="odd", country="Frnace", language="Klingon")
    # A revision of a story (its table has no foreign keys to rebuild on SQLite).
    old.get_model("articles", "HistoricalArticle").objects.create(
        id=1,
        headline="H",
        slug="h",
        dek="d",
        body="<p>b</p>",
        country="China",
        original_language="Chinese",
        created_at=timezone.now(),
        updated_at=timezone.now(),
        history_date=timezone.now(),
        history_type="~",
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    sources = new.get_model("articles", "Source").objects.order_by("name")
    assert list(sources.values_list("name", "country", "language")) == [
        ("Chosun", "KR", "ko"),
        ("Le Monde", "FR", "fr"),
        ("Odd", "", ""),
    ]
    article = new.get_model("articles", "HistoricalArticle").objects.get()
    assert (article.country, article.original_language) == ("CN", "zh")
    report = capsys.readouterr().out
    assert "'Frnace' is no known name" in report and "close: FR" in report
    assert "'Klingon'" in report
    assert sources.filter(pk=odd.pk).exists()  # kept, only its unknown values blanked

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


# The permission record


def permission(**fields) -> SourcePermission:
    return SourcePermissionFactory.build(source=Source(name="Le Monde"), **fields)


TODAY = date(2026, 12, 1)


def test_a_granted_open_ended_permission_allows_full_translation():
    assert permission().allows(Scope.FULL, on=TODAY)


@pytest.mark.parametrize(
    ("status", "why"),
    [
        (Status.NONE, "no permission has been asked for"),
        (Status.REQUESTED, "permission was requested but not granted yet"),
        (Status.REFUSED, "the newspaper refused permission"),
        (Status.EXPIRED, "its permission has expired"),
    ],
)
def test_only_a_granted_permission_allows_anything(status, why):
    record = permission(status=status)
    assert not record.allows(Scope.HEADLINES, on=TODAY)
    assert record.missing(Scope.HEADLINES, on=TODAY) == why


def test_a_permission_allows_only_between_its_dates():
    record = permission(starts_on=date(2026, 6, 1), ends_on=date(2026, 11, 30))
    assert record.allows(Scope.FULL, on=date(2026, 6, 1))
    assert record.allows(Scope.FULL, on=date(2026, 11, 30))
    assert record.missing(Scope.FULL, on=TODAY) == (
        "its permission ended on 30 November 2026, before 1 December 2026"
    )
    assert "starts on 1 June 2026" in record.missing(Scope.FULL, on=date(2026, 5, 31))


def test_a_narrow_scope_allows_narrower_uses_only():
    record = permission(scope=Scope.EXCERPTS)
    assert record.allows(Scope.EXCERPTS, on=TODAY)
    assert record.allows(Scope.HEADLINES, on=TODAY)
    assert record.missing(Scope.FULL, on=TODAY) == (
        "its permission covers excerpts only, not full translation"
    )


def test_exclusions_refuse_wire_copy_and_photos():
    record = permission(excludes_wire_copy=True, excludes_photos=True)
    assert record.allows(Scope.FULL, on=TODAY)
    assert not record.allows(Scope.FULL, on=TODAY, wire_copy=True)
    assert not record.allows(Scope.FULL, on=TODAY, photos=True)


def test_the_queryset_agrees_with_the_instance():
    cases = [
        {"status": Status.GRANTED},
        {"status": Status.REQUESTED},
        {"status": Status.GRANTED, "ends_on": TODAY - timedelta(days=1)},
        {"status": Status.GRANTED, "starts_on": TODAY + timedelta(days=1)},
        {"status": Status.GRANTED, "scope": Scope.HEADLINES},
        {"status": Status.GRANTED, "starts_on": TODAY, "ends_on": TODAY},
    ]
    records = [SourcePermissionFactory(**fields) for fields in cases]
    for use in Scope.values:
        allowed = set(SourcePermission.objects.allowing(use, on=TODAY))
        assert allowed == {r for r in records if r.allows(use, on=TODAY)}, use


# The workflow


def translation(**permission_fields) -> Article:
    source = SourceFactory(name="Le Monde", permission=None)
    if permission_fields:
        SourcePermissionFactory(source=source, **permission_fields)
    return InReviewFactory(headline="Paris at night", source=source)


def test_a_translation_under_a_granted_permission_publishes(editor):
    article = translation(status=Status.GRANTED)
    workflow.publish(article=article, by=editor)
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_a_translation_whose_source_refused_is_not_published(editor):
    article = translation(status=Status.REFUSED)
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.publish(article=article, by=editor)
    assert refused.value.message == (
        "“Paris at night” cannot go live: it is translated from Le Monde, and the newspaper "
        "refused permission. Record the agreement on the source, or ask a chief editor to "
        "override it."
    )
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    assert not article.workflow_events.exists()


def test_a_source_without_a_permission_record_refuses_too(editor):
    article = translation()
    with pytest.raises(workflow.WorkflowError, match="no permission has been recorded"):
        workflow.publish(article=article, by=editor)


def test_scheduling_checks_the_permission_on_the_publication_day(editor, time_machine):
    time_machine.move_to("2026-12-01 10:00Z", tick=False)
    article = translation(status=Status.GRANTED, ends_on=date(2026, 12, 3))
    with pytest.raises(workflow.WorkflowError, match="ended on 3 December 2026"):
        workflow.schedule(article=article, by=editor, at=timezone.now() + timedelta(days=5))
    workflow.schedule(article=article, by=editor, at=timezone.now() + timedelta(days=1))
    assert Article.objects.scheduled().filter(pk=article.pk).exists()


def test_a_story_using_the_sources_photos_needs_them_covered(editor):
    article = translation(status=Status.GRANTED, excludes_photos=True)
    article.uses_source_photos = True
    article.save()
    with pytest.raises(workflow.WorkflowError, match="excludes its photographs"):
        workflow.publish(article=article, by=editor)


def test_an_editor_cannot_override_even_with_a_reason(editor):
    article = translation(status=Status.REQUESTED)
    with pytest.raises(workflow.WorkflowError, match="ask a chief editor"):
        workflow.publish(article=article, by=editor, override_reason="They said yes by phone")


def test_a_chief_editor_overrides_with_a_reason_kept_in_the_history(chief):
    article = translation(status=Status.REQUESTED)
    with pytest.raises(workflow.WorkflowError, match="give your reason for overriding it"):
        workflow.publish(article=article, by=chief, override_reason="   ")
    workflow.publish(article=article, by=chief, override_reason="Agreed by phone, 1 Dec")
    event = article.workflow_events.get()
    assert event.permission_override == "Agreed by phone, 1 Dec"
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_a_reason_given_when_none_was_needed_is_not_recorded(chief):
    article = translation(status=Status.GRANTED)
    workflow.publish(article=article, by=chief, override_reason="Just in case")
    assert article.workflow_events.get().permission_override == ""


def test_stories_without_a_source_need_no_permission(editor):
    article = InReviewFactory(source=None)
    workflow.publish(article=article, by=editor)
    assert article.workflow_events.get().permission_override == ""


# The admin

SOURCE_ADD = reverse("admin:articles_source_add")


def source_form(**overrides) -> dict[str, str]:
    data = {
        "name": "Chosun Ilbo",
        "slug": "",
        "country": "South Korea",
        "language": "Korean",
        "homepage": "",
        "contact_name": "Kim Min-ji",
        "contact_email": "rights@chosun.example",
        "notes": "",
        "permission-TOTAL_FORMS": "1",
        "permission-INITIAL_FORMS": "0",
        "permission-MIN_NUM_FORMS": "1",
        "permission-MAX_NUM_FORMS": "1",
        "permission-0-status": Status.GRANTED,
        "permission-0-scope": Scope.FULL,
        "permission-0-starts_on": "",
        "permission-0-ends_on": "",
        "permission-0-attribution_text": "© Chosun Ilbo, translated with permission.",
        "permission-0-notes": "",
    }
    return {**data, **overrides}


def test_an_editor_adds_a_source_by_country_and_language_names(client, editor):
    client.force_login(editor)
    response = client.post(SOURCE_ADD, source_form())
    assert response.status_code == 302
    source = Source.objects.get(name="Chosun Ilbo")
    assert (source.country.code, source.language) == ("KR", "ko")
    assert source.permission.status == Status.GRANTED
    assert source.permission.allows(Scope.FULL, on=TODAY)


def test_an_unknown_country_is_a_form_error_with_a_suggestion(client, editor):
    client.force_login(editor)
    response = client.post(SOURCE_ADD, source_form(country="Frnace", language="Frnch"))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["country"] == ["Unknown country “Frnace”. Did you mean France (FR)?"]
    assert form.errors["language"] == ["Unknown language “Frnch”. Did you mean French (fr)?"]
    assert 'value="Frnace"' in response.content.decode()  # kept as typed
    assert not Source.objects.exists()


def test_the_source_form_shows_stored_codes_by_name(client, editor):
    client.force_login(editor)
    source = SourceFactory(country="FR", language="fr")
    page = client.get(reverse("admin:articles_source_change", args=[source.pk])).content.decode()
    assert 'value="France (FR)"' in page
    assert 'value="French (fr)"' in page


def test_a_permission_ending_before_it_starts_is_refused(client, editor):
    client.force_login(editor)
    response = client.post(
        SOURCE_ADD,
        source_form(
            **{"permission-0-starts_on": "2026-12-01", "permission-0-ends_on": "2026-01-01"}
        ),
    )
    assert response.status_code == 200
    assert "The agreement cannot end before it starts." in response.content.decode()


def article_form(article: Article, **overrides) -> dict[str, str]:
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "dateline": "",
        "body": article.body,
        "section": str(article.section_id),
        "tags": "",
        "country": "FR",
        "source": str(article.source_id),
        "original_headline": "Paris la nuit",
        "original_language": "fr",
        "original_url": "",
        "original_published_at_0": "",
        "original_published_at_1": "",
        "original_author": "",
        "source_use": Scope.FULL,
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "workflow_events-TOTAL_FORMS": "0",
        "workflow_events-INITIAL_FORMS": "0",
        "_transition": "publish",
    }
    return {**data, **overrides}


def test_the_publish_button_shows_the_refusal_and_keeps_the_edit(client, editor):
    client.force_login(editor)
    article = translation(status=Status.EXPIRED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert "permission_override_reason" not in client.get(url).content.decode()
    response = client.post(url, article_form(article, headline="Paris by night"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "it is translated from Le Monde, and its permission has expired" in page
    assert 'value="Paris by night"' in page
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Paris at night", Article.Status.IN_REVIEW)


def test_a_chief_editor_overrides_from_the_admin_and_the_history_shows_why(client):
    chief = UserFactory(username="chief-editor", role="Chief editor")
    client.force_login(chief)
    article = translation(status=Status.EXPIRED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    reason = "Renewal signed, paperwork on its way"
    response = client.post(url, article_form(article, permission_override_reason=reason))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published
    history = client.get(url).content.decode()
    assert reason in history


def test_the_publish_action_reports_each_refused_translation(client, editor):
    client.force_login(editor)
    refused = translation(status=Status.REFUSED)
    covered = InReviewFactory(headline="Covered story")
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [refused.pk, covered.pk]},
        follow=True,
    )
    shown = [str(message) for message in response.context["messages"]]
    assert any("“Paris at night” cannot go live" in message for message in shown)
    assert "Published: 1 article(s)." in shown
    assert Article.objects.published().filter(pk=covered.pk).exists()
    assert not Article.objects.published().filter(pk=refused.pk).exists()
