"""The development plan's actions as a table model, in plan order."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.entities import PLAN_ACTION
from ...domain.vocab import ACTION_AXES, ACTION_STATUS, label
from ..kit.i18n import lang, locale

COLUMNS = ("axis", "objective", "indicator", "owner", "due_date", "status", "estimated_cost", "progress")
_Index = QModelIndex | QPersistentModelIndex


class PlanTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.today = ""

    def set_rows(self, rows: list[dict[str, Any]], today: str = "") -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda r: (r.get("position") is None, r.get("position") or 0))
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return PLAN_ACTION.field(COLUMNS[section]).label(lang())
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row.get(column)
            if column == "axis":
                return label(ACTION_AXES, value, lang())
            if column == "status":
                return label(ACTION_STATUS, value, lang())
            if column == "estimated_cost":
                return "" if value is None else locale().toString(float(value), "f", 0)
            if column == "progress":
                return "" if value is None else f"{value} %"
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role == Qt.ItemDataRole.ForegroundRole and column == "due_date" and self.is_late(row):
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("estimated_cost", "progress"):
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignTrailing)
        return None

    def is_late(self, row: dict[str, Any]) -> bool:
        return bool(row.get("due_date") and self.today and row["due_date"] < self.today
                    and row.get("status") in ("planned", "in_progress"))

    def action_id(self, row: int) -> str:
        action_id: str = self.rows[row]["id"]
        return action_id

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
