"""Work started on a thread of its own (ui/kit/background.py)."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from murafaqa_desktop.ui.kit.background import WorkerThread, start_on_thread


class _Worker(QObject):
    finished = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()

    def run(self) -> None:
        self.finished.emit(threading.get_ident())

    def cancel(self) -> None:
        pass


def test_the_work_runs_off_the_main_thread_and_its_thread_ends(qtbot) -> None:
    results: list[object] = []
    thread = start_on_thread(_Worker(), finished=results.append)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)
    assert thread.wait(5000)
    assert results[0] != threading.get_ident()


def test_many_threads_started_while_the_main_thread_creates_types_all_finish(qtbot) -> None:
    """The print preview starts a build per language change: threads start
    while the main thread is busy in Python (PySide's slot dispatch on a new
    thread used to crash there now and then)."""
    results: list[object] = []
    threads = [start_on_thread(_Worker(), finished=results.append) for _ in range(40)]
    for _ in range(200):
        type("Scratch", (QObject,), {"changed": Signal(int)})  # new meta-objects meanwhile
    qtbot.waitUntil(lambda: len(results) == 40, timeout=10_000)
    assert all(isinstance(t, WorkerThread) and t.wait(5000) for t in threads)
