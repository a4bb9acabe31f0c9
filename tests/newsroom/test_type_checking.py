"""The type checker's configuration keeps up with the layout: every services package, and
the project's shared toolbox and caching package, are checked at the strict level."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRICT_FLAGS = {
    "disallow_any_generics",
    "disallow_subclassing_any",
    "disallow_untyped_calls",
    "disallow_untyped_defs",
    "disallow_incomplete_defs",
    "disallow_untyped_decorators",
    "warn_return_any",
    "no_implicit_reexport",
    "extra_checks",
}


def mypy_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]


def strict_modules() -> set[str]:
    modules: set[str] = set()
    for override in mypy_config().get("overrides", []):
        if all(override.get(flag) is True for flag in STRICT_FLAGS):
            modules.update(override["module"])
    return modules


def test_every_services_package_is_checked_strictly():
    checked = mypy_config()["files"]
    services = sorted(
        f"{path.parent.parent.name}.services.*"
        for app in checked
        for path in (ROOT / app).glob("services/__init__.py")
    )
    assert services, "no services package found: has the layout moved?"
    assert set(services) <= strict_modules()


def test_the_shared_toolbox_and_the_caching_package_are_checked_strictly():
    assert {"newsroom.lib.*", "newsroom.caching.*"} <= strict_modules()


def test_every_app_is_type_checked():
    checked = set(mypy_config()["files"])
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"newsroom"}
    assert apps <= checked
