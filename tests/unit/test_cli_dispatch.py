"""``murafaqa``: a command runs headless whether the global options come
before it (``murafaqa --db FILE demo``, as ``git -C`` users type) or after
it; no command is the window; an unknown word is said in one line, never a
window opened in a terminal. The window itself is replaced here by a stand-in
that records how it was asked to open."""
from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from murafaqa_desktop import __main__ as entry
from murafaqa_desktop.cli import COMMANDS
from murafaqa_desktop.cli.parser import command_names
from murafaqa_desktop.store.db import open_db


@pytest.fixture
def window(monkeypatch):
    """The window's entry point, recorded instead of opened (no Qt here)."""
    opened: list[list[str]] = []
    fake = types.ModuleType("murafaqa_desktop.ui.app")
    fake.run = lambda argv: opened.append(list(argv)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "murafaqa_desktop.ui.app", fake)
    return opened


def murafaqa(capsys, *argv):
    code = entry.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_light_list_of_commands_is_the_parsers():
    assert list(COMMANDS) == command_names()


@pytest.mark.parametrize("order", ["options first", "options last", "one of each"])
def test_demo_runs_headless_with_the_database_before_or_after_it(capsys, window, tmp_path, order):
    db_path = tmp_path / "m.db"
    argv = {"options first": ["--db", db_path, "--lang", "ar", "demo", "--cooperatives", "3"],
            "options last": ["demo", "--cooperatives", "3", "--db", db_path, "--lang", "ar"],
            "one of each": [f"--db={db_path}", "demo", "--lang=ar", "--cooperatives", "3"]}[order]
    code, out, err = murafaqa(capsys, *argv)
    assert (code, err, window) == (0, "", [])
    assert "تم تحميل بيانات العرض" in out and str(db_path) in out
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 3
    db.close()


@pytest.mark.parametrize("argv", [
    ["--db", "{db}", "search", "Amal", "--json"],
    ["search", "Amal", "--json", "--db", "{db}"],
    ["--lang", "fr", "--db={db}", "search", "Amal", "--json"],
])
def test_search_reads_the_database_named_before_or_after_it(capsys, window, tmp_path, argv):
    from factories import make_cooperative

    db_path = tmp_path / "m.db"
    db = open_db(db_path)
    make_cooperative(db, registration_number="RC/9", name_fr="Coopérative Amal")
    db.close()
    code, out, _ = murafaqa(capsys, *[a.replace("{db}", str(db_path)) for a in argv])
    assert code == 0 and window == []
    assert [r["registration_number"] for r in json.loads(out)] == ["RC/9"]


def test_the_option_after_the_command_wins(capsys, window, tmp_path):
    code, out, _ = murafaqa(capsys, "--db", tmp_path / "first.db", "demo", "--cooperatives", "2",
                            "--db", tmp_path / "second.db")
    assert code == 0 and (tmp_path / "second.db").exists() and not (tmp_path / "first.db").exists()


@pytest.mark.parametrize("argv", [[], ["--db", "{db}"], ["--db={db}", "--lang", "fr"], ["--lang", "ar"],
                                  ["-style", "fusion"], ["--db", "{db}", "-reverse"]])
def test_no_command_opens_the_window_with_its_options(capsys, window, tmp_path, argv):
    argv = [a.replace("{db}", str(tmp_path / "m.db")) for a in argv]
    code, out, err = murafaqa(capsys, *argv)
    assert code == 0 and window == [argv] and out == err == ""
    assert not (tmp_path / "m.db").exists(), "the window opens it, not the command line"


@pytest.mark.parametrize("argv, lang, line", [
    (["frobnicate"], "fr", "murafaqa : commande inconnue « frobnicate » (murafaqa --help donne la liste)"),
    (["--lang", "ar", "frobnicate"], "fr", "murafaqa: أمر غير معروف «frobnicate» (murafaqa --help يعرض الأوامر)"),
    (["--db", "{db}", "serach", "amal"], "ar", "murafaqa: أمر غير معروف «serach» (murafaqa --help يعرض الأوامر)"),
    (["demoo", "--lang=fr"], "ar", "murafaqa : commande inconnue « demoo » (murafaqa --help donne la liste)"),
])
def test_an_unknown_command_is_one_line_in_the_users_language(capsys, window, monkeypatch, tmp_path, argv, lang,
                                                                 line):
    monkeypatch.setenv("MURAFAQA_LANG", lang)
    code, out, err = murafaqa(capsys, *[a.replace("{db}", str(tmp_path / "m.db")) for a in argv])
    assert (code, out, err, window) == (2, "", line + "\n", [])
    assert not (tmp_path / "m.db").exists()


def test_a_command_after_an_unknown_option_is_the_command_line_saying_so(capsys, window, tmp_path):
    code, out, err = murafaqa(capsys, "--verbose", "demo", "--db", tmp_path / "m.db")
    assert (code, out, window) == (2, "", []) and "--verbose" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "m.db").exists()


def test_help_and_version_need_no_command(capsys, window):
    with pytest.raises(SystemExit) as done:
        entry.main(["--db", "x.db", "--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("murafaqa ")
    with pytest.raises(SystemExit):
        entry.main(["--help"])
    assert "COMMAND" in capsys.readouterr().out and window == []


# The window's start goes through the entry point: deciding that it is the
# window must load nothing of the command line, the store or printing.
_CHILD = r'''
import json, sys, types
fake = types.ModuleType("murafaqa_desktop.ui.app")
fake.run = lambda argv: 0
sys.modules["murafaqa_desktop.ui.app"] = fake
from murafaqa_desktop.__main__ import main
assert main(["--db", sys.argv[1], "--lang", "ar"]) == 0
print(json.dumps(sorted(sys.modules)))
'''
NOT_FOR_THE_WINDOW = ("murafaqa_desktop.cli.parser", "murafaqa_desktop.cli.run", "murafaqa_desktop.cli.context",
                      "murafaqa_desktop.store", "murafaqa_desktop.services", "murafaqa_desktop.reports",
                      "murafaqa_desktop.sync", "murafaqa_desktop.domain", "sqlite_utils", "sqlite3", "reportlab",
                      "argparse")


def test_opening_the_window_loads_nothing_of_the_command_line(tmp_path: Path):
    out = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path / "m.db")], capture_output=True, text=True,
                         timeout=120, check=True)
    loaded = json.loads(out.stdout)
    early = [m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_FOR_THE_WINDOW)]
    assert early == []
