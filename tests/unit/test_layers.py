"""The layers stay clean: Qt only under ui/, HTTP only under sync/ and the
server, SQL only under store/ (and the server's data layer); dependencies
point one way (ui → services → store/domain, sync → store) and nothing
imports upwards.

Imports are read from the sources, nothing is imported: absolute ones and
relative ones (resolved against the importing module's package), at any
depth (a late import inside a function is still a dependency) and under
``if TYPE_CHECKING:`` too (an annotation naming an upper layer's class is a
dependency on it as well)."""
import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
DESKTOP = SRC / "murafaqa_desktop"
SERVER = SRC / "murafaqa_server"
PROTOCOL = SRC / "murafaqa_protocol"
SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", re.S | re.I)


def modules(root: Path):
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def module_of(path: Path, root: Path = SRC) -> str:
    """``murafaqa_desktop.store.db`` for src/murafaqa_desktop/store/db.py (a
    package is its ``__init__``)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path, root: Path = SRC) -> set[str]:
    """Every name an import statement of the file reaches: ``import a.b`` gives
    ``a.b``; ``from a import b`` gives ``a`` and ``a.b`` (b may be a module);
    ``from ..store import db`` in murafaqa_desktop/services/x.py gives
    ``murafaqa_desktop.store`` and ``murafaqa_desktop.store.db``."""
    package = list(path.relative_to(root).parts[:-1])  # a module's package; an __init__'s own
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level > len(package):
                    raise ValueError(f"{path}: a relative import above the top package")
                base = package[:len(package) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            names.add(origin)
            names.update(f"{origin}.{a.name}" for a in node.names if a.name != "*")
    return names


def area(path: Path) -> str:
    return path.relative_to(DESKTOP).parts[0] if path.is_relative_to(DESKTOP) else "server"


# What each layer of the desktop package may import of ours, besides itself.
# Nothing imports upwards and domain/ imports nothing of ours at all. paths
# (where the files live, private folders) imports nothing of ours, and assets
# (resources, reference data) only the domain: both sit under every layer but
# the domain. "entry" is the command line and __main__: the top, imported by
# nothing else.
LAYERS = ("domain", "paths", "assets", "store", "services", "reports", "sync", "ui", "entry")
MAY_IMPORT: dict[str, set[str]] = {
    "domain": set(),
    "paths": set(),
    "assets": {"domain"},
    "store": {"domain", "protocol", "paths"},
    "services": {"domain", "store", "assets", "paths"},
    "reports": {"domain", "store", "services", "assets", "paths"},
    "sync": {"domain", "store", "services", "protocol", "paths"},
    "ui": {"domain", "store", "services", "reports", "sync", "protocol", "assets", "paths"},
    "entry": {"domain", "store", "services", "reports", "sync", "ui", "protocol", "assets", "paths"},
}


def layer(name: str, root: Path = SRC) -> str | None:
    """The layer a module name of ours belongs to; None for other libraries
    and for the desktop package itself (its __init__ holds the version only)."""
    parts = name.split(".")
    if parts[0] == "murafaqa_protocol":
        return "protocol"
    if parts[0] == "murafaqa_server":
        return "server"
    if parts[0] != "murafaqa_desktop" or len(parts) == 1:
        return None
    top = parts[1]
    if top.startswith("cli") or top == "__main__":
        return "entry"
    desktop = root / "murafaqa_desktop"
    if (desktop / top).is_dir() or (desktop / f"{top}.py").is_file():
        return top
    return None  # a name the package's __init__ defines (__version__)


def upward_imports(path: Path, root: Path = SRC) -> list[str]:
    """The imports of one desktop module that its layer may not make."""
    here = layer(module_of(path, root), root)
    if here is None:
        return []
    return [f"{here} imports {name}" for name in sorted(imported(path, root))
            if (there := layer(name, root)) not in (None, here) and there not in MAY_IMPORT[here]]


@pytest.mark.parametrize("path", modules(DESKTOP), ids=lambda p: str(p.relative_to(SRC)))
def test_desktop_layers(path):
    names = imported(path)
    where = area(path)
    if where != "ui" and path.name != "__main__.py":
        assert not any(n.startswith("PySide6") for n in names), f"Qt imported outside ui/: {path}"
    if where != "sync":
        http = {"httpx", "requests", "urllib3"}
        assert not any(n.split(".")[0] in http for n in names), f"HTTP outside sync/: {path}"
    if where != "store":
        text = path.read_text(encoding="utf-8")
        strings = [n.value for n in ast.walk(ast.parse(text))
                   if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        assert not any(SQL.search(s) for s in strings), f"SQL outside store/: {path}"


@pytest.mark.parametrize("path", modules(SERVER), ids=lambda p: str(p.relative_to(SRC)))
def test_the_server_never_loads_qt_or_the_desktop(path):
    for name in imported(path):
        assert not name.startswith("PySide6"), path
        assert name.split(".")[0] != "murafaqa_desktop", f"{path} imports {name}"


@pytest.mark.parametrize("path", modules(PROTOCOL), ids=lambda p: str(p.relative_to(SRC)))
def test_the_protocol_needs_only_pydantic_and_the_standard_library(path):
    for name in imported(path):
        top = name.split(".")[0]
        assert top in sys.stdlib_module_names or top in ("pydantic", "murafaqa_protocol"), f"{path} imports {name}"


# What only the desktop application installs (its extra in pyproject.toml).
DESKTOP_ONLY = ("murafaqa_desktop", "PySide6", "shiboken6", "reportlab", "openpyxl", "sqlite_utils",
                "arabic_reshaper", "bidi", "pypdf", "uuid6")

_SERVER_RUN = """
import importlib, pkgutil, sys
import murafaqa_server
for m in pkgutil.walk_packages(murafaqa_server.__path__, "murafaqa_server."):
    # __main__ runs the command line; Alembic loads the migration scripts below.
    if m.name != "murafaqa_server.__main__" and not m.name.startswith("murafaqa_server.migrations."):
        importlib.import_module(m.name)
import uvicorn
from murafaqa_server import cli, main
assert cli.main(["migrate"]) == 0
main.create()
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


@pytest.mark.parametrize("path", modules(DESKTOP), ids=lambda p: str(p.relative_to(SRC)))
def test_dependencies_point_one_way(path):
    assert upward_imports(path) == [], path


def test_every_desktop_module_has_a_layer_with_its_rule():
    found = {layer(module_of(path)) for path in modules(DESKTOP)} - {None}
    assert found == set(LAYERS) == set(MAY_IMPORT)


def _fake_desktop(root: Path, files: dict[str, str]) -> None:
    for name in ("domain", "store", "services", "ui"):
        (root / "murafaqa_desktop" / name).mkdir(parents=True)
        (root / "murafaqa_desktop" / name / "__init__.py").write_text("")
    (root / "murafaqa_desktop" / "__init__.py").write_text("__version__ = '0'\n")
    (root / "murafaqa_desktop" / "paths.py").write_text("")
    for name, text in files.items():
        (root / "murafaqa_desktop" / name).write_text(text)


def test_relative_imports_are_resolved_from_the_importing_module_s_package(tmp_path):
    _fake_desktop(tmp_path, {
        "services/plans.py": "from ..store import db\nfrom . import validation\nfrom .. import paths\n"
                             "from .validation import check\n",
        "services/__init__.py": "from .plans import add\n",
        "store/db.py": "def later():\n    from ...murafaqa_desktop import paths\n",
    })
    desktop = tmp_path / "murafaqa_desktop"
    assert imported(desktop / "services" / "plans.py", tmp_path) == {
        "murafaqa_desktop.store", "murafaqa_desktop.store.db",
        "murafaqa_desktop.services", "murafaqa_desktop.services.validation",
        "murafaqa_desktop", "murafaqa_desktop.paths",
        "murafaqa_desktop.services.validation.check"}
    # an __init__'s package is its own folder
    assert imported(desktop / "services" / "__init__.py", tmp_path) == {
        "murafaqa_desktop.services.plans", "murafaqa_desktop.services.plans.add"}
    with pytest.raises(ValueError, match="above the top package"):
        imported(desktop / "store" / "db.py", tmp_path)


def test_an_upward_relative_import_is_caught(tmp_path):
    _fake_desktop(tmp_path, {
        "store/cooperatives.py": "from ..domain import entities\n\ndef late():\n    from ..ui.kit import i18n\n",
        "domain/rules.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..services import plans\n",
        "services/plans.py": "from ..store import cooperatives\nfrom .. import paths, __version__\n",
    })
    desktop = tmp_path / "murafaqa_desktop"
    assert upward_imports(desktop / "store" / "cooperatives.py", tmp_path) == [
        "store imports murafaqa_desktop.ui.kit", "store imports murafaqa_desktop.ui.kit.i18n"]
    assert upward_imports(desktop / "domain" / "rules.py", tmp_path) == [
        "domain imports murafaqa_desktop.services", "domain imports murafaqa_desktop.services.plans"]
    assert upward_imports(desktop / "services" / "plans.py", tmp_path) == []


def test_the_server_runs_without_the_desktop_libraries(tmp_path):
    """A server installed with only its extra (``pip install ".[server]"``)
    has none of the desktop's libraries: importing every server module,
    migrating and building the application must load none of them."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'server.db'}", "DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", _SERVER_RUN], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert {"murafaqa_server", "murafaqa_protocol", "fastapi", "alembic"} <= loaded
    assert loaded.isdisjoint(DESKTOP_ONLY), sorted(loaded & set(DESKTOP_ONLY))
