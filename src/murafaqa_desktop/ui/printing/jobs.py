"""Building printed documents off the main thread, for the print dialogs.

A worker thread opens its own SQLite connection (connections stay on the
thread that made them) and runs ``reports.batch.iter_batch``; progress comes
back to the dialog through queued signals, and a cancel request is checked
between two sheets. The output file appears only when the batch is complete
(``reports.batch`` writes under a temporary name), so a cancel or a failure
leaves nothing behind.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ...domain.errors import DomainError
from ...reports.batch import BatchResult, Cancelled, build_batch
from ...store.db import open_db
from ..kit.background import start_on_thread


@dataclass
class PrintJob:
    """What to print: a kind of document, its keys, where, in which language."""

    db_path: Path
    kind: str
    keys: Sequence[str]
    out: Path
    lang: str = "ar"
    split: bool = False
    options: dict[str, Any] = field(default_factory=dict)


class PrintWorker(QObject):
    """Runs one PrintJob on a QThread of its own; cancel() is thread-safe."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object, object)  # BatchResult, the PrintJob
    failed = Signal(str, str, object)  # message fr, message ar, the PrintJob
    cancelled = Signal(object)  # the PrintJob

    def __init__(self, job: PrintJob) -> None:
        super().__init__()
        self.job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()  # see kit/background.py: a declared slot, never added while a thread calls it
    def run(self) -> None:
        job = self.job
        db = None
        try:
            db = open_db(job.db_path, check_same_thread=True)
            result: BatchResult = build_batch(
                db, job.kind, list(job.keys), job.out, job.lang, split=job.split,
                on_progress=lambda p: self.progress.emit(p.done, p.total),
                should_cancel=self._cancel.is_set, **job.options)
        except Cancelled:
            self.cancelled.emit(job)
        except DomainError as e:
            self.failed.emit(e.fr, e.ar, job)
        except Exception as e:  # noqa: BLE001 - shown to the user, never swallowed silently
            self.failed.emit(f"{type(e).__name__}: {e}", f"{type(e).__name__}: {e}", job)
        else:
            self.finished.emit(result, job)
        finally:
            if db is not None:
                db.close()


def start(job: PrintJob, **slots: Callable[..., Any]) -> tuple[QThread, PrintWorker]:
    """Start a print worker on its own thread (``kit.background.start_on_thread``:
    ``slots`` connected before it starts); the thread quits when the job ends."""
    worker = PrintWorker(job)
    return start_on_thread(worker, **slots), worker
