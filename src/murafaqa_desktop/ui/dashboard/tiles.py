"""The dashboard's figures as tiles: a title, a large number, a note under it.

A number that counts cooperatives is a flat button (``CountButton``): it
carries its ``Count`` and, clicked, asks for the list of exactly those
cooperatives. ``CountGrid`` lays out a small table of such numbers (the
programme's plan, the regions) with the same buttons.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...domain.dashboard import Count
from ..kit.i18n import locale

TILE_STYLE = ("QFrame#tile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }")
BIG = "font-size: 20pt; font-weight: 600;"
LINK = "QPushButton { border: none; color: #0b57d0; text-align: center; padding: 0 2px; %s } " \
       "QPushButton:hover { text-decoration: underline; }"
WARN = "color: #b3261e;"


def number(value: int | None) -> str:
    """A whole number in the interface's locale (Western digits), "—" when unknown."""
    return "—" if value is None else locale().toString(value)


def share(value: float | None) -> str:
    """A share as a percentage ("73 %"), "—" when there is nothing to divide."""
    return "—" if value is None else f"{locale().toString(round(value * 100))} %"


class CountButton(QPushButton):
    """A number of cooperatives that opens the list behind it."""

    count_clicked = Signal(object)  # the Count

    def __init__(self, big: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = Count(0)
        self.big = big
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.clicked.connect(lambda: self.count_clicked.emit(self.count))
        self.set_warning(False)
        self.retranslate()

    def set_count(self, count: Count) -> None:
        self.count = count
        self.setText(number(count.value))

    def set_warning(self, warn: bool) -> None:
        size = BIG if self.big else ""
        self.setStyleSheet(LINK % (size + (WARN if warn else "")))

    def retranslate(self) -> None:
        self.setToolTip(QCoreApplication.translate("Dashboard", "Open the list of these cooperatives"))
        self.setText(number(self.count.value))


class Tile(QFrame):
    """A figure: its title, its value (a count button or a plain number) and a note."""

    def __init__(self, clickable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(TILE_STYLE)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("color: palette(text);")
        self.button: CountButton | None = CountButton(big=True) if clickable else None
        self.value = QLabel()
        self.value.setStyleSheet(BIG)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.button if self.button is not None else self.value, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.note)
        self.setMinimumWidth(100)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def show_value(self, title: str, value: Count | str, note: str = "") -> None:
        self.title.setText(title)
        if isinstance(value, Count):
            assert self.button is not None, "a count goes in a clickable tile"
            self.button.set_count(value)
        else:
            self.value.setText(value)
        self.note.setText(note)
        self.note.setVisible(bool(note))


Cell = Count | str


class CountGrid(QWidget):
    """A small table of figures: a header row, then rows whose cells are
    plain texts or counts (shown as count buttons)."""

    count_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(2)
        self.buttons: list[CountButton] = []

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
                 warn_columns: Sequence[int] = ()) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # off the screen now; deleteLater would leave it drawn until then
                widget.deleteLater()
        self.buttons = []
        for column, text in enumerate(headers):
            header = QLabel(text)
            header.setStyleSheet("font-weight: 600;")
            header.setWordWrap(True)
            self.grid.addWidget(header, 0, column, Qt.AlignmentFlag.AlignBottom
                                | (Qt.AlignmentFlag.AlignLeading if column == 0 else Qt.AlignmentFlag.AlignHCenter))
        for r, row in enumerate(rows, start=1):
            for column, cell in enumerate(row):
                if isinstance(cell, Count):
                    button = CountButton()
                    button.set_count(cell)
                    button.set_warning(column in warn_columns and cell.value > 0)
                    button.count_clicked.connect(self.count_clicked)
                    self.buttons.append(button)
                    self.grid.addWidget(button, r, column, Qt.AlignmentFlag.AlignHCenter)
                else:
                    label = QLabel(cell)
                    align = Qt.AlignmentFlag.AlignLeading if column == 0 else Qt.AlignmentFlag.AlignHCenter
                    self.grid.addWidget(label, r, column, align | Qt.AlignmentFlag.AlignVCenter)
        self.grid.setColumnStretch(len(headers), 1)
        self.grid.setRowStretch(len(rows) + 1, 1)
