"""The one way the interface touches the store: off the main thread.

Every read and every change runs, in order, on a single worker thread that
owns its own SQLite connection (database work serialised on one thread, as
Anki does). The callback runs back on the main thread through a queued Qt
signal. A failure goes to the ``on_error`` callback when it is a broken rule
the caller knows how to show (a form places it next to its field),
otherwise to the one ErrorReporter.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ...domain.errors import DomainError
from .errors import ErrorReporter

if TYPE_CHECKING:
    import queue
    import threading

    from sqlite_utils import Database

Job = Callable[["Database"], Any]


class _Bridge(QObject):
    finished = Signal(int, object, object)


class Tasks(QObject):
    """``run(job, on_done, on_error)``: job(db) on the worker, callbacks here."""

    busy_changed = Signal(bool)

    def __init__(self, db_path: str | Path, reporter: ErrorReporter, parent: QObject | None = None,
                 start: bool = True) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.reporter = reporter
        # The worker (its thread and queue) is made when it starts, after the
        # first frame: ``queue`` and ``threading`` are startup time. Jobs given
        # before wait in a list.
        self._queue: queue.Queue[tuple[int, Job] | None] | None = None
        self._thread: threading.Thread | None = None
        self._early: list[tuple[int, Job]] = []
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[[DomainError], None] | None]] = {}
        self._ids = itertools.count(1)
        self._held = False  # the database is locked: no worker until release()
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._deliver)
        if start:
            self.start()

    def start(self) -> None:
        """Start the worker (once). Jobs queued before wait for it.

        The window starts it after its first paint, so that opening the
        database and loading the store's code never delay the first frame."""
        if self._queue is not None or self._held:
            return
        import queue
        import threading

        self._queue = queue.Queue()
        for item in self._early:
            self._queue.put(item)
        self._early.clear()
        self._thread = threading.Thread(target=self._loop, name="murafaqa-store", daemon=True)
        self._thread.start()

    def hold(self) -> None:
        """The window locks: the worker stops (its connection closed) and no
        other starts until release(); jobs given meanwhile wait."""
        if self._queue is not None:  # (suspend's wait would start a worker that never ran)
            self.suspend()
        self._held = True

    def release(self) -> None:
        self._held = False
        self.start()

    @property
    def held(self) -> bool:
        return self._held

    def suspend(self) -> None:
        """Stop the worker and close its connection (the window locks: the
        database key leaves memory); jobs given meanwhile wait for start()."""
        self.wait_idle()
        if self._queue is None or self._thread is None:
            return
        self._queue.put(None)
        self._thread.join(5)
        self._queue, self._thread = None, None

    # -- main thread ---------------------------------------------------
    def run(self, job: Job, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[DomainError], None] | None = None) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        if self._queue is None:
            self._early.append((job_id, job))
        else:
            self._queue.put((job_id, job))
        return job_id

    def pending(self) -> int:
        return len(self._callbacks)

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """Process events until every job has called back (tests, benchmarks, closing)."""
        import time

        self.start()
        if self._held:  # nothing runs while the database is locked
            return not self._callbacks
        deadline = time.monotonic() + timeout_ms / 1000
        while self._callbacks and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.001)  # lets the worker hold the interpreter meanwhile
        QCoreApplication.processEvents()
        return not self._callbacks

    def close(self) -> None:
        if self._held and self._queue is None:
            return
        self.wait_idle()  # starts the worker if it never was: its queue exists from here
        assert self._queue is not None and self._thread is not None
        self._queue.put(None)
        if self._thread.is_alive():
            self._thread.join(5)

    def _deliver(self, job_id: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        if error is None:
            if on_done is not None:
                on_done(result)
        elif isinstance(error, DomainError) and on_error is not None:
            on_error(error)
        else:
            self.reporter.report(error)

    # -- worker thread -------------------------------------------------
    def _loop(self) -> None:
        jobs = self._queue
        assert jobs is not None  # made by start(), before the thread
        db: Database | None = None
        try:
            from ...store.db import open_db  # the store's code loads here, off the main thread

            db = open_db(self.db_path, check_same_thread=False)
        except BaseException as e:  # reported on the first job
            opening_error: BaseException | None = e
        else:
            opening_error = None
        while True:
            item = jobs.get()
            if item is None:
                break
            job_id, job = item
            result, error = None, opening_error
            if db is not None:
                try:
                    result = job(db)
                except BaseException as e:  # noqa: BLE001 - every failure reaches the reporter
                    error = e
            self._bridge.finished.emit(job_id, result, error)
        if db is not None:
            db.close()
