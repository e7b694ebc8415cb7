"""Sync: status and history. Until this laptop is enrolled with a server,
the status is what the outbox says: "offline · N changes waiting", and the
history lists those changes (what, which record, when)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.entities import BY_TABLE
from ..kit.i18n import FollowsLanguage, lang, status_text
from ..kit.rows_model import Column, RowsModel
from ..kit.tasks import Tasks
from ..kit.widgets import table_view


def _local(stamp: str) -> str:
    """A stored UTC time as the laptop's clock shows it."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _what(row: dict[str, Any]) -> str:
    entity = BY_TABLE.get(row["tbl"])
    return (entity.ar if lang() == "ar" else entity.fr) if entity else row["tbl"]


class OutboxView(FollowsLanguage, QWidget):
    status_changed = Signal(str)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.pending = 0
        self.status = QLabel()
        self.status.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.model = RowsModel([
            Column(lambda: self.tr("Changed on"), lambda r: _local(r["updated_at"])),
            Column(lambda: self.tr("Record"), _what),
            Column(lambda: self.tr("Change"), lambda r: self.tr("deleted") if r["op"] == "delete"
                   else self.tr("%n field(s)", "", len(r["fields"]))),
            Column(lambda: self.tr("Fields"), lambda r: ", ".join(
                BY_TABLE[r["tbl"]].field(f).label(lang()) if r["tbl"] in BY_TABLE and f in BY_TABLE[r["tbl"]].names
                else f for f in r["fields"])),
        ], parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.explain)
        layout.addWidget(table_view(self.model, stretch=3), 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.status.setText(status_text(self.pending))
        self.explain.setText(self.tr("Changes are kept on this laptop and will be sent to the programme's "
                                     "server at the next synchronisation."))
        self.model.retranslate()
        self.status_changed.emit(status_text(self.pending))

    def refresh(self, with_history: bool = False) -> None:
        def job(db: Any) -> tuple[int, list[dict[str, Any]] | None]:
            from ...store import outbox

            return outbox.pending_count(db), (outbox.entries(db, 500)[::-1] if with_history else None)

        self.tasks.run(job, self._show)

    def _show(self, result: tuple[int, list[dict[str, Any]] | None]) -> None:
        self.pending, rows = result
        if rows is not None:
            self.model.set_rows(rows)
        self.retranslate()
