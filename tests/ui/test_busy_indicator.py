"""The status bar says "working…" for work a coach waits on, not for every keystroke's search."""
from __future__ import annotations

import threading
import time


def test_quick_work_shows_nothing_and_long_work_says_so_until_done(window, qtbot, monkeypatch):
    shown: list[str] = []
    set_text = window.busy_label.setText
    monkeypatch.setattr(window.busy_label, "setText", lambda text: (shown.append(text), set_text(text)))
    for _ in range(5):  # five searches' worth of quick jobs
        window.tasks.run(lambda _db: None)
        window.tasks.wait_idle()
    assert not [text for text in shown if text], "no flicker of 'working…' for quick work"

    release = threading.Event()
    window.tasks.run(lambda _db: release.wait(5))
    started = time.monotonic()
    qtbot.waitUntil(lambda: window.busy_label.text() != "", timeout=3000)
    assert time.monotonic() - started >= 0.3  # only once the wait is long enough to notice
    assert window.busy_label.text() == "جار العمل…"
    release.set()
    qtbot.waitUntil(lambda: window.busy_label.text() == "", timeout=3000)
