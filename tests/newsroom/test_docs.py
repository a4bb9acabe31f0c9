"""The README's Layout table and docs/architecture.md name the folders and apps there are."""

import re
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]


def layout_rows() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)/` \|", section, flags=re.M)


def committed_top_level_folders() -> set[str]:
    ignored = {
        line.strip("/")
        for line in (ROOT / ".gitignore").read_text().splitlines()
        if line.startswith("/") and line.endswith("/")
    }
    return {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir()
        and path.name not in ignored
        and path.name != "__pycache__"
        and not path.name.endswith(".egg-info")
        and (not path.name.startswith(".") or path.name == ".ci")
    }


def test_the_layout_table_names_every_top_level_folder():
    named = {row.split("/")[0] for row in layout_rows()}
    assert {"articles", "templates", "tests"} <= named

    assert committed_top_level_folders() - named == set()


def test_every_folder_in_the_layout_table_exists():
    missing = [row for row in layout_rows() if not (ROOT / row).is_dir()]

    assert missing == []


def test_the_architecture_map_names_every_app_of_ours():
    text = (ROOT / "docs" / "architecture.md").read_text()
    ours = [
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT
    ]

    assert {"newsroom", "articles", "demo"} <= set(ours)
    assert sorted(ours) == sorted(name for name in ours if f"| `{name}/` |" in text)
