"""Batch printing in the background: all diagnostic sheets of a selection
(a region, a phase, the list's filter) into one PDF or one file each, with a
progress bar and a Cancel button; the window never freezes and a cancelled
batch leaves no file behind."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from .jobs import PrintJob, start


class BatchPrintDialog(QDialog):
    """Runs one batch as soon as it is shown; closes itself when done."""

    progressed = Signal(int, int)  # done, total (on the main thread)
    completed = Signal(object)  # BatchResult
    stopped = Signal(str)  # "cancelled" or the failure message

    def __init__(self, db_path: str | Path, kind: str, keys: Sequence[str], out: str | Path, lang: str = "ar",
                 split: bool = False, parent: QWidget | None = None, ui_lang: str = "fr",
                 **options: Any) -> None:
        super().__init__(parent)
        self.ui_lang = ui_lang
        self.job = PrintJob(Path(db_path), kind, list(keys), Path(out), lang, split, options)
        self.result_value = None
        self.setWindowTitle(self.tr("Printing"))
        self.setMinimumWidth(420)
        self.label = QLabel(self.tr("Preparing %n document(s)…", "", len(self.job.keys)))
        self.bar = QProgressBar()
        self.bar.setRange(0, len(self.job.keys))
        self.bar.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.worker_thread, self.worker = start(self.job, self, progress=self._progress, finished=self._finished,
                                                failed=self._failed, cancelled=self._cancelled)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setValue(done)
        self.progressed.emit(done, total)
        self.label.setText(self.tr("%1 of %2 documents").replace("%1", str(done)).replace("%2", str(total)))

    def cancel(self) -> None:
        """Ask the worker to stop after the sheet it is building."""
        self.label.setText(self.tr("Cancelling…"))
        self.buttons.setEnabled(False)
        self.worker.cancel()

    def _finished(self, result: Any, _job: Any = None) -> None:
        self.result_value = result
        self._wait()
        self.completed.emit(result)
        self.accept()

    def _failed(self, fr: str, ar: str, _job: Any = None) -> None:
        message = ar if self.ui_lang == "ar" else fr
        self._wait()
        self.label.setText(message)
        self.stopped.emit(message)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)

    def _cancelled(self, _job: Any = None) -> None:
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
