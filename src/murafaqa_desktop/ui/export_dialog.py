"""File → Export: the whole database to an Excel workbook (or a folder of CSV
files) in the background, with a progress bar and a Cancel button.

The export runs on a thread of its own with its own SQLite connection
(connections stay on the thread that made them), so the window never
freezes; progress comes back through queued signals and a cancel request is
looked at every few thousand rows. The file appears only when whole
(``services.export`` writes under a temporary name): a cancel or a failure
leaves nothing behind.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from ..domain.errors import DomainError
from ..services.export import SHEETS, Cancelled, ExportResult, Progress, export
from ..store.db import disk_full, open_db
from .kit.background import ProgressDialog


class ExportWorker(QObject):
    """Runs one export on a QThread; cancel() is thread-safe."""

    progress = Signal(object)  # services.export.Progress
    finished = Signal(object)  # ExportResult
    failed = Signal(str, str)  # message fr, message ar
    cancelled = Signal()

    def __init__(self, db_path: Path, out: Path, fmt: str, lang: str) -> None:
        super().__init__()
        self.db_path, self.out, self.fmt, self.lang = db_path, out, fmt, lang
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()  # see kit/background.py: a declared slot, never added while a thread calls it
    def run(self) -> None:
        db = None
        try:
            db = open_db(self.db_path)
            result: ExportResult = export(db, self.out, lang=self.lang, fmt=self.fmt,
                                          on_progress=self.progress.emit, should_cancel=self._cancel.is_set)
        except Cancelled:
            self.cancelled.emit()
        except DomainError as e:
            self.failed.emit(e.fr, e.ar)
        except Exception as e:  # noqa: BLE001 - shown to the user, never swallowed silently
            full = disk_full(e, self.out)
            if full is not None:
                self.failed.emit(full.fr, full.ar)
            else:
                self.failed.emit(f"{type(e).__name__}: {e}", f"{type(e).__name__}: {e}")
        else:
            self.finished.emit(result)
        finally:
            if db is not None:
                db.close()


class ExportDialog(ProgressDialog):
    """Starts the export as soon as it is made; closes itself when done."""

    def __init__(self, db_path: str | Path, out: str | Path, fmt: str = "xlsx", lang: str = "ar",
                 parent: QWidget | None = None, ui_lang: str = "fr") -> None:
        super().__init__(len(SHEETS), parent, ui_lang)
        self.out = Path(out)
        self.setWindowTitle(self.tr("Export"))
        self.label.setText(self.tr("Preparing the export…"))
        self.start(ExportWorker(Path(db_path), self.out, fmt, lang), progress=self._progress)

    def _progress(self, p: Progress) -> None:
        self.step(p.sheet - 1, self.tr("Sheet %1 of %2: %3 — %4 rows written")
                  .replace("%1", str(p.sheet)).replace("%2", str(p.sheets))
                  .replace("%3", p.title).replace("%4", str(p.rows)))
