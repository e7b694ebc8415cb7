"""No two modules of ``src/`` need each other, directly or through others.

The graph is read from the sources (nothing is imported), one node per module
(a package is its ``__init__``):

- absolute imports of our packages and relative ones (resolved against the
  importing module's package) both count;
- ``from package import name`` is an edge to ``package.name`` when that is a
  module of ours, else to ``package``; importing a module is not counted as
  importing its parent packages (every module would otherwise "import" its
  package's ``__init__``, which is no design choice of its author);
- imports under ``if TYPE_CHECKING:`` do not count: they never run (the
  interface is held to more: not even its annotations go round in a circle,
  as the main window and its menu actions once did);
- imports inside functions DO count. Deferring an import is how the interface
  keeps the first frame light, not a way out of a tangle: two modules that
  reach for each other, even late, can no longer be understood, tested or
  moved one without the other, and the cycle bites as soon as someone hoists
  the import to the top of the file.
"""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def module_names(src: Path = SRC) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(src.rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, type_checking: bool) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth; under ``if TYPE_CHECKING:`` only if asked."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test) and not type_checking:
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph(src: Path = SRC, type_checking: bool = False) -> dict[str, set[str]]:
    modules = module_names(src)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path)), type_checking):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    origin = ".".join(base + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                targets = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                           for alias in node.names]
            for target in targets:
                # "import a.b.c" names a.b.c; keep the longest name that is ours
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_a_cycle_in(group, graph) for group in groups]


def _a_cycle_in(group: set[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest way from the group's first module back to itself."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & group):
                if nxt == start:
                    return paths[node] + [start]
                if nxt not in paths:
                    paths[nxt] = paths[node] + [nxt]
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no cycle in {sorted(group)}")  # a strongly connected group always has one


def test_no_module_of_src_imports_itself_through_others():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_the_interface_has_no_cycle_even_through_annotations():
    graph = import_graph(type_checking=True)
    ui = {name: {m for m in imported if m.startswith("murafaqa_desktop.ui")}
          for name, imported in graph.items() if name.startswith("murafaqa_desktop.ui")}
    found = cycles(ui)
    assert not found, "import cycles in the interface:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_the_graph_sees_relative_absolute_and_late_imports_but_not_type_checking_ones(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "b.py").write_text("def later():\n    import pkg.c\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n"
                              "else:\n    from .sub import d\n")
    (pkg / "sub" / "d.py").write_text("from .. import a\n")
    graph = import_graph(tmp_path)
    assert graph["pkg.a"] == {"pkg.sub.b"}
    assert graph["pkg.sub.b"] == {"pkg.c"}
    assert graph["pkg.c"] == {"pkg.sub.d"}  # the TYPE_CHECKING import is not an edge
    assert import_graph(tmp_path, type_checking=True)["pkg.c"] == {"pkg.a", "pkg.sub.d"}
    assert cycles(graph) == [["pkg.a", "pkg.sub.b", "pkg.c", "pkg.sub.d", "pkg.a"]]
