from datetime import timedelta

import pytest
from django.utils import timezone

from articles.services import preview
from tests.factories import ArticleFactory, DraftFactory

pytestmark = pytest.mark.django_db


def test_preview_link_shows_a_draft_with_the_article_template(client):
    article = DraftFactory(headline="Not yet public", body="<p>Secret words.</p>")
    response = client.get(preview.make_preview_link(article=article).url)
    assert response.status_code == 200
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    content = response.content.decode()
    assert '<h1 id="story-headline" class="story__headline">Not yet public</h1>' in content
    assert "Secret words." in content
    assert 'class="preview-banner"' in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(article.get_absolute_url()).status_code == 404


def test_preview_link_works_until_48_hours_then_expires(client, time_machine):
    time_machine.move_to("2026-11-29 10:00Z", tick=False)
    article = DraftFactory()
    link = preview.make_preview_link(article=article)
    assert link.expires_at == timezone.now() + timedelta(hours=48)
    time_machine.move_to("2026-12-01 09:59Z", tick=False)
    assert client.get(link.url).status_code == 200
    time_machine.move_to("2026-12-01 10:01Z", tick=False)
    response = client.get(link.url)
    assert response.status_code == 410
    assert "This preview link has expired" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_expiry_follows_the_setting(client, settings, time_machine):
    settings.ARTICLE_PREVIEW_HOURS = 2
    time_machine.move_to("2026-11-29 10:00Z", tick=False)
    link = preview.make_preview_link(article=DraftFactory())
    time_machine.move_to("2026-11-29 12:01Z", tick=False)
    assert client.get(link.url).status_code == 410


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: token.replace(token.split(":")[0], "eyJhcnRpY2xlIjo5OTl9", 1),
        lambda token: "not-a-token",
    ],
    ids=["tampered signature", "other article id", "garbage"],
)
def test_forged_preview_link_is_refused(client, forge):
    article = DraftFactory(headline="Protected")
    url = preview.make_preview_link(article=article).url
    token = url.rstrip("/").rsplit("/", 1)[1]
    response = client.get(f"/preview/{forge(token)}/")
    assert response.status_code == 404
    assert "This preview link is not valid" in response.content.decode()
    assert "Protected" not in response.content.decode()


def test_link_signed_with_another_secret_is_refused(client, settings):
    url = preview.make_preview_link(article=DraftFactory()).url
    settings.SECRET_KEY = "a-different-secret-key-for-this-test"
    assert client.get(url).status_code == 404


def test_preview_of_a_deleted_article_is_404(client):
    article = DraftFactory()
    url = preview.make_preview_link(article=article).url
    article.delete()
    assert client.get(url).status_code == 404


def test_preview_of_an_article_published_since_goes_to_the_real_page(client):
    article = ArticleFactory()
    response = client.get(preview.make_preview_link(article=article).url)
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


def test_preview_of_a_scheduled_article_says_when_it_appears(client):
    article = ArticleFactory(published_at=timezone.now() + timedelta(days=1))
    response = client.get(preview.make_preview_link(article=article).url)
    assert response.status_code == 200
    assert "scheduled for" in response.content.decode()


def test_admin_change_page_offers_the_preview_link(client, editor):
    article = DraftFactory()
    client.force_login(editor)
    response = client.get(f"/admin/articles/article/{article.pk}/change/")
    assert "/preview/" in response.content.decode()


def test_preview_shows_the_whole_text_and_counts_no_meter_read(client):
    from paywall.services import funnel

    paragraphs = "".join(f"<p>Paragraph number {n} of the story.</p>" for n in range(1, 12))
    article = DraftFactory(body=paragraphs)
    response = client.get(preview.make_preview_link(article=article).url)
    assert "Paragraph number 11 of the story." in response.content.decode()
    assert funnel.flush(now=timezone.now(), article_ids=[article.pk]) == 0
    assert "Set-Cookie" not in response.headers or "meter" not in response.headers["Set-Cookie"]
