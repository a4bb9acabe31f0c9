"""The caching rules that keep readers safe, checked in code (docs/caching.md lists them)."""

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.middleware.csrf import get_token
from django.template import engines
from django.template.response import SimpleTemplateResponse
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleAwaitingReview
from articles.views import ArticleDetailView
from newsletters.models import Newsletter
from newsroom import caching
from newsroom.caching import pages as shared_pages
from paywall.gate import NOT_IN_PAGE_VARIANT, PAGE_VARIANT_FIELDS, ArticleGate
from tests.factories import ArticleFactory, SectionFactory

# Article relations no reader page shows: who created it, who moved it through the workflow.
NOT_ON_READER_PAGES = {"created_by", "status_changed_by"}


def test_every_model_of_the_articles_app_shown_to_readers_is_a_content_model():
    registered = caching.content_models()
    shown = {
        model
        for model in apps.get_app_config("articles").get_models()
        if not model._meta.proxy and not model.__name__.startswith("Historical")
    } - {apps.get_model("articles", "ArticleRedirect"), apps.get_model("articles", "WorkflowEvent")}
    assert shown <= registered
    assert {Tag, TaggedItem, Newsletter} <= registered


def test_every_model_an_article_page_reaches_through_its_relations_is_a_content_model():
    registered = caching.content_models()
    for field in Article._meta.get_fields():
        if field.auto_created or not field.is_relation or field.name in NOT_ON_READER_PAGES:
            continue
        assert field.related_model in registered, field.name
        through = getattr(field.remote_field, "through", None)
        if through is not None:
            assert through in registered, field.name


def test_a_proxy_of_a_content_model_starts_a_new_generation(db):
    article = ArticleFactory()
    before = caching.current_generation()
    ArticleAwaitingReview.objects.get(pk=article.pk).save()
    assert caching.current_generation() != before


def test_every_field_of_the_gate_is_in_the_page_variant_or_said_not_to_be_shown():
    names = {field.name for field in fields(ArticleGate)}
    assert set(PAGE_VARIANT_FIELDS) | NOT_IN_PAGE_VARIANT == names
    assert not set(PAGE_VARIANT_FIELDS) & NOT_IN_PAGE_VARIANT


def _render_with(template_code: str):
    template = engines["django"].from_string(template_code)

    def render(extra):
        return SimpleTemplateResponse(template, {**extra})

    return render


NONCE_ARTICLE = """{% extends "articles/article_detail.html" %}
{% block extra_head %}{{ block.super }}
<script nonce="{{ request.csp_nonce }}"></script>{% endblock %}
"""


def test_a_page_holding_the_csp_nonce_is_never_shared(client, db, settings, tmp_path, monkeypatch):
    (tmp_path / "nonce_article.html").write_text(NONCE_ARTICLE)
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    monkeypatch.setattr(ArticleDetailView, "template_name", "nonce_article.html")
    url = ArticleFactory().get_absolute_url()

    first = client.get(url)
    client.cookies.clear()
    second = client.get(url)

    assert second.templates  # rendered again: the first page was not kept
    nonces = [re.search(rb'nonce="([^"]+)"', page.content).group(1) for page in (first, second)]
    assert nonces[0] != nonces[1]
    assert all(
        nonce.decode() in page["Content-Security-Policy"]
        for nonce, page in zip(nonces, (first, second), strict=True)
    )


def test_a_page_rendered_with_the_nonce_is_refused_by_the_store(rf):
    request = rf.get("/article/some-story/")
    request.csp_nonce = "n0nce-of-this-request"
    key = ("generation", "/article/some-story/", "variant")
    render = _render_with('<script nonce="{{ nonce }}"></script>')

    def with_nonce(extra):
        return render({**extra, "nonce": request.csp_nonce})

    shared_pages.respond(request, key, with_nonce)
    assert shared_pages._pages.get(key) is caching.MISSING


def test_a_page_with_a_csrf_token_outside_the_marker_is_refused_by_the_store(rf):
    request = rf.get("/article/other-story/")
    key = ("generation", "/article/other-story/", "variant")
    field = '<input type="hidden" name="csrfmiddlewaretoken" value="{{ token }}">'
    render = _render_with(field)

    shared_pages.respond(request, key, lambda extra: render({"token": get_token(request)}))
    assert shared_pages._pages.get(key) is caching.MISSING


def test_a_page_with_only_the_marker_is_kept(rf):
    request = rf.get("/article/third-story/")
    key = ("generation", "/article/third-story/", "variant")
    shared_pages.respond(request, key, _render_with("<form>{% csrf_token %}</form>"))
    assert shared_pages._pages.get(key) is not caching.MISSING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "layers", [["data"], ["fragments"], ["pages"], ["memo"], list(caching.switches.LAYERS)]
)
def test_with_a_layer_off_pages_render_and_changes_show_at_once(client, settings, layers):
    settings.CACHE_LAYERS_OFF = layers
    section = SectionFactory(name="Geopolitics", slug="geopolitics")
    article = ArticleFactory(headline="The waitresses of Dandong", section=section)
    urls = [article.get_absolute_url(), reverse("home"), section.get_absolute_url()]
    for url in urls:
        assert "The waitresses of Dandong" in client.get(url).content.decode()
        client.cookies.clear()

    if layers == list(caching.switches.LAYERS):
        # A change that bypasses every signal: with nothing cached it still shows.
        Article.objects.filter(pk=article.pk).update(headline="Dandong, revisited")
    else:
        article.headline = "Dandong, revisited"
        article.save()
    for url in urls:
        client.cookies.clear()
        assert "Dandong, revisited" in client.get(url).content.decode(), url


def test_an_unknown_layer_name_stops_start_up():
    with pytest.raises(ImproperlyConfigured, match="no such layer: pagess"):
        caching.switches.check_layer_names(["pagess"])


def test_the_caching_package_imports_no_domain_app():
    package = Path(caching.__file__).parent
    domain_apps = {"articles", "paywall", "newsletters", "images", "demo"}
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            assert not {name.split(".")[0] for name in names} & domain_apps, module.name
