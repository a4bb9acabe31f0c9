from django import template

from ..models import Newsletter
from ..services.signup import CONSENT_TEXT

register = template.Library()


@register.simple_tag
def series_newsletter(article):
    """The active newsletter of an article's series: one query, none without a series."""
    if not getattr(article, "series_id", None):
        return None
    return Newsletter.objects.for_series(article.series_id).first()


@register.simple_tag
def consent_text():
    """The wording shown beside every signup form; stored with each signup as consent."""
    return CONSENT_TEXT
