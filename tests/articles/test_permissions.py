"""The role × action matrix, enforced in the admin and in the workflow service."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.services import workflow
from newsroom.lib.roles import CHIEF_EDITOR, EDITOR, ROLES, TRANSLATOR, WRITER
from tests.factories import ArticleFactory, DraftFactory, InReviewFactory, SectionFactory

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article, **overrides):
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "dateline": "",
        "body": article.body,
        "section": article.section_id,
        "tags": "",
        "country": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "workflow_events-TOTAL_FORMS": "0",
        "workflow_events-INITIAL_FORMS": "0",
    }
    return data | overrides


def edit(client, article):
    client.post(change_url(article), form_data(article, headline="Edited headline"))
    article.refresh_from_db()
    return article.headline == "Edited headline"


def run_action(client, article, action):
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [article.pk]},
    )
    before = article.status
    article.refresh_from_db()
    return article.status != before


def rename_section(client):
    section = SectionFactory(name="World")
    client.post(
        reverse("admin:articles_section_change", args=[section.pk]),
        {"name": "Planet", "slug": section.slug, "description": "", "order": 0},
    )
    section.refresh_from_db()
    return section.name == "Planet"


def transition(user, article, name):
    try:
        workflow.apply_transition(name, article=article, by=user, at=timezone.now() + timedelta(1))
    except workflow.WorkflowError:
        return False
    return True


# Each action: (what it sets up, what it does) -> did it happen?
ACTIONS = {
    "create an article": lambda client, user: (
        client.post(
            reverse("admin:articles_article_add"),
            form_data(DraftFactory.build(section=SectionFactory(), slug="new-one")),
        ).status_code
        == 302
        and Article.objects.filter(slug="new-one", created_by=user).exists()
    ),
    "edit own draft": lambda client, user: edit(client, DraftFactory(created_by=user)),
    "edit someone else's draft": lambda client, user: edit(client, DraftFactory()),
    "edit own article in review": lambda client, user: edit(
        client, InReviewFactory(created_by=user)
    ),
    "edit a published article": lambda client, user: edit(client, ArticleFactory(created_by=user)),
    "submit own draft": lambda client, user: transition(
        user, DraftFactory(created_by=user), "submit"
    ),
    "submit someone else's draft": lambda client, user: transition(user, DraftFactory(), "submit"),
    "publish (service)": lambda client, user: transition(user, InReviewFactory(), "publish"),
    "publish (admin action)": lambda client, user: run_action(client, InReviewFactory(), "publish"),
    "schedule": lambda client, user: transition(user, InReviewFactory(), "schedule"),
    "unpublish (service)": lambda client, user: transition(user, ArticleFactory(), "unpublish"),
    "unpublish (admin action)": lambda client, user: run_action(
        client, ArticleFactory(), "unpublish"
    ),
    "send back to draft": lambda client, user: transition(user, InReviewFactory(), "send_back"),
    "delete an article": lambda client, user: (
        client.post(
            reverse("admin:articles_article_delete", args=[DraftFactory(created_by=user).pk]),
            {"post": "yes"},
        ).status_code
        == 302
        and not Article.objects.exists()
    ),
    "see the review queue": lambda client, user: (
        client.get(reverse("admin:articles_articleawaitingreview_changelist")).status_code == 200
    ),
    "rename a section": lambda client, user: rename_section(client),
    "compose a newsletter issue": lambda client, user: (
        client.get(reverse("admin:newsletters_newsletterissue_add")).status_code == 200
    ),
    "export newsletter subscribers": lambda client, user: (
        client.get(reverse("admin:newsletters_subscriber_export")).status_code == 200
    ),
    "edit the meter policy": lambda client, user: user.has_perm("paywall.change_meterpolicy"),
    "hold paywall permissions": lambda client, user: (
        all(
            user.has_perm(f"{p.content_type.app_label}.{p.codename}")
            for p in Group.objects.get(name=CHIEF_EDITOR).permissions.filter(
                content_type__app_label="paywall"
            )
        )
        and user.groups.filter(name=CHIEF_EDITOR).exists()
    ),
}
ALLOWED = {
    WRITER: {"create an article", "edit own draft", "submit own draft"},
    # A translator's drafts are started by the desk (desk.services.stories.start_translation).
    TRANSLATOR: {"edit own draft", "submit own draft"},
    EDITOR: set(ACTIONS)
    - {"hold paywall permissions", "export newsletter subscribers", "edit the meter policy"},
    CHIEF_EDITOR: set(ACTIONS),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_role_action_matrix(role, action, client, writer, translator, editor, chief):
    user = {WRITER: writer, TRANSLATOR: translator, EDITOR: editor, CHIEF_EDITOR: chief}[role]
    client.force_login(user)
    assert ACTIONS[action](client, user) is (action in ALLOWED[role])


def test_writer_list_shows_only_their_own_articles(client, writer):
    mine = DraftFactory(created_by=writer, headline="Mine")
    DraftFactory(headline="Not mine")
    client.force_login(writer)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert list(response.context["cl"].result_list) == [mine]


def test_writer_on_the_byline_counts_as_owner(client, writer):
    from tests.factories import AuthorFactory

    article = DraftFactory(authors=[AuthorFactory(user=writer)])
    client.force_login(writer)
    assert edit(client, article)


def test_writer_cannot_open_someone_elses_article(client, writer):
    article = DraftFactory()
    client.force_login(writer)
    response = client.get(change_url(article))
    assert response.status_code == 302  # the admin's "does not exist" redirect


def test_writer_sees_workflow_and_placement_fields_read_only(client, writer):
    client.force_login(writer)
    response = client.get(change_url(DraftFactory(created_by=writer)))
    form_fields = response.context["adminform"].form.fields
    assert "featured" not in form_fields
    assert "is_free" not in form_fields
    assert "schedule_for" not in form_fields
    assert "status" not in form_fields
    assert "published_at" not in form_fields


def test_writer_has_no_publish_actions(client, writer):
    client.force_login(writer)
    response = client.get(reverse("admin:articles_article_changelist"))
    choices = [value for value, _ in response.context["action_form"].fields["action"].choices]
    assert "publish" not in choices
    assert "unpublish" not in choices
    assert "submit_for_review" in choices


def test_writer_sees_only_the_submit_button(client, writer):
    client.force_login(writer)
    response = client.get(change_url(DraftFactory(created_by=writer)))
    assert [t.name for t in response.context["workflow_transitions"]] == ["submit"]
    assert b'value="submit"' in response.content


def test_editor_sees_publish_and_schedule_buttons_for_an_article_in_review(client, editor):
    client.force_login(editor)
    response = client.get(change_url(InReviewFactory()))
    assert [t.name for t in response.context["workflow_transitions"]] == [
        "send_back",
        "publish",
        "schedule",
    ]


def test_save_and_submit_button_moves_the_article(client, writer):
    article = DraftFactory(created_by=writer)
    client.force_login(writer)
    response = client.post(change_url(article), form_data(article, _transition="submit"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    assert article.workflow_events.get().actor == writer


def test_save_and_schedule_without_a_time_keeps_the_form_and_explains(client, editor):
    article = InReviewFactory()
    client.force_login(editor)
    response = client.post(
        change_url(article), form_data(article, headline="Typed", _transition="schedule")
    )
    assert response.status_code == 200
    assert "should appear" in str(response.context["adminform"].form.errors["schedule_for"])
    assert response.context["adminform"].form["headline"].value() == "Typed"
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    assert article.headline != "Typed"


def test_save_and_schedule_with_a_time(client, editor):
    article = InReviewFactory()
    client.force_login(editor)
    at = timezone.localtime(timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    response = client.post(
        change_url(article),
        form_data(
            article,
            _transition="schedule",
            schedule_for_0=at.strftime("%Y-%m-%d"),
            schedule_for_1=at.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled
    assert article.published_at == at


def test_changelist_says_scheduled_for(client, editor):
    ArticleFactory(published_at=timezone.now() + timedelta(days=2), headline="Tomorrow's story")
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert "Scheduled for" in response.content.decode()


def test_review_queue_lists_longest_waiting_first(client, editor):
    newer = InReviewFactory(status_changed_at=timezone.now() - timedelta(hours=1))
    older = InReviewFactory(status_changed_at=timezone.now() - timedelta(hours=5))
    DraftFactory()
    client.force_login(editor)
    response = client.get(reverse("admin:articles_articleawaitingreview_changelist"))
    assert [a.pk for a in response.context["cl"].result_list] == [older.pk, newer.pk]


def test_roles_are_created_by_migration_with_their_permissions():
    writer_perms = set(
        Group.objects.get(name=WRITER).permissions.values_list("codename", flat=True)
    )
    assert {"add_article", "change_article"} <= writer_perms
    assert "publish_article" not in writer_perms
    assert "publish_article" in set(
        Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True)
    )


@pytest.mark.django_db(transaction=True)
def test_role_groups_come_back_after_a_flush():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)
    assert Group.objects.get(name=EDITOR).permissions.filter(codename="publish_article").exists()
