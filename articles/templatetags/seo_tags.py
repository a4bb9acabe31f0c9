import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import structured_data
from newsroom.lib.urls import absolute_url

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def jsonld_script(data: dict) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def absolute(path_or_url: str) -> str:
    """Absolute public URL of a site path, for canonical links, cards and feeds."""
    return absolute_url(path_or_url)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's public address, without query string except a page number past the first."""
    request = context.get("request")
    if request is None:
        return absolute_url("/")
    url = absolute_url(request.path)
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        url = f"{url}?page={page_obj.number}"
    return url


@register.filter
def social_image_url(article) -> str:
    """The largest rendition of the lead image, absolute, for Open Graph and Twitter cards."""
    if not article.lead_image:
        return ""
    return absolute_url(article.lead_image_url(-1))


@register.simple_tag
def section_breadcrumbs(section) -> str:
    return jsonld_script(structured_data.section_breadcrumbs(section))


@register.simple_tag
def article_breadcrumbs(article) -> str:
    return jsonld_script(structured_data.article_breadcrumbs(article))


@register.filter
def w3c_datetime(value) -> str:
    """2026-03-10T07:00:00+00:00: the date format of sitemaps, Open Graph and JSON-LD."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
