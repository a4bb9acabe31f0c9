"""No status is compared or filtered as a string literal outside its home.

Each status lives in its model's enum (`Article.Status`, `Subscription.Status`, ...), with
the predicates and querysets beside it; code and templates use those, so a renamed or added
status cannot leave a stale "published" behind. Migrations (history) and tests are exempt.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models

ROOT = Path(settings.BASE_DIR)

# `status == "x"`, `to_status="x"`, `{% if a.status != 'x' %}`
COMPARED = re.compile(r"""\b\w*status\w*\s*(?:==|!=|=)\s*["']([\w-]+)["']""")
# `status__in=["x", ...]`, `status in ("x", ...)`, `status not in {...}`
LISTED = re.compile(r"""\b\w*status\w*(?:__in\s*=|\s+(?:not\s+)?in)\s*[\[\(\{]([^\]\)\}]*)""")
QUOTED = re.compile(r"""["']([\w-]+)["']""")


def is_ours(path: Path) -> bool:
    """Inside the project and not an installed package (the virtualenv may sit inside it)."""
    return path.is_relative_to(ROOT) and "site-packages" not in path.parts


def status_values() -> set[str]:
    """Every value of every status field's choices, in the project's own models."""
    values = set()
    for model in apps.get_models():
        if not is_ours(Path(apps.get_app_config(model._meta.app_label).path)):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField) and field.name.endswith("status"):
                values.update(str(value) for value, _ in field.flatchoices)
    return values


def scanned_files() -> list[Path]:
    app_dirs = [
        Path(config.path)
        for config in apps.get_app_configs()
        if is_ours(Path(config.path)) and not Path(config.path).is_relative_to(ROOT / "tests")
    ]
    files = [path for directory in app_dirs for path in directory.rglob("*.py")]
    files = [path for path in files if "migrations" not in path.relative_to(ROOT).parts]
    files += (ROOT / "templates").rglob("*.html")
    files += (ROOT / "templates").rglob("*.txt")
    return sorted(files)


def leaks_in(text: str, values: set[str]) -> list[str]:
    found = [m.group(0) for m in COMPARED.finditer(text) if m.group(1) in values]
    for match in LISTED.finditer(text):
        if any(quoted in values for quoted in QUOTED.findall(match.group(1))):
            found.append(match.group(0))
    return found


def test_the_guard_sees_a_leak():
    values = {"published", "trialing"}
    assert leaks_in('{% if article.status == "published" %}', values)
    assert leaks_in("Q(from_status='trialing')", values)
    assert leaks_in('filter(status__in=["published", "x"])', values)
    assert leaks_in('if sub.status not in ("trialing",):', values)
    assert not leaks_in("if sub.status == Subscription.Status.TRIALING:", values)
    assert not leaks_in('render(request, "x.html", status=410)', values)


def test_no_status_literal_outside_its_home():
    values = status_values()
    assert {"published", "trialing", "confirmed", "partly_failed"} <= values
    leaks = [
        f"{path.relative_to(ROOT)}: {leak}"
        for path in scanned_files()
        for leak in leaks_in(path.read_text(encoding="utf-8"), values)
    ]
    assert leaks == [], "use the status enum, or a predicate beside it:\n" + "\n".join(leaks)
