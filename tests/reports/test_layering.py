"""Printing stays free of Qt and of SQL outside the store."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import murafaqa_desktop

PACKAGE = Path(murafaqa_desktop.__file__).parent


def test_reports_and_cli_print_do_not_import_qt() -> None:
    code = ("import sys, murafaqa_desktop.reports.batch, murafaqa_desktop.reports.documents, "
            "murafaqa_desktop.cli.printing; print([m for m in sys.modules if m.startswith('PySide6')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_no_sql_in_the_reports_package() -> None:
    for path in (PACKAGE / "reports").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bSELECT\b.*\bFROM\b", text), path.name
        assert "execute(" not in text, path.name
