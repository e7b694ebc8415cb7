"""A full disk is told in the interface's language, as a refusal is, not as
a bug to report."""
from __future__ import annotations

import errno
import sqlite3

import pytest

from murafaqa_desktop.ui.kit import i18n
from murafaqa_desktop.ui.kit.errors import ErrorReporter


def _sqlite_full() -> sqlite3.OperationalError:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    try:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 100)
    except sqlite3.OperationalError as e:
        return e
    raise AssertionError("max_page_count did not fill the database")


@pytest.mark.parametrize("error", [_sqlite_full(), OSError(errno.ENOSPC, "No space left on device")],
                         ids=["sqlite", "os"])
@pytest.mark.parametrize("language, words", [("fr", "disque est plein"), ("ar", "القرص ممتلئ")])
def test_a_full_disk_is_told_in_the_users_language(qapp, monkeypatch, error, language, words):
    monkeypatch.setattr(i18n, "_current", language)
    reporter = ErrorReporter(None, interactive=False)
    reporter.report(error)
    assert reporter.last is not None and words in reporter.last
    assert "database or disk is full" not in reporter.last and "log" not in reporter.last
