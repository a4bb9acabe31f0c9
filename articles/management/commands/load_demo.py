"""Load the demo publication: sections, sources, authors, series, stories and an admin user.

Idempotent: rows are matched by slug, so running it again changes nothing and is fast.
"""

from datetime import timedelta
from types import ModuleType

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.demo.authors import AUTHOR_BIOS
from articles.demo.images import draw_lead_image
from articles.demo.seed import SECTIONS, SEED_STORIES, SERIES, SOURCES
from articles.demo.stories import GENERATED_STORIES
from articles.models import Article, ArticleAuthor, Author, Image, Section, Series, Source

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "newsroom-admin"
# (username, password, who, where to sign in): each demo module lists its accounts so, and
# the command prints them all at the end, for `make run` to show before it serves.
LOGINS = [(ADMIN_USERNAME, ADMIN_PASSWORD, "superuser", "/admin/")]


class Command(BaseCommand):
    help = "Load demo content (idempotent) and an admin user (admin / newsroom-admin)."

    def handle(self, *args, **options):
        with transaction.atomic():
            self.load_structure()
            stories = SEED_STORIES + GENERATED_STORIES
            created = 0
            for index, story in enumerate(stories, start=1):
                if self.load_story(story):
                    created += 1
                if index % 10 == 0 or index == len(stories):
                    self.stdout.write(f"  stories: {index}/{len(stories)}")
            self.stdout.write(
                f"Stories: {created} created, {len(stories) - created} already there."
            )
            self.ensure_admin()
        modules = self.demo_modules()
        for module in modules:
            module.load_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.write_logins(
            LOGINS + [row for module in modules for row in getattr(module, "LOGINS", [])]
        )

    def demo_modules(self) -> list[ModuleType]:
        """Other apps' demo modules (plans, newsletters), each loader idempotent."""
        modules = []
        for module_path in ("paywall.demo", "newsletters.demo", "articles.demo.workflow"):
            try:
                module = __import__(module_path, fromlist=["load_demo"])
            except ModuleNotFoundError:
                continue
            modules.append(module)
        return modules

    def write_logins(self, logins: list[tuple[str, str, str, str]]) -> None:
        """Every demo account, staff first (passwords are for demos only)."""
        self.stdout.write("Demo accounts:")
        width = max(len(f"{username} / {password}") for username, password, _, _ in logins)
        for username, password, who, where in sorted(logins, key=lambda row: row[3] != "/admin/"):
            self.stdout.write(f"  {f'{username} / {password}':<{width}}  {who}, at {where}")

    def load_structure(self):
        for order, (name, slug, description) in enumerate(SECTIONS):
            Section.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description, "order": order}
            )
        for name, slug, country, language, homepage in SOURCES:
            Source.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "country": country,
                    "language": language,
                    "homepage": homepage,
                },
            )
        for name, slug, label, description in SERIES:
            Series.objects.get_or_create(
                slug=slug, defaults={"name": name, "label": label, "description": description}
            )
        self.stdout.write(
            f"Structure: {Section.objects.count()} sections, {Source.objects.count()} sources, "
            f"{Series.objects.count()} series."
        )

    def author(self, name: str) -> Author:
        author = Author.objects.filter(name=name).first()
        return author or Author.objects.create(name=name, bio=AUTHOR_BIOS.get(name, ""))

    def load_story(self, story: dict) -> bool:
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
            translator=self.author(story["translator"]) if story.get("translator") else None,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(hours=story.get("hours_ago", 24)),
            featured=story.get("featured", False),
            is_free=story.get("is_free", False),
        )
        if image:
            article.lead_image = Image(
                alt_text=image["alt"],
                caption=image.get("caption", ""),
                credit=image.get("credit", ""),
            )
            article.lead_image.file.save(
                f"{story['slug'][:80]}.jpg",
                ContentFile(draw_lead_image(story["slug"], image["palette"])),
            )
        article.save()
        for position, name in enumerate(story["authors"]):
            ArticleAuthor.objects.create(
                article=article, author=self.author(name), position=position
            )
        article.tags.set(story.get("tags", []))
        return True

    def ensure_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", ADMIN_PASSWORD)
            self.stdout.write(f"Admin user created: {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
