"""The layers stay clean: Qt only under ui/, HTTP only under sync/ and the
server, SQL only under store/ (and the server's data layer)."""
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


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def area(path: Path) -> str:
    return path.relative_to(DESKTOP).parts[0] if path.is_relative_to(DESKTOP) else "server"


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
