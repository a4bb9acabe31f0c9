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
