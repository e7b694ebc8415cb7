"""Conflicts view: both values side by side; keep the server's, take this
laptop's, or type a new one. The choice is an ordinary edit (validated,
queued in the outbox, synced like any other), through sync.conflicts."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.entities import BY_TABLE
from ...domain.errors import DomainError
from ...store.db import open_db
from ...sync import conflicts as service
from ..kit.i18n import FollowsLanguage, lang


def _show(value: Any) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _field_label(tbl: str, field: str | None) -> str:
    entity = BY_TABLE.get(tbl)
    if entity is None:
        return tbl
    what = entity.ar if lang() == "ar" else entity.fr
    if field and field in entity.names:
        return f"{what} — {entity.field(field).label(lang())}"
    return what


class ConflictsView(FollowsLanguage, QWidget):
    resolved = Signal(int)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.rows: list[dict[str, Any]] = []
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)  # the header spans the table, rows or not
        self.table.itemSelectionChanged.connect(self._selected)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.keep_server = QPushButton()
        self.take_mine = QPushButton()
        self.other = QLineEdit()
        self.apply_other = QPushButton()
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.keep_server.clicked.connect(lambda: self._resolve("server"))
        self.take_mine.clicked.connect(lambda: self._resolve("mine"))
        self.apply_other.clicked.connect(lambda: self._resolve("other"))
        actions = QHBoxLayout()
        for w in (self.keep_server, self.take_mine, self.other, self.apply_other):
            actions.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("What happened"), self.tr("Record and field"),
                                              self.tr("Server value"), self.tr("This laptop's value"),
                                              self.tr("By")])
        self.explain.setText(self.tr("Two people changed the same thing. The server kept its value; "
                                     "choose the right one or type it."))
        self.keep_server.setText(self.tr("Keep the server's value"))
        self.take_mine.setText(self.tr("Take this laptop's value"))
        self.other.setPlaceholderText(self.tr("Another value"))
        self.apply_other.setText(self.tr("Use this value"))
        self.reload()

    def reload(self) -> None:
        db = open_db(self.db_path)
        try:
            self.rows = service.open_conflicts(db)
        finally:
            db.close()
        self.table.setRowCount(len(self.rows))
        for i, c in enumerate(self.rows):
            cells = [service.kind_label(c["kind"], lang()), _field_label(c["tbl"], c["field"]),
                     _show(c["server_value"]), _show(c["client_value"]), c["user"] or ""]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._selected()

    def current(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selected(self) -> None:
        c = self.current()
        has_field = bool(c and c["field"] and c["row_exists"])
        self.keep_server.setEnabled(c is not None)
        for w in (self.take_mine, self.other, self.apply_other):
            w.setEnabled(has_field)
        self.message.clear()

    def _resolve(self, choice: str) -> None:
        c = self.current()
        if c is None:
            return
        value: Any = service.KEEP
        if choice == "mine":
            value = c["client_value"]
        elif choice == "other":
            value = self.other.text()
        db = open_db(self.db_path)
        try:
            service.resolve(db, c["id"], value)
        except DomainError as e:
            self.message.setText(e.message(lang()))
            return
        finally:
            db.close()
        self.other.clear()
        self.resolved.emit(c["id"])
        self.reload()
