from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, DraftFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_future_articles():
    live = ArticleFactory()
    DraftFactory()
    ArticleFactory(published_at=timezone.now() + timedelta(hours=2))
    assert list(Article.objects.published()) == [live]


def test_scheduled_article_appears_on_its_own_when_its_time_comes(time_machine):
    article = ArticleFactory(published_at=timezone.now() + timedelta(hours=2))
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert article.is_scheduled
    time_machine.move_to(timezone.now() + timedelta(hours=3))
    assert Article.objects.published().filter(pk=article.pk).exists()
    article.refresh_from_db()
    assert article.is_published


def test_search_matches_headline_dek_and_body_but_never_drafts():
    in_headline = ArticleFactory(headline="Waitresses of Dandong")
    in_body = ArticleFactory(body="<p>The Yalu River at Dandong.</p>")
    DraftFactory(headline="Dandong draft")
    found = set(Article.objects.published().search("dandong"))
    assert found == {in_headline, in_body}


def test_empty_search_finds_nothing():
    ArticleFactory()
    assert not Article.objects.published().search("   ").exists()


def test_each_workflow_state_has_its_queryset():
    draft = DraftFactory()
    in_review = ArticleFactory(status=Article.Status.IN_REVIEW, published_at=None)
    live = ArticleFactory()
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(hours=2))
    taken_down = ArticleFactory(status=Article.Status.UNPUBLISHED)

    assert list(Article.objects.drafts()) == [draft]
    assert list(Article.objects.awaiting_review()) == [in_review]
    assert list(Article.objects.published()) == [live]
    assert list(Article.objects.scheduled()) == [scheduled]
    assert list(Article.objects.unpublished()) == [taken_down]
    assert set(Article.objects.not_published()) == {draft, in_review, scheduled, taken_down}


def test_published_and_not_published_split_every_article_as_is_published_does():
    for status in Article.Status:
        for offset in (None, timedelta(hours=-1), timedelta(hours=1)):
            ArticleFactory(status=status, published_at=timezone.now() + offset if offset else None)
    published = set(Article.objects.published())
    not_published = set(Article.objects.not_published())

    assert published.isdisjoint(not_published)
    assert published | not_published == set(Article.objects.all())
    assert published == {article for article in Article.objects.all() if article.is_published}
