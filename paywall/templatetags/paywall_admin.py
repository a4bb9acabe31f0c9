"""The article change form's figures panel (templates/admin/articles/article/figures.html).

A template tag, not the article admin: the article domain may not import the paywall
(pyproject.toml's import contract), while the paywall may read articles.
"""

from django import template
from django.utils import timezone

from newsroom.lib import roles
from paywall.services.article_figures import ArticleFigures, figures_for

register = template.Library()


@register.simple_tag(takes_context=True)
def article_figures(context, article) -> list[ArticleFigures]:
    """This article's figures for an editor; nothing for a writer or an unsaved article."""
    request = context.get("request")
    if article is None or article.pk is None or request is None:
        return []
    if not roles.can_publish(request.user):
        return []
    return figures_for(article_id=article.pk, now=timezone.now())
