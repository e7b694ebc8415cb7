"""The cooperatives screen's search box, given whatever a coach types or
pastes (FTS5 syntax, control characters, pasted pages): the list shows what
the store finds for that text, its count with it, and no error is reported.
The store and the command line: tests/unit/test_search_fuzz.py."""
from __future__ import annotations

import shutil
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from fuzzing import EXAMPLES, fuzz
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store.cooperatives import CooperativeFilter
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.ui.kit.errors import ErrorReporter
from murafaqa_desktop.ui.kit.tasks import Tasks

SYNTAX = st.sampled_from(['"', "*", "NEAR(", "(", ")", "-", "AND", "OR", "NOT", "^", ":", "name_fr:", "\x00", "\x1b",
                          "\n", "\t", "\u202e", "\ufeff", "تعاونية", "coop", "ال", "argan", "07", "٣"])
TYPED = st.one_of(st.lists(SYNTAX, max_size=10).map(" ".join), st.lists(SYNTAX, max_size=10).map("".join),
                  st.text(max_size=30), st.builds(lambda part, n: part * n, SYNTAX, st.integers(100, 3000)))


@pytest.fixture
def screen(qapp, qtbot, demo_db_file, tmp_path):
    from murafaqa_desktop.ui.cooperatives.list_view import CooperativeList

    path = tmp_path / "demo.db"
    shutil.copy(demo_db_file, path)
    tasks = Tasks(path, ErrorReporter(interactive=False))
    widget = CooperativeList(tasks)
    qtbot.addWidget(widget)
    widget.show()
    tasks.wait_idle()
    db = open_db(path)
    yield widget, tasks, db
    db.close()
    tasks.close()


SHOWN: Counter[int] = Counter()  # searches that listed nothing (0), something (1)


@pytest.fixture(scope="module", autouse=True)
def _tally():
    yield
    print(f"\nsearch box: {dict(SHOWN)}")


def _type(widget, char: str) -> None:
    """One key typed, as a keyboard of any layout gives it: an event holding
    the character (QTest's own typing knows Latin-1 only, and aborts on the rest)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


@fuzz(EXAMPLES * 2)
@given(text=TYPED, paste=st.booleans())
def test_whatever_is_typed_the_list_shows_what_the_store_finds(screen, qtbot, text, paste):
    widget, tasks, db = screen
    if paste or len(text) > 60:
        widget.search.setText(text)
    else:
        widget.search.clear()
        for char in text:
            _type(widget.search, char)
    wanted = widget.search.text().strip() or None  # what the box holds (it drops line ends, say)
    expected = store.count(db, CooperativeFilter(text=wanted))
    qtbot.waitUntil(lambda: widget.model.filter.text == wanted and not widget.model._in_flight, timeout=10_000)
    tasks.wait_idle()
    qtbot.waitUntil(lambda: widget.model.total == expected, timeout=10_000)
    assert tasks.reporter.last is None
    SHOWN[min(expected, 1)] += 1
    assert widget.model.rowCount() == min(expected, len(widget.model.rows))
