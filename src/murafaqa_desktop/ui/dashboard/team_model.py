"""The team, one line per coach: cooperatives, sessions this month, overdue,
the last sync of the coach's laptop, the changes waiting there at that sync,
and the application version it runs.

The last three come from the server (a coordinator's laptop learns them at
each sync); what the server never told is shown as "—", never as 0. The
cooperatives and overdue cells are counts of cooperatives: ``count_at``
gives their list filter, so that the page opens the list behind them.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.dashboard import CoachRow, Count
from ..kit.i18n import locale
from ..kit.rows_model import TableOfRows

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("coach", "cooperatives", "sessions_this_month", "overdue", "last_sync", "pending_at_last_sync",
           "app_version")
UNKNOWN = "—"
OVERDUE = QColor("#b3261e")
_NUMBERS = frozenset({"cooperatives", "sessions_this_month", "overdue", "pending_at_last_sync"})


def _header(name: str) -> str:
    return {"coach": QCoreApplication.translate("TeamTableModel", "Coach"),
            "cooperatives": QCoreApplication.translate("TeamTableModel", "Cooperatives"),
            "sessions_this_month": QCoreApplication.translate("TeamTableModel", "Sessions this month"),
            "overdue": QCoreApplication.translate("TeamTableModel", "Overdue"),
            "last_sync": QCoreApplication.translate("TeamTableModel", "Last sync"),
            "pending_at_last_sync": QCoreApplication.translate("TeamTableModel", "Waiting at last sync"),
            "app_version": QCoreApplication.translate("TeamTableModel", "App version")}[name]


def sync_time(iso: str | None) -> str:
    """An ISO time as the interface shows it: "2025-05-12 14:05" in local time (a mark keeps that order in Arabic)
    (Western digits in both languages), or "—" when unknown."""
    if not iso:
        return UNKNOWN
    try:
        when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if when.tzinfo is not None:
        when = when.astimezone()
    # a left-to-right mark first: a date and a time alone in a right-to-left
    # cell would otherwise read "14:05 2025-05-12"
    return "\u200e" + when.strftime("%Y-%m-%d %H:%M")


class TeamTableModel(TableOfRows):
    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[CoachRow] = []

    def set_rows(self, rows: list[CoachRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def header(self, column: str) -> str:
        return _header(column)

    def text(self, row: CoachRow, column: str) -> str:
        if column == "coach":
            return row.coach
        if column == "cooperatives":
            return locale().toString(row.cooperatives.value)
        if column == "sessions_this_month":
            return locale().toString(row.sessions_this_month)
        if column == "overdue":
            return locale().toString(row.overdue.value)
        if column == "last_sync":
            return sync_time(row.last_sync)
        if column == "pending_at_last_sync":
            return UNKNOWN if row.pending_at_last_sync is None else locale().toString(row.pending_at_last_sync)
        return row.app_version or UNKNOWN

    def count_at(self, index: _Index) -> Count | None:
        """The count of cooperatives a cell shows, if it shows one."""
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if column == "cooperatives":
            return row.cooperatives
        if column == "overdue":
            return row.overdue
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == "overdue" and row.overdue.value:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and self.count_at(index) is not None:
            return QCoreApplication.translate("TeamTableModel", "Open the list of these cooperatives")
        return None
