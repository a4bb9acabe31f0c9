from django import template
from django.utils import timezone

from articles.models import Article
from newsroom.caching import cached

from ..services.funnel import most_read_article_ids

register = template.Library()

# Read counts move without a content change: the list is rebuilt this often at most.
MOST_READ_CACHE_SECONDS = 15 * 60
MOST_READ_COUNT = 5


def most_read_articles() -> list[Article]:
    """The published stories the funnel counted most metered reads of this week, most first."""
    ids = most_read_article_ids(now=timezone.now(), days=7, limit=MOST_READ_COUNT)
    by_id = {article.pk: article for article in Article.objects.filter(pk__in=ids).defer("body")}
    return [by_id[pk] for pk in ids if pk in by_id]


@register.simple_tag
def most_read_this_week() -> list[Article]:
    """The rail's "Most read this week", from the content cache when warm (no SQL)."""
    return cached("most-read-week", most_read_articles, timeout=MOST_READ_CACHE_SECONDS)
