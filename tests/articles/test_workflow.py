from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleRedirect, WorkflowEvent
from articles.services import workflow
from tests.factories import ArticleFactory, DraftFactory, InReviewFactory

pytestmark = pytest.mark.django_db
Status = Article.Status


def test_writer_submits_own_draft_and_the_move_is_recorded(writer):
    article = DraftFactory(created_by=writer)
    workflow.submit_for_review(article=article, by=writer, note="Ready")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert article.status_changed_by == writer
    event = article.workflow_events.get()
    assert (event.transition, event.from_status, event.to_status) == (
        "submit",
        Status.DRAFT,
        Status.IN_REVIEW,
    )
    assert event.actor == writer
    assert event.note == "Ready"


def test_editor_publishes_reviewed_article_now(editor, time_machine):
    time_machine.move_to("2026-11-29 10:00Z", tick=False)
    article = InReviewFactory()
    workflow.publish(article=article, by=editor)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at == timezone.now()
    assert article.is_published
    assert Article.objects.published().filter(pk=article.pk).exists()
    event = article.workflow_events.get()
    assert (event.actor, event.at, event.publish_at) == (editor, timezone.now(), timezone.now())


def test_scheduled_article_appears_on_its_own_at_its_time(editor, time_machine):
    time_machine.move_to("2026-11-29 10:00Z", tick=False)
    article = InReviewFactory()
    at = timezone.now() + timedelta(hours=5)
    workflow.schedule(article=article, by=editor, at=at)
    article.refresh_from_db()
    assert article.is_scheduled
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert list(Article.objects.scheduled()) == [article]
    time_machine.move_to(at + timedelta(seconds=1), tick=False)
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert not Article.objects.scheduled().exists()


def test_scheduled_article_can_be_rescheduled_or_published_at_once(editor):
    article = InReviewFactory()
    workflow.schedule(article=article, by=editor, at=timezone.now() + timedelta(days=1))
    later = timezone.now() + timedelta(days=2)
    workflow.schedule(article=article, by=editor, at=later)
    assert article.published_at == later
    workflow.publish(article=article, by=editor)
    assert article.is_published


def test_scheduling_in_the_past_is_refused(editor):
    article = InReviewFactory()
    with pytest.raises(workflow.WorkflowError, match="already passed"):
        workflow.schedule(article=article, by=editor, at=timezone.now() - timedelta(minutes=1))
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert not WorkflowEvent.objects.exists()


def test_unpublishing_takes_a_live_article_down(editor):
    article = ArticleFactory()
    workflow.unpublish(article=article, by=editor)
    assert article.status == Status.UNPUBLISHED
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_unpublishing_a_scheduled_article_cancels_it(editor):
    article = ArticleFactory(published_at=timezone.now() + timedelta(days=1))
    workflow.unpublish(article=article, by=editor)
    assert article.status == Status.UNPUBLISHED
    assert not Article.objects.scheduled().exists()


def test_editor_sends_article_back_and_writer_can_edit_again(editor, writer):
    article = InReviewFactory(created_by=writer)
    workflow.send_back_to_draft(article=article, by=editor, note="Check the figures")
    assert article.status == Status.DRAFT
    workflow.submit_for_review(article=article, by=writer)
    assert article.status == Status.IN_REVIEW


def test_unpublished_article_can_return_to_review(editor):
    article = ArticleFactory(status=Status.UNPUBLISHED)
    workflow.submit_for_review(article=article, by=editor)
    assert article.status == Status.IN_REVIEW


# Every move from every state: (transition, starting state, legal?)
STATES = {
    "draft": {"status": Status.DRAFT, "published_at": None},
    "in_review": {"status": Status.IN_REVIEW, "published_at": None},
    "scheduled": {"status": Status.PUBLISHED, "published_at": "future"},
    "live": {"status": Status.PUBLISHED, "published_at": "past"},
    "unpublished": {"status": Status.UNPUBLISHED, "published_at": "past"},
}
LEGAL = {
    ("submit", "draft"),
    ("submit", "unpublished"),
    ("send_back", "in_review"),
    ("send_back", "unpublished"),
    ("publish", "in_review"),
    ("publish", "scheduled"),
    ("schedule", "in_review"),
    ("schedule", "scheduled"),
    # An editor's one step: "publish" asked of a draft is the direct move.
    ("publish", "draft"),
    ("publish", "unpublished"),
    ("schedule", "draft"),
    ("schedule", "unpublished"),
    ("publish_directly", "draft"),
    ("publish_directly", "unpublished"),
    ("schedule_directly", "draft"),
    ("schedule_directly", "unpublished"),
    ("unpublish", "scheduled"),
    ("unpublish", "live"),
}
TARGET = {
    "submit": Status.IN_REVIEW,
    "send_back": Status.DRAFT,
    "publish": Status.PUBLISHED,
    "schedule": Status.PUBLISHED,
    "publish_directly": Status.PUBLISHED,
    "schedule_directly": Status.PUBLISHED,
    "unpublish": Status.UNPUBLISHED,
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", workflow.TRANSITIONS)
def test_every_transition_from_every_state(name, state, editor):
    spec = STATES[state]
    offsets = {"future": timedelta(days=1), "past": -timedelta(days=1), None: None}
    offset = offsets[spec["published_at"]]
    article = ArticleFactory(
        status=spec["status"], published_at=timezone.now() + offset if offset else None
    )
    at = timezone.now() + timedelta(days=3)
    if (name, state) in LEGAL:
        workflow.apply_transition(name, article=article, by=editor, at=at)
        article.refresh_from_db()
        assert article.status == TARGET[name]
        assert article.workflow_events.count() == 1
    else:
        before = (article.status, article.published_at)
        with pytest.raises(workflow.WorkflowError) as refused:
            workflow.apply_transition(name, article=article, by=editor, at=at)
        article.refresh_from_db()
        assert (article.status, article.published_at) == before
        assert not article.workflow_events.exists()
        assert article.headline in refused.value.message


def test_editor_publishes_a_draft_in_one_step_recorded_as_without_review(editor):
    article = DraftFactory(headline="Waitresses of Dandong")
    workflow.apply_transition("publish", article=article, by=editor)
    article.refresh_from_db()
    assert article.is_published
    event = article.workflow_events.get()
    assert (event.transition, event.from_status) == ("publish_directly", Status.DRAFT)
    assert event.get_transition_display() == "Published without review"
    assert article.history.first().history_change_reason == "Published without review"


def test_editor_schedules_a_draft_in_one_step(editor):
    article = DraftFactory()
    at = timezone.now() + timedelta(days=2)
    workflow.schedule(article=article, by=editor, at=at)
    article.refresh_from_db()
    assert article.is_scheduled and article.published_at == at
    assert article.workflow_events.get().transition == "schedule_directly"


def test_a_reviewed_article_is_published_as_reviewed(editor):
    article = InReviewFactory()
    workflow.publish(article=article, by=editor)
    assert article.workflow_events.get().get_transition_display() == "Published"


def test_writer_still_cannot_publish_a_draft(writer):
    article = DraftFactory(created_by=writer)
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.apply_transition("publish", article=article, by=writer)
    assert refused.value.message == "Only editors can publish articles; ask an editor to do it."
    assert article.workflow_events.count() == 0


def test_publishing_directly_still_needs_the_whole_article(editor):
    article = DraftFactory(headline="Waitresses of Dandong", dek="")
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.publish(article=article, by=editor)
    assert refused.value.message == "“Waitresses of Dandong” still needs: a dek."


def test_the_direct_move_is_refused_from_review(editor):
    article = InReviewFactory(headline="Waitresses of Dandong")
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.apply_transition("publish_directly", article=article, by=editor)
    assert refused.value.message == (
        "“Waitresses of Dandong” is in review: only drafts and unpublished articles skip review."
    )


def test_submitting_an_incomplete_draft_names_what_is_missing(writer):
    article = DraftFactory(created_by=writer, dek="", body="")
    with pytest.raises(workflow.WorkflowError, match="still needs: a dek, a body"):
        workflow.submit_for_review(article=article, by=writer)


def test_unknown_transition_is_refused(editor):
    with pytest.raises(workflow.WorkflowError, match="not a step"):
        workflow.apply_transition("archive", article=DraftFactory(), by=editor)


def test_available_transitions_follow_role_and_status(writer, editor):
    draft = DraftFactory(created_by=writer)
    in_review = InReviewFactory(created_by=writer)
    names = lambda article, user: [  # noqa: E731
        t.name for t in workflow.available_transitions(article=article, by=user)
    ]
    assert names(draft, writer) == ["submit"]
    assert names(in_review, writer) == ["send_back"]
    assert names(in_review, editor) == ["send_back", "publish", "schedule"]
    assert names(draft, editor) == ["submit", "publish_directly", "schedule_directly"]
    assert names(ArticleFactory(), editor) == ["unpublish"]


def test_changing_the_slug_of_a_published_article_leaves_a_redirect(client):
    article = ArticleFactory(slug="old-address")
    article.slug = "new-address"
    article.save()
    response = client.get(reverse("articles:detail", kwargs={"slug": "old-address"}))
    assert response.status_code == 301
    assert response["Location"] == "/article/new-address/"
    assert client.get(response["Location"]).status_code == 200


def test_redirects_follow_a_slug_changed_twice(client):
    article = ArticleFactory(slug="first")
    article.slug = "second"
    article.save()
    article.slug = "third"
    article.save()
    for old in ("first", "second"):
        response = client.get(reverse("articles:detail", kwargs={"slug": old}))
        assert response["Location"] == "/article/third/"


def test_changing_a_drafts_slug_leaves_no_redirect():
    article = DraftFactory(slug="working-title")
    article.slug = "final-title"
    article.save()
    assert not ArticleRedirect.objects.exists()


def test_taking_back_an_old_slug_removes_its_redirect(client):
    article = ArticleFactory(slug="original")
    article.slug = "renamed"
    article.save()
    article.slug = "original"
    article.save()
    assert not ArticleRedirect.objects.filter(old_slug="original").exists()
    assert client.get("/article/original/").status_code == 200
    assert client.get("/article/renamed/").status_code == 301


def test_redirect_to_an_unpublished_article_is_a_404(client, editor):
    article = ArticleFactory(slug="gone")
    article.slug = "gone-2"
    article.save()
    workflow.unpublish(article=article, by=editor)
    assert client.get("/article/gone/").status_code == 404


def test_refusals_name_the_move_in_plain_words(writer, other_writer):
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.publish(article=InReviewFactory(), by=writer)
    assert refused.value.message == "Only editors can publish articles; ask an editor to do it."
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.send_back_to_draft(article=InReviewFactory(created_by=other_writer), by=writer)
    assert refused.value.message == "You can only send your own articles back to draft."
