from datetime import datetime

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.utils.timezone import localtime

from .seo_tags import jsonld_script

register = template.Library()


def join_names(names: list[str]) -> str:
    """Join names as a byline does: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@register.filter
def byline(authors):
    """Plain byline text from a list of authors."""
    return join_names([author.name for author in authors])


@register.filter
def linked_byline(authors):
    """Byline whose names link to the author pages."""
    links = [
        format_html_join("", '<a href="{}" rel="author">{}</a>', [(a.get_absolute_url(), a.name)])
        for a in authors
    ]
    return mark_safe(join_names([str(link) for link in links]))


@register.filter
def machine_datetime(moment: datetime | None) -> str:
    """A <time datetime> value HTML accepts: whole seconds with the offset
    ("2026-12-01T09:30:00+00:00"); Django's "c" format adds six-digit microseconds, which
    the HTML spec (at most three fraction digits) and the Nu checker refuse."""
    if not moment:
        return ""
    return localtime(moment).replace(microsecond=0).isoformat()


@register.filter
def time_ago(moment) -> str:
    """ "2 hours ago", "3 days ago": one unit, as a news rail reads."""
    if not moment:
        return ""
    return f"{timesince(moment, depth=1)} ago"


TEASER_WORDS = 30


@register.inclusion_tag("includes/teaser.html")
def teaser(text: str, *, words: int = TEASER_WORDS, css_class: str = "card__dek", label: str = ""):
    """A teaser cut at `words` that expands in place ("Keep reading… Show less"), without JS."""
    return {
        "text": text,
        "is_long": len(text.split()) > words,
        "words": words,
        "css_class": css_class,
        "label": label,
    }


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj):
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page_obj, "query": query.urlencode() and escape(query.urlencode())}


@register.filter
def with_dateline(body: str, dateline: str):
    """Print the dateline ("DANDONG —") at the start of the first paragraph of a sanitised body."""
    if not dateline:
        return mark_safe(body)
    marker = f'<span class="dateline">{escape(dateline.upper())} —</span> '
    if body.startswith("<p>"):
        return mark_safe(f"<p>{marker}{body[3:]}")
    return mark_safe(f"<p>{marker}</p>{body}")


@register.filter
def json_ld(data: dict):
    """Render a schema.org object as a safe <script type="application/ld+json"> tag."""
    return jsonld_script(data)
