import pytest
from django.urls import reverse

from articles.models import Article
from articles.services import revisions, workflow
from tests.factories import ArticleFactory, DraftFactory, InReviewFactory

pytestmark = pytest.mark.django_db


def test_every_save_keeps_a_revision():
    article = DraftFactory(headline="First")
    article.headline = "Second"
    article.save()
    assert [r.headline for r in revisions.revisions_of(article)] == ["Second", "First"]


def test_workflow_moves_are_revisions_with_who_and_why(editor):
    article = InReviewFactory()
    workflow.publish(article=article, by=editor)
    latest = revisions.revisions_of(article).first()
    assert latest.history_user == editor
    assert latest.history_change_reason == "Published"
    assert latest.status == Article.Status.PUBLISHED


def test_diff_shows_changed_words_only():
    article = DraftFactory(
        headline="Waitresses of Dandong",
        body="<p>The Yalu river is wide.</p><p>Second paragraph stays.</p>",
    )
    article.body = "<p>The Yalu river is narrow.</p><p>Second paragraph stays.</p>"
    article.save()
    newer, older = revisions.revisions_of(article)[:2]
    changes = revisions.diff_revisions(older=older, newer=newer)
    assert [c.field for c in changes] == ["body"]
    assert changes[0].before == "The Yalu river is wide.\n\nSecond paragraph stays."
    assert str(changes[0].diff) == (
        "The Yalu river is <del>wide.</del><ins>narrow.</ins>\n\n[1 unchanged paragraph]"
    )


def test_body_diff_folds_unchanged_paragraphs_and_marks_new_ones():
    body = "".join(f"<p>Paragraph {n}.</p>" for n in range(1, 6))
    article = DraftFactory(body=body)
    article.body = body.replace("<p>Paragraph 5.</p>", "<p>Paragraph 5.</p><h2>A new part</h2>")
    article.save()
    newer, older = revisions.revisions_of(article)[:2]
    (change,) = revisions.diff_revisions(older=older, newer=newer)
    assert str(change.diff) == "[5 unchanged paragraphs]\n\n<ins>A new part</ins>"


def test_diff_escapes_what_it_shows():
    article = DraftFactory(headline="A & B")
    article.headline = "A <b> C"
    article.save()
    newer, older = revisions.revisions_of(article)[:2]
    (change,) = revisions.diff_revisions(older=older, newer=newer)
    assert "&lt;b&gt;" in change.diff
    assert "<b>" not in change.diff


def test_restore_brings_back_content_but_not_status(editor):
    article = InReviewFactory(headline="Original headline", dek="Original dek")
    original = revisions.revisions_of(article).first()
    article.headline, article.dek = "Rewritten headline", "Rewritten dek"
    article.save()
    workflow.publish(article=article, by=editor)

    revisions.restore_revision(article=article, revision=original, by=editor)
    article.refresh_from_db()
    assert (article.headline, article.dek) == ("Original headline", "Original dek")
    assert article.status == Article.Status.PUBLISHED
    latest = revisions.revisions_of(article).first()
    assert latest.history_change_reason.startswith("Restored the revision of")
    assert latest.history_user == editor


def test_restore_can_itself_be_undone(editor):
    article = DraftFactory(headline="One")
    article.headline = "Two"
    article.save()
    two, one = revisions.revisions_of(article)[:2]
    revisions.restore_revision(article=article, revision=one, by=editor)
    revisions.restore_revision(article=article, revision=two, by=editor)
    article.refresh_from_db()
    assert article.headline == "Two"


def test_restoring_an_old_slug_of_a_published_article_leaves_a_redirect(editor, client):
    article = ArticleFactory(slug="first-address")
    first = revisions.revisions_of(article).first()
    article.slug = "second-address"
    article.save()
    revisions.restore_revision(article=article, revision=first, by=editor)
    assert client.get("/article/second-address/")["Location"] == "/article/first-address/"


def test_writer_cannot_restore_an_article_in_review(writer):
    article = InReviewFactory(created_by=writer, headline="Submitted")
    with pytest.raises(revisions.RevisionError):
        revisions.restore_revision(
            article=article, revision=revisions.revisions_of(article).first(), by=writer
        )


def test_revision_of_another_article_is_refused(editor):
    one, other = DraftFactory(), DraftFactory()
    with pytest.raises(revisions.RevisionError):
        revisions.restore_revision(
            article=one, revision=revisions.revisions_of(other).first(), by=editor
        )


def test_admin_history_compare_and_restore(client, editor):
    article = DraftFactory(headline="Before")
    client.force_login(editor)
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    data = {
        "headline": "After",
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "section": article.section_id,
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "workflow_events-TOTAL_FORMS": "0",
        "workflow_events-INITIAL_FORMS": "0",
    }
    assert client.post(change_url, data).status_code == 302
    first = article.history.order_by("history_date").first()

    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    assert "by editor" in history.content.decode()

    compare = client.get(
        reverse("admin:articles_article_revision_compare", args=[article.pk]),
        {"from": first.history_id},
    )
    content = compare.content.decode()
    assert "<del>Before</del><ins>After</ins>" in content
    restore_url = reverse(
        "admin:articles_article_revision_restore", args=[article.pk, first.history_id]
    )
    assert restore_url in content

    assert client.get(restore_url).status_code == 405
    assert client.post(restore_url).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Before"


def test_compare_with_unknown_revision_is_404(client, editor):
    article = DraftFactory()
    client.force_login(editor)
    url = reverse("admin:articles_article_revision_compare", args=[article.pk])
    assert client.get(url, {"from": "999999"}).status_code == 404
    assert client.get(url, {"from": "abc"}).status_code == 404
