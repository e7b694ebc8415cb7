"""Read-only table models over a list of rows.

``TableOfRows``: what every such table shares (the rows, their count, the
column titles, retranslation); a table with columns named in a tuple says
their titles with ``header``. ``RowsModel``: a short list of dict rows (a
cooperative's sessions, trainings, financing; the agenda) with columns
declared as (header, value) pairs, so that each screen states only what it
shows."""
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


class TableOfRows(QAbstractTableModel):
    """Rows (``rows``, one object a row) in the columns named by ``COLUMNS``,
    titled by ``header``; a subclass gives ``data``."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def header(self, column: str) -> str:
        """The title of the column named ``column``, in the interface's language."""
        raise NotImplementedError

    def column_count(self) -> int:
        return len(self.COLUMNS)

    def header_text(self, section: int) -> str:
        return self.header(self.COLUMNS[section])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.column_count()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header_text(section)
        return None

    def retranslate(self) -> None:
        """Titles and cells again, in the language just chosen."""
        last = self.column_count() - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(last, 0))
        if self.rows and last >= 0:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, last))


class RowsModel(TableOfRows):
    def __init__(self, columns: list[Column], warn: Callable[[Row], bool] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Row] = []
        self.warn = warn

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def column_count(self) -> int:
        return len(self.columns)

    def header_text(self, section: int) -> str:
        return self.columns[section].header()

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
