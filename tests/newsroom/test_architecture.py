"""The import graph stays a map a newcomer can follow: no module-level cycles, no imports
hidden inside functions but the few that say why.

The directions between apps are import-linter contracts (pyproject.toml, run by
`make lint`); these tests hold what a contract cannot say module by module. Migrations
(history) and tests are exempt.
"""

import ast
from pathlib import Path

import grimp
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("articles", "images", "paywall", "newsletters", "desk", "demo", "newsroom")

# Where an import may sit inside a function: an AppConfig's ready() (models exist only once
# the app registry is ready), and a task whose service queues tasks itself (the HackSoft
# style guide's way to keep "services queue tasks, tasks call services" free of cycles),
# with a comment on the line saying so.
TASK_MODULES = ("tasks.py",)


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


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_inside_functions(graph: grimp.ImportGraph) -> set[tuple[str, str]]:
    """(importer, imported) for every import statement that sits inside a function body."""
    found = set()
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            importer = module_name(path)
            package_parts = (
                importer.split(".") if path.name == "__init__.py" else (importer.split(".")[:-1])
            )
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for inner in ast.walk(node):
                    if not isinstance(inner, ast.ImportFrom):
                        continue
                    base = package_parts[: len(package_parts) - inner.level + 1]
                    if inner.level == 0:
                        base = []
                    source = ".".join([*base, *([inner.module] if inner.module else [])])
                    for alias in inner.names:
                        candidate = f"{source}.{alias.name}"
                        found.add((importer, candidate if candidate in graph.modules else source))
    return found


def test_no_module_level_import_cycle():
    graph = first_party_graph()
    for importer, imported in imports_inside_functions(graph):
        if imported in graph.modules and graph.direct_import_exists(
            importer=importer, imported=imported
        ):
            graph.remove_import(importer=importer, imported=imported)
    assert cycles(graph) == []


def test_a_task_whose_service_queues_tasks_imports_it_in_its_body():
    graph = first_party_graph()
    lazy = imports_inside_functions(graph)
    for service in ("signup", "sending"):
        edge = ("newsletters.tasks", f"newsletters.services.{service}")
        assert edge in lazy
        assert graph.direct_import_exists(
            importer=f"newsletters.services.{service}", imported="newsletters.tasks"
        )


def test_the_cycle_finder_finds_a_cycle():
    graph = first_party_graph()
    graph.add_import(importer="articles.models", imported="articles.services.workflow")
    assert {"articles.models", "articles.services.workflow"} in cycles(graph)


def function_level_imports(path: Path) -> list[str]:
    """`file:line` of each import inside a function, except those TASK_MODULES explains."""
    found = []
    lines = path.read_text().splitlines()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if path.name == "apps.py" and node.name == "ready":
            continue
        for inner in ast.walk(node):
            if not isinstance(inner, ast.Import | ast.ImportFrom):
                continue
            said_why = "(no cycle)" in lines[inner.lineno - 1]
            if path.name in TASK_MODULES and said_why:
                continue
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
