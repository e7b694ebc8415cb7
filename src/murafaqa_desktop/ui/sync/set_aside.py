"""The changes set aside: ones the server could not apply (it keeps them for
the coordinator of the region) or this laptop could not send. Shown on the
Sync page while there are any, so that the user knows they did not go
through and the other changes did."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.entities import BY_TABLE
from ...store import set_aside as store
from ...store.db import open_db
from ..kit.i18n import FollowsLanguage, lang
from ..kit.rows_model import Column, RowsModel
from ..kit.widgets import table_view
from .outbox import _local


def _what(row: dict[str, Any]) -> str:
    entity = BY_TABLE.get(row["tbl"])
    return (entity.ar if lang() == "ar" else entity.fr) if entity else row["tbl"]


def _fields(row: dict[str, Any]) -> str:
    entity = BY_TABLE.get(row["tbl"])
    labels = [entity.field(f).label(lang()) if entity and f in entity.names else f for f in row["fields"]]
    return ("، " if lang() == "ar" else ", ").join(labels)


class SetAsideView(FollowsLanguage, QWidget):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; color: #b3261e;")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.model = RowsModel([
            Column(lambda: self.tr("Set aside on"), lambda r: _local(r["set_aside_at"])),
            Column(lambda: self.tr("Record"), _what),
            Column(lambda: self.tr("Fields"), lambda r: self.tr("deletion") if r["op"] == "delete" else _fields(r)),
            Column(lambda: self.tr("Why"), self._reason),
        ], parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(table_view(self.model, stretch=3), 1)
        self.retranslate()

    def _reason(self, row: dict[str, Any]) -> str:
        if row["reason"] == store.SERVER:
            return self.tr("The server could not apply it; it keeps it for the coordinator of the region.")
        # The check's own words (``detail``) are kept in the database for
        # whoever helps; the user reads what it means for them.
        return self.tr("This laptop could not send it: it holds a value the server cannot take.")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Changes set aside"))
        self.explain.setText(self.tr("These changes did not go through; the others did. What was typed stays "
                                     "on this laptop: check it with your coordinator."))
        self.model.retranslate()

    def reload(self) -> None:
        db = open_db(self.db_path)
        try:
            rows = store.entries(db)
        finally:
            db.close()
        self.model.set_rows(rows)
        self.setVisible(bool(rows))
