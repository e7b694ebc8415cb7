"""Batch printing in the background: all diagnostic sheets of a selection
(a region, a phase, the list's filter) into one PDF or one file each, with a
progress bar and a Cancel button; the window never freezes and a cancelled
batch leaves no file behind."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..kit.background import ProgressDialog
from .jobs import PrintJob, start


class BatchPrintDialog(ProgressDialog):
    """Runs one batch as soon as it is shown; closes itself when done."""

    progressed = Signal(int, int)  # done, total (on the main thread)

    def __init__(self, db_path: str | Path, kind: str, keys: Sequence[str], out: str | Path, lang: str = "ar",
                 split: bool = False, parent: QWidget | None = None, ui_lang: str = "fr",
                 **options: Any) -> None:
        self.job = PrintJob(Path(db_path), kind, list(keys), Path(out), lang, split, options)
        super().__init__(len(self.job.keys), parent, ui_lang)
        self.setWindowTitle(self.tr("Printing"))
        self.label.setText(self.tr("Preparing %n document(s)…", "", len(self.job.keys)))
        self.worker_thread, self.worker = start(self.job, progress=self._progress, finished=self._finished,
                                                failed=self._failed, cancelled=self._cancelled)

    def _progress(self, done: int, total: int) -> None:
        self.step(done, self.tr("%1 of %2 documents").replace("%1", str(done)).replace("%2", str(total)))
        self.progressed.emit(done, total)
