"""The demo publication's articles: sections, sources, series, authors and every story.

Idempotent: rows are matched by slug (authors by name), so loading again adds only what is
missing. Lead images go into the library, drawn by demo.content.images.
"""

from datetime import timedelta
from io import TextIOBase
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from articles.languages import country_name
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Section,
    Series,
    Source,
    SourcePermission,
)
from images.models import Image

from .authors import AUTHOR_BIOS
from .images import describe, draw_lead_image
from .seed import PERMISSIONS, SECTIONS, SEED_STORIES, SERIES, SOURCES
from .stories import GENERATED_STORIES

STORIES: list[dict[str, Any]] = SEED_STORIES + GENERATED_STORIES


def load_demo(stdout: TextIOBase) -> None:
    """The site's structure, then each story, printing progress every ten."""
    load_structure(stdout)
    created = 0
    for index, story in enumerate(STORIES, start=1):
        if load_story(story):
            created += 1
        if index % 10 == 0 or index == len(STORIES):
            stdout.write(f"  stories: {index}/{len(STORIES)}")
    stdout.write(f"Stories: {created} created, {len(STORIES) - created} already there.")


def load_structure(stdout: TextIOBase) -> None:
    for order, (name, slug, description) in enumerate(SECTIONS):
        Section.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    for name, slug, country, language, homepage in SOURCES:
        source, _ = Source.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country": country,
                "language": language,
                "homepage": homepage,
            },
        )
        load_permission(source, PERMISSIONS[slug])
    for name, slug, label, description in SERIES:
        Series.objects.get_or_create(
            slug=slug, defaults={"name": name, "label": label, "description": description}
        )
    stdout.write(
        f"Structure: {Section.objects.count()} sections, {Source.objects.count()} sources, "
        f"{Series.objects.count()} series."
    )


def load_permission(source: Source, agreement: dict[str, Any]) -> None:
    """The source's permission record and contact, unless it has one already."""
    if SourcePermission.objects.filter(source=source).exists():
        return
    today = timezone.localdate()
    status = SourcePermission.Status(agreement["status"])
    starts, ends = agreement.get("starts"), agreement.get("ends")
    attribution = ""
    if status in (SourcePermission.Status.GRANTED, SourcePermission.Status.EXPIRED):
        attribution = f"Translated and published with the permission of {source.name}."
    SourcePermission.objects.create(
        source=source,
        status=status,
        scope=SourcePermission.Scope(agreement.get("scope", SourcePermission.Scope.FULL)),
        starts_on=today + timedelta(days=starts) if starts is not None else None,
        ends_on=today + timedelta(days=ends) if ends is not None else None,
        attribution_text=attribution,
        excludes_wire_copy=agreement.get("excludes_wire_copy", False),
        excludes_photos=agreement.get("excludes_photos", False),
        notes=agreement.get("notes", ""),
    )
    if agreement.get("contact") and not source.contact_name:
        source.contact_name = agreement["contact"]
        source.contact_email = f"rights@{source.slug}.example"
        source.save(update_fields=["contact_name", "contact_email"])


def author(name: str) -> Author:
    found = Author.objects.filter(name=name).first()
    return found or Author.objects.create(name=name, bio=AUTHOR_BIOS.get(name, ""))


def load_story(story: dict[str, Any]) -> bool:
    """Create one published story unless its slug exists; say whether it was created."""
    if Article.objects.filter(slug=story["slug"]).exists():
        return False
    image = story.get("image")
    article = Article(
        headline=story["headline"],
        slug=story["slug"],
        dek=story["dek"],
        body=story["body"],
        dateline=story.get("dateline", ""),
        country=story.get("country", ""),
        section=Section.objects.get(slug=story["section"]),
        series=Series.objects.get(slug=story["series"]) if story.get("series") else None,
        source=Source.objects.get(slug=story["source"]) if story.get("source") else None,
        original_headline=story.get("original_headline", ""),
        original_language=story.get("original_language", ""),
        # The original appeared the day before; its byline is the story's.
        original_published_at=(
            timezone.now() - timedelta(hours=story.get("hours_ago", 24) + 20)
            if story.get("source")
            else None
        ),
        original_author=" and ".join(story["authors"]) if story.get("source") else "",
        translator=author(story["translator"]) if story.get("translator") else None,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=story.get("hours_ago", 24)),
        featured=story.get("featured", False),
        is_free=story.get("is_free", False),
    )
    if image:
        place = (
            country_name(story.get("country", ""))
            or story.get("dateline", "").title()
            or article.section.name
        )
        description = describe(place)
        article.lead_image = Image(
            alt_text=description.alt, caption=description.caption, credit=description.credit
        )
        article.lead_image.file.save(
            f"{story['slug'][:80]}.jpg",
            ContentFile(draw_lead_image(story["slug"], image["palette"], place)),
        )
    article.save()
    for position, name in enumerate(story["authors"]):
        ArticleAuthor.objects.create(article=article, author=author(name), position=position)
    article.tags.set(story.get("tags", []))
    return True
