"""Small shared pieces: a read-only table view set up the same way everywhere,
selecting a row in it, and the keys that open or remove its current row."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def table_view(model: QAbstractItemModel, stretch: int | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setMaximumSectionSize(320)  # a long text is elided, not the table widened
    if stretch is not None:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        view.horizontalHeader().setStretchLastSection(True)
    return view


def select_row(view: QTableView, row: int) -> None:
    """Select and focus a row. (``QTableView.selectRow`` finds its column at
    the viewport's far edge in right-to-left layouts, and selects nothing
    there before the view is laid out.)"""
    model = view.model()
    if not 0 <= row < model.rowCount():
        return
    index = model.index(row, 0)
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.selectionModel().setCurrentIndex(index, flags)


class _RowKeys(QObject):
    def __init__(self, view: QTableView, open_row: Callable[[], None], remove_row: Callable[[], None]) -> None:
        super().__init__(view)
        self._open, self._remove = open_row, remove_row

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Enter and the like keep their own meaning
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open()
            return True
        if event.key() == Qt.Key.Key_Delete:
            self._remove()
            return True
        return False


def row_keys(view: QTableView, open_row: Callable[[], None], remove_row: Callable[[], None]) -> None:
    """Enter opens the current row and Delete removes it, as a double click
    and the Remove button do. (A read-only view would only emit ``activated``
    on Enter, and nothing at all on Delete.)"""
    view.installEventFilter(_RowKeys(view, open_row, remove_row))
