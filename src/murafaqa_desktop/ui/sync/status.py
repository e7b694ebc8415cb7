"""The sync status, always visible: offline · N changes waiting / syncing
with progress / up to date at HH:MM / error with the reason and what to do.

Self-contained: give it the database path and a SyncScheduler; the main
window places it (status bar or toolbar)."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ...store import sync_state as st
from ...store.db import open_db
from ...sync import pieces
from ..kit.i18n import FollowsLanguage, lang
from .scheduler import SyncScheduler


def _local_time(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%H:%M")
    except ValueError:
        return ""


class SyncStatusWidget(FollowsLanguage, QWidget):
    def __init__(self, db_path: Path, scheduler: SyncScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.scheduler = scheduler
        self.state = "idle"
        self.error: tuple[str, str, str] | None = None
        self._since = time.monotonic()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.bar.hide()
        self.button = QPushButton()
        self.button.clicked.connect(scheduler.sync_now)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar)
        row.addWidget(self.button)
        scheduler.started.connect(self._started)
        scheduler.progress.connect(self._progress)
        scheduler.finished.connect(self._finished)
        scheduler.failed.connect(self._failed)
        self.retranslate()

    # -- what the laptop knows -------------------------------------------------------
    def _facts(self) -> tuple[int, str | None, bool]:
        db = open_db(self.db_path)
        try:
            return st.outbox_count(db), st.get(db, "last_sync"), bool(st.get(db, "token"))
        finally:
            db.close()

    def text(self) -> str:
        waiting, last, enrolled = self._facts()
        if self.state == "syncing":
            return self.tr("Syncing…")
        if self.error is not None:
            kind, fr, ar = self.error
            reason = ar if lang() == "ar" else fr
            return self.tr("Sync error: %1").replace("%1", reason)
        if not enrolled:
            return self.tr("Not connected to a server · %n change(s) waiting", "", waiting)
        if not self.scheduler.online or self.state == "offline":
            return self.tr("Offline · %n change(s) waiting", "", waiting)
        if waiting:
            return self.tr("%n change(s) waiting", "", waiting)
        if last:
            return self.tr("Up to date at %1").replace("%1", _local_time(last))
        return self.tr("Never synced")

    def retranslate(self) -> None:
        self.button.setText(self.tr("Sync now"))
        self.refresh()

    def refresh(self) -> None:
        self.label.setText(self.text())

    # -- scheduler signals ---------------------------------------------------------------
    def _started(self) -> None:
        self.state, self.error = "syncing", None
        self._since = time.monotonic()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.button.setEnabled(False)
        self.refresh()

    def _progress(self, stage: str, done: int, total: int) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if stage == "bytes":
            self.label.setText(self.bytes_text(done, total, time.monotonic() - self._since))

    def bytes_text(self, done: int, total: int, elapsed: float) -> str:
        """Kilobytes received, of how many, and the time left at the pace so far."""
        left = pieces.seconds_left(done, total, elapsed)
        if left is None:
            return self.tr("Syncing… %1 KB received").replace("%1", str(round(done / 1000)))
        return (self.tr("Syncing… %1 KB of %2 KB, about %3 s left").replace("%1", str(round(done / 1000)))
                .replace("%2", str(round(total / 1000))).replace("%3", str(left)))

    def _finished(self, _report: dict[str, Any]) -> None:
        self.state = "idle"
        self.bar.hide()
        self.button.setEnabled(True)
        self.refresh()

    def _failed(self, kind: str, fr: str, ar: str) -> None:
        self.bar.hide()
        self.button.setEnabled(True)
        if kind == "network":
            self.state, self.error = "offline", None
        else:
            self.state, self.error = "error", (kind, fr, ar)
        self.refresh()
