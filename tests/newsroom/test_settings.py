"""newsroom/settings.py declares every setting once: no later line extends or edits one."""

import ast
from pathlib import Path

import newsroom.settings

SOURCE = Path(newsroom.settings.__file__).read_text()
EDITING_METHODS = {"append", "extend", "insert", "update", "setdefault", "remove", "pop"}


def _is_setting(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id.isupper() and not node.id.startswith("_")


def _bindings(statements: list[ast.stmt]) -> dict[str, int]:
    """How often each setting is bound on one path through the statements."""
    counts: dict[str, int] = {}
    for statement in statements:
        if isinstance(statement, ast.If):
            branches = [_bindings(statement.body), _bindings(statement.orelse)]
            found = {name: max(b.get(name, 0) for b in branches) for b in branches for name in b}
        elif isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            found = {t.id: 1 for t in targets if _is_setting(t)}
        else:
            found = {}
        for name, count in found.items():
            counts[name] = counts.get(name, 0) + count
    return counts


def test_every_setting_is_bound_once():
    tree = ast.parse(SOURCE)

    twice = {name: n for name, n in _bindings(tree.body).items() if n > 1}

    assert twice == {}


def test_no_setting_is_extended_or_edited_after_its_declaration():
    # DATABASES is the exception: django-environ builds it, and its options depend on the engine.
    edits = []
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, ast.AugAssign) and _is_setting(node.target):
            edits.append(f"line {node.lineno}: {node.target.id} +=")
        if isinstance(node, ast.Assign):
            for target in node.targets:
                root = target
                while isinstance(root, ast.Subscript):
                    root = root.value
                if root is not target and _is_setting(root) and root.id != "DATABASES":
                    edits.append(f"line {node.lineno}: {root.id}[...] =")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            root = node.func.value
            while isinstance(root, ast.Subscript | ast.Call | ast.Attribute):
                root = root.value if not isinstance(root, ast.Call) else root.func
            if node.func.attr in EDITING_METHODS and _is_setting(root) and root.id != "DATABASES":
                edits.append(f"line {node.lineno}: {root.id}.{node.func.attr}(...)")

    assert edits == []


def test_the_middleware_runs_in_the_documented_order(settings):
    middleware = settings.MIDDLEWARE

    assert middleware.index("newsroom.caching.RequestMemoMiddleware") < middleware.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )
    assert middleware.index("newsroom.middleware.ContentSecurityPolicyMiddleware") < (
        middleware.index("newsroom.middleware.NullCharactersMiddleware")
    )
    assert middleware[-1] == "axes.middleware.AxesMiddleware"
