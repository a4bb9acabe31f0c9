"""One home for each piece of plumbing: nothing outside newsroom/lib/ does its job again.

These read the source of every first-party package, so a second way of building an
absolute URL, signing a token or sending a transactional email fails here, not in review.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_APPS = {"tests", "bench"}


def first_party_modules() -> Iterator[tuple[str, ast.Module]]:
    for package in sorted(ROOT.iterdir()):
        if package.name in NOT_APPS or not (package / "__init__.py").exists():
            continue
        for path in sorted(package.rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            yield relative, ast.parse(path.read_text(), filename=relative)


MODULES = list(first_party_modules())


def is_site_url(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "SITE_URL"


def test_the_scan_sees_the_apps():
    names = {name.split("/")[0] for name, _ in MODULES}
    assert {"articles", "newsletters", "newsroom", "paywall"} <= names


def test_absolute_urls_are_built_only_by_newsroom_lib_urls():
    builders = {
        name
        for name, tree in MODULES
        for node in ast.walk(tree)
        # f"{settings.SITE_URL}{path}" or settings.SITE_URL + path
        if (
            isinstance(node, ast.JoinedStr)
            and any(
                isinstance(part, ast.FormattedValue) and is_site_url(part.value)
                for part in node.values
            )
        )
        or (isinstance(node, ast.BinOp) and (is_site_url(node.left) or is_site_url(node.right)))
    }
    assert builders <= {"newsroom/lib/urls.py"}


def test_nothing_builds_addresses_from_the_request():
    users = {
        name
        for name, tree in MODULES
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "build_absolute_uri"
    }
    assert users == set()


# The meter cookie is a signed cookie value, not a link: it keeps its own signer.
SIGNING_HOMES = {"newsroom/lib/signing.py", "paywall/services/meter.py"}


def imports_django_signing(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.module == "django.core.signing":
                return True
            if node.module == "django.core" and any(a.name == "signing" for a in node.names):
                return True
        if isinstance(node, ast.Import) and any(
            a.name == "django.core.signing" for a in node.names
        ):
            return True
    return False


def test_tokens_are_signed_only_by_newsroom_lib_signing():
    signers = {name for name, tree in MODULES if imports_django_signing(tree)}
    assert signers <= SIGNING_HOMES


# Issues of a newsletter are bulk mail with their own MIME handling; everything else is a
# transactional email, a text and HTML template pair sent by newsroom.lib.emails.
MAIL_HOMES = {"newsroom/lib/emails.py", "newsletters/services/issue_email.py"}
MAIL_SENDERS = {"send_mail", "send_mass_mail", "mail_admins", "mail_managers"}
MAIL_CLASSES = {"EmailMessage", "EmailMultiAlternatives"}


@pytest.mark.parametrize("name", sorted(MAIL_SENDERS | MAIL_CLASSES))
def test_transactional_emails_are_sent_only_by_newsroom_lib_emails(name):
    senders = {
        module
        for module, tree in MODULES
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("django.core.mail")
        and any(alias.name == name for alias in node.names)
    }
    assert senders <= MAIL_HOMES


def test_emails_are_normalised_by_one_function():
    definitions = {
        name
        for name, tree in MODULES
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name in {"normalise_email", "normalize_email"}
    }
    assert definitions == {"newsroom/lib/email_addresses.py"}
