from django import template

from newsroom.caching import cached

from ..models import Newsletter
from ..services.accounts import account_newsletters as account_newsletters_section
from ..services.signup import CONSENT_TEXT

register = template.Library()


@register.simple_tag
def series_newsletter(article):
    """The active newsletter of an article's series, from the content cache when warm."""
    series_id = getattr(article, "series_id", None)
    if not series_id:
        return None
    return cached(
        f"series-newsletter:{series_id}",
        lambda: Newsletter.objects.for_series(series_id).first(),
    )


@register.simple_tag
def consent_text():
    """The wording shown beside every signup form; stored with each signup as consent."""
    return CONSENT_TEXT


@register.inclusion_tag("newsletters/_account_newsletters.html")
def account_newsletters(user):
    """The account page's Newsletters section (the account page lives in the paywall,
    which sits below the newsletters and cannot ask them itself)."""
    return {"section": account_newsletters_section(user), "user": user}


@register.simple_tag
def rail_newsletters():
    """The newsletters offered in the rail beside stories, from the content cache when warm."""
    return cached("rail-newsletters", lambda: list(Newsletter.objects.active()))
