"""A cooperative's history as a table model: when, who, which field (as the
forms label it, in the user's language), the value before and after. This
laptop's changes not yet sent come first, marked (a tint, a note in the
"who" column and a tooltip)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDateTime, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...services import history
from ..kit.i18n import lang

_Index = QModelIndex | QPersistentModelIndex
WHEN, WHO, FIELD, BEFORE, AFTER = range(5)
UNSENT_TINT = QColor("#fdf3d8")  # the amber of things waiting (as the sync page's pending count)



def local_time(iso: str) -> str:
    """An ISO time (UTC from the server, or this laptop's) in local time, to
    the minute."""
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return when.toLocalTime().toString("yyyy-MM-dd HH:mm") if when.isValid() else iso


class HistoryTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[history.Line] = []

    def set_lines(self, lines: list[history.Line]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("When"), self.tr("Who"), self.tr("Field"), self.tr("Before"),
                    self.tr("After"))[section]
        return None

    def text(self, line: history.Line, column: int) -> str:
        code = lang()
        if column == WHEN:
            return local_time(line.at)
        if column == WHO:
            who = line.who or self.tr("this laptop")
            return who if line.sent else self.tr("%1 (not yet sent)").replace("%1", who)
        if column == FIELD:
            what = history.field_label(line.table, line.field, code)
            if line.op == "delete":
                return self.tr("%1 deleted").replace("%1", what)
            return what
        if column == BEFORE:
            return history.value_text(line.table, line.field, line.old, code)
        return history.value_text(line.table, line.field, line.new, code)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(line, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if not line.sent:
                return self.tr("Saved on this laptop, not yet accepted by the server: it will be sent at the "
                               "next sync.")
            return self.text(line, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and not line.sent:
            return QBrush(UNSENT_TINT)
        if role == Qt.ItemDataRole.FontRole and not line.sent:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return line.sent
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, 4))
