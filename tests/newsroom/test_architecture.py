"""The import graph stays a map a newcomer can follow: no module-level cycles, no imports
hidden inside functions.

The directions between apps are import-linter contracts (pyproject.toml, run by
`make lint`); these tests hold what a contract cannot say module by module. Migrations
(history) and tests are exempt.
"""

import ast
from pathlib import Path

import grimp
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("articles", "images", "paywall", "newsletters", "demo", "newsroom")

# The only imports that close a cycle: the newsletters tasks whose work queues the next task
# (a signup queues its email; a scheduled issue queues its send). A task and the service that
# queues it import each other's module, never a name from it (see newsletters/tasks.py).
TASK_CYCLES = {
    ("newsletters.tasks", "newsletters.services.signup"),
    ("newsletters.tasks", "newsletters.services.sending"),
}


def first_party_graph() -> grimp.ImportGraph:
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True, cache_dir=None)
    for module in list(graph.modules):
        if ".migrations" in module:
            graph.remove_module(module)
    return graph


def cycles(graph: grimp.ImportGraph) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(component)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_level_import_cycle_but_the_task_ones():
    graph = first_party_graph()
    for importer, imported in TASK_CYCLES:
        assert graph.direct_import_exists(importer=importer, imported=imported)
        graph.remove_import(importer=importer, imported=imported)
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = first_party_graph()
    graph.add_import(importer="articles.models", imported="articles.services.workflow")
    assert {"articles.models", "articles.services.workflow"} in cycles(graph)


def function_level_imports(path: Path) -> list[str]:
    """`file:line` of each import inside a function, except in an AppConfig's ready()
    (models exist only once the app registry is ready)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if path.name == "apps.py" and node.name == "ready":
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    return found


def test_no_imports_inside_functions():
    sources = [
        path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    assert len(sources) > 50
    assert [hit for path in sources for hit in function_level_imports(path)] == []
