"""The Sync page: status with "sync now", connecting the laptop to the
server, open conflicts, and the changes waiting in the outbox."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..kit.i18n import FollowsLanguage
from .conflicts import ConflictsView
from .scheduler import SyncScheduler
from .set_aside import SetAsideView
from .status import SyncStatusWidget

if TYPE_CHECKING:
    from .outbox import OutboxView


class SyncPage(FollowsLanguage, QWidget):
    def __init__(self, db_path: Path, scheduler: SyncScheduler, outbox: OutboxView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.scheduler = scheduler
        self.outbox = outbox
        self.status = SyncStatusWidget(self.db_path, scheduler)
        self.connect_button = QPushButton()
        self.connect_button.clicked.connect(self.enrol)
        self.conflicts_title = QLabel()
        self.conflicts_title.setStyleSheet("font-weight: bold;")
        self.conflicts = ConflictsView(self.db_path)
        self.conflicts.resolved.connect(lambda _n: self.outbox.refresh(with_history=True))
        self.set_aside = SetAsideView(self.db_path)
        self.set_aside.reload()
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.set_aside, 1)
        layout.addWidget(outbox, 2)
        scheduler.finished.connect(lambda _r: self.refresh())
        outbox.status_changed.connect(self._outbox_changed)
        self.retranslate()

    def enrol(self) -> None:
        from .enrol import EnrolDialog

        dialog = EnrolDialog(self.db_path, self)
        if dialog.exec() == EnrolDialog.DialogCode.Accepted:
            self.scheduler.start()
            self.refresh()

    def _outbox_changed(self, _text: str) -> None:
        # One count on the page; the status reads the database on this
        # thread, so only while the page is on screen, never after each save.
        if self.isVisible():
            self.status.refresh()

    def refresh(self) -> None:
        self.status.refresh()
        self.conflicts.reload()
        self.set_aside.reload()
        self.outbox.refresh(with_history=True)

    def retranslate(self) -> None:
        self.connect_button.setText(self.tr("Connect this laptop…"))
        self.conflicts_title.setText(self.tr("Conflicts to resolve"))
