"""Draws the places line across a ranking: each cell of the row the model
marks (``PLACES_LINE``) gets a heavy line along its lower (or upper) edge,
so that the line runs the whole width of the table, whatever the column
order or the layout direction."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from .ranking_table_model import PLACES_LINE

LINE_COLOR = QColor("#1a4d73")
LINE_WIDTH = 3


class PlacesLineDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        where = index.data(PLACES_LINE)
        if where is None:
            return
        rect = option.rect  # set by the view for this cell
        y = rect.bottom() - LINE_WIDTH // 2 if where == "below" else rect.top() + LINE_WIDTH // 2
        painter.save()
        painter.setPen(QPen(LINE_COLOR, LINE_WIDTH))
        painter.drawLine(rect.left(), y, rect.right() + 1, y)
        painter.restore()
