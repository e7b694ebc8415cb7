"""A read-only table model over a short list of rows (a cooperative's
sessions, trainings, financing; the agenda): columns declared as
(header, value) pairs so that each screen states only what it shows."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

_Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    header: Callable[[], str]
    value: Callable[[Row], Any]
    ltr: bool = False


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], warn: Callable[[Row], bool] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Row] = []
        self.warn = warn

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header()
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()].value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return row.get("id")
        if role == Qt.ItemDataRole.ForegroundRole and self.warn and self.warn(row):
            return QBrush(QColor("#b3261e"))
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(len(self.columns) - 1, 0))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))
