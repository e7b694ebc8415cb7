"""The History tab of a cooperative's record: who changed what.

What the laptop keeps is shown at once (a job of the store's worker); the
server is then asked on a thread of its own (``kit.background``: a network
call must never hold the store's worker nor the window), and the table is
filled again when it answers. Offline, or not enrolled, the tab shows what
it keeps and a line says since when."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ...services import history
from ...store import sync_state
from ...store.db import open_db
from ...sync import account
from ...sync import history as history_sync
from ...sync.engine import is_demo
from ..kit.background import start_on_thread
from ..kit.i18n import lang
from ..kit.tasks import Tasks
from ..kit.widgets import table_view
from .history_table_model import FIELD, HistoryTableModel, local_time


class HistoryFetch(QObject):
    """Asks the server for one cooperative's history and keeps it, on its own
    SQLite connection; ``finished(coop_id, "fetched" | "not_enrolled")`` or
    ``failed(coop_id, fr, ar)``."""

    finished = Signal(str, str)
    failed = Signal(str, str, str)
    cancelled = Signal()

    def __init__(self, db_path: Path, coop_id: str) -> None:
        super().__init__()
        self.db_path = db_path
        self.coop_id = coop_id
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()  # one request: nothing to stop between steps

    def run(self) -> None:
        db = None
        try:
            db = open_db(self.db_path, check_same_thread=True)
            if is_demo(db) or not sync_state.get(db, "token"):
                self.finished.emit(self.coop_id, "not_enrolled")
                return
            transport = account.transport_for(db)
            try:
                history_sync.fetch(db, transport, self.coop_id)
            finally:
                transport.close()
        except DomainError as e:
            self.failed.emit(self.coop_id, e.fr, e.ar)
        except Exception as e:  # noqa: BLE001 - shown to the user, never swallowed silently
            self.failed.emit(self.coop_id, f"{type(e).__name__}: {e}", f"{type(e).__name__}: {e}")
        else:
            self.finished.emit(self.coop_id, "fetched")
        finally:
            if db is not None:
                db.close()


class HistoryTab(QWidget):
    """Read only. ``fetched`` fires when a fetch ended, with its outcome
    ("fetched", "not_enrolled", "offline")."""

    fetched = Signal(str)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.coop_id: str | None = None
        self.shown: history.History | None = None
        self.state = "idle"  # fetching, fetched, offline, not_enrolled
        self.failure = ""
        self.fetch_thread: QThread | None = None
        self.worker: HistoryFetch | None = None
        self.model = HistoryTableModel(self)
        self.view = table_view(self.model, stretch=FIELD)
        self.view.setWordWrap(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.unsent_note = QLabel()
        self.unsent_note.setStyleSheet("color: #8a5a00;")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.fetch)
        head = QHBoxLayout()
        notes = QVBoxLayout()
        notes.addWidget(self.status)
        notes.addWidget(self.unsent_note)
        head.addLayout(notes, 1)
        head.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        self.retranslate()

    # -- showing --------------------------------------------------------------
    def show_cooperative(self, coop_id: str, *, fetch: bool = True) -> None:
        """Show what is kept for the cooperative, then ask the server."""
        if coop_id != self.coop_id:
            self.model.set_lines([])
            self.shown = None
            self.state = "idle"
        self.coop_id = coop_id
        self.load()
        if fetch:
            self.fetch()

    def load(self) -> None:
        coop_id = self.coop_id
        if coop_id is None:
            return
        self.tasks.run(lambda db: history.of(db, coop_id), lambda found: self._loaded(coop_id, found))

    def _loaded(self, coop_id: str, found: history.History) -> None:
        if coop_id != self.coop_id:
            return
        self.shown = found
        self.model.set_lines(found.lines)
        self._notes()

    def fetch(self) -> None:
        if self.coop_id is None or (self.fetch_thread is not None and self.fetch_thread.isRunning()):
            return
        self.state = "fetching"
        self.refresh_button.setEnabled(False)
        self._notes()
        coop_id = self.coop_id
        self.worker = HistoryFetch(self.tasks.db_path, coop_id)
        # Slots of this widget: the worker's signals reach them queued, on the
        # window's thread; the cooperative travels with the outcome.
        self.fetch_thread = start_on_thread(self.worker, finished=self._fetched, failed=self._failed)

    def _fetched(self, coop_id: str, outcome: str) -> None:
        self._ended(coop_id, outcome, "")

    def _failed(self, coop_id: str, fr: str, ar: str) -> None:
        self._ended(coop_id, "offline", ar if lang() == "ar" else fr)

    def _ended(self, coop_id: str, outcome: str, failure: str) -> None:
        if self.fetch_thread is not None:  # told to quit before this slot runs: it is ending
            self.fetch_thread.wait(10_000)
            self.fetch_thread.deleteLater()
            self.fetch_thread = None
        self.refresh_button.setEnabled(True)
        if coop_id == self.coop_id:
            self.state, self.failure = outcome, failure
            self.load()
            self._notes()
        self.fetched.emit(outcome)

    def wait(self, timeout_ms: int = 20_000) -> None:
        """Until the fetch under way has ended (closing, tests)."""
        if self.fetch_thread is not None:
            self.fetch_thread.quit()
            self.fetch_thread.wait(timeout_ms)
        QCoreApplication.sendPostedEvents()  # its ending's queued slots run now

    # -- words ------------------------------------------------------------------
    def _notes(self) -> None:
        found = self.shown
        when = local_time(found.fetched_at) if found is not None and found.fetched_at else None
        if self.state == "fetching":
            text = self.tr("Asking the server…")
        elif self.state == "not_enrolled":
            text = self.tr("This laptop is not enrolled with a server: only its own changes not yet sent are "
                           "shown.")
        elif when is None:
            text = self.tr("The server's history has never been fetched on this laptop.")
        elif self.state == "offline":
            text = self.tr("The server cannot be asked now: the history below is as fetched on %1."
                           ).replace("%1", when)
        else:
            text = self.tr("History fetched from the server on %1.").replace("%1", when)
        if self.state == "offline" and self.failure:
            self.status.setToolTip(self.failure)
        self.status.setText(text)
        unsent = found.unsent if found is not None else 0
        self.unsent_note.setVisible(unsent > 0)
        self.unsent_note.setText(self.tr(
            "Changes of this laptop not yet sent: %1 (shown first, tinted).").replace("%1", str(unsent)))

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Fetch again"))
        self.model.retranslate()
        self._notes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_file(self, _file: dict[str, Any]) -> None:
        """The record reloaded (a save): this laptop's unsent changes moved."""
        if self.coop_id is not None:
            self.load()
