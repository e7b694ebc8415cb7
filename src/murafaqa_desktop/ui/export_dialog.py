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
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from ..domain.errors import DomainError
from ..services.export import SHEETS, Cancelled, ExportResult, Progress, export
from ..store.db import disk_full, open_db


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


class ExportDialog(QDialog):
    """Starts the export as soon as it is made; closes itself when done."""

    completed = Signal(object)  # ExportResult
    stopped = Signal(str)  # "cancelled" or the failure message

    def __init__(self, db_path: str | Path, out: str | Path, fmt: str = "xlsx", lang: str = "ar",
                 parent: QWidget | None = None, ui_lang: str = "fr") -> None:
        super().__init__(parent)
        self.ui_lang = ui_lang
        self.out = Path(out)
        self.result_value: ExportResult | None = None
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(460)
        self.label = QLabel(self.tr("Preparing the export…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, len(SHEETS))
        self.bar.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.worker_thread = QThread(self)
        self.worker = ExportWorker(Path(db_path), self.out, fmt, lang)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        for signal in (self.worker.finished, self.worker.failed, self.worker.cancelled):
            signal.connect(self.worker_thread.quit)
        self.worker_thread.finished.connect(self.worker.deleteLater)
        # Connected before the thread starts: a refusal at once (a folder that
        # does not exist) would otherwise be emitted before anyone listens.
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker_thread.start()

    def _progress(self, p: Progress) -> None:
        self.bar.setValue(p.sheet - 1)
        self.label.setText(self.tr("Sheet %1 of %2: %3 — %4 rows written")
                           .replace("%1", str(p.sheet)).replace("%2", str(p.sheets))
                           .replace("%3", p.title).replace("%4", str(p.rows)))

    def cancel(self) -> None:
        """Ask the worker to stop at its next batch of rows."""
        self.label.setText(self.tr("Cancelling…"))
        self.buttons.setEnabled(False)
        self.worker.cancel()

    def _finished(self, result: Any) -> None:
        self.result_value = result
        self.bar.setValue(len(SHEETS))
        self._wait()
        self.completed.emit(result)
        self.accept()

    def _failed(self, fr: str, ar: str) -> None:
        message = ar if self.ui_lang == "ar" else fr
        self._wait()
        self.label.setText(message)
        self.label.setWordWrap(True)
        self.stopped.emit(message)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)

    def _cancelled(self) -> None:
        self._wait()
        self.stopped.emit("cancelled")
        self.reject()

    def _wait(self) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait(10_000)

    def reject(self) -> None:
        if self.worker_thread.isRunning():  # Escape or the window's close box: cancel first
            self.cancel()
            return
        super().reject()
