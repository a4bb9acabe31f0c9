"""Load the demo publication: every app's demo content, an admin user, and the logins.

Idempotent: each app's loader matches rows by slug, email or name, so running it again
changes nothing and is fast. The order matters: the paywall's readers and the newsletters'
issue need the articles, the workflow's staff need the authors, the desk needs the editor.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.content import articles, desk, newsletters, pages, paywall, readership, workflow

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "newsroom-admin"
# (username, password, who, where to sign in): each demo module lists its accounts so, and
# the command prints them all at the end, for `make run` to show before it serves.
LOGINS = [(ADMIN_USERNAME, ADMIN_PASSWORD, "superuser", "/admin/")]
# Loaded after the articles, in this order; each has load_demo(stdout) and may have LOGINS.
APP_CONTENT = (paywall, readership, newsletters, workflow, desk, pages)


class Command(BaseCommand):
    help = "Load demo content (idempotent) and an admin user (admin / newsroom-admin)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            articles.load_demo(self.stdout)
            self.ensure_admin()
        for content in APP_CONTENT:
            content.load_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.write_logins(
            LOGINS + [row for content in APP_CONTENT for row in getattr(content, "LOGINS", [])]
        )

    def write_logins(self, logins: list[tuple[str, str, str, str]]) -> None:
        """Every demo account, staff first (passwords are for demos only)."""
        self.stdout.write("Demo accounts:")
        width = max(len(f"{username} / {password}") for username, password, _, _ in logins)
        for username, password, who, where in sorted(logins, key=lambda row: row[3] != "/admin/"):
            self.stdout.write(f"  {f'{username} / {password}':<{width}}  {who}, at {where}")

    def ensure_admin(self) -> None:
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", ADMIN_PASSWORD)
            self.stdout.write(f"Admin user created: {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
