"""The list's delegate draws what the model says, where a reader of each language looks for it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QImage
from PySide6.QtWidgets import QApplication, QTableView

from murafaqa_desktop.ui.cooperatives.text_cell_delegate import TextCellDelegate
from murafaqa_desktop.ui.kit.widgets import select_row

LONG = "تعاونية تيفاوت للنباتات العطرية والطبية ومنتجات المجال الغابوي بإقليم شفشاون"


class Cells(QAbstractTableModel):
    def __init__(self, cells: list[list[tuple[str, QBrush | None, int | None]]]) -> None:
        super().__init__()
        self.cells = cells

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cells[0])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.cells[index.row()][index.column()][0] if role == Qt.ItemDataRole.DisplayRole else None

    def cell(self, row: int, column: int):
        return self.cells[row][column]


def _view(qtbot, model: Cells, direction: Qt.LayoutDirection) -> tuple[QTableView, TextCellDelegate]:
    view = QTableView()
    view.setLayoutDirection(direction)
    view.setModel(model)
    delegate = TextCellDelegate(model, view)
    view.setItemDelegate(delegate)
    view.setShowGrid(False)
    view.resize(700, 200)
    for column in range(model.columnCount()):
        view.setColumnWidth(column, 300)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, delegate


def _ink_columns(image: QImage, y0: int, y1: int, x0: int, x1: int) -> list[int]:
    """The x positions of a band where something darker than the background is drawn."""
    found = []
    for x in range(x0, x1):
        if any(QColor(image.pixel(x, y)).lightness() < 128 for y in range(y0, y1)):
            found.append(x)
    return found


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def test_text_starts_at_the_leading_edge_and_centred_cells_are_centred(qtbot, qapp, direction):
    model = Cells([[("نعم", None, None), ("12 / 12", None, int(Qt.AlignmentFlag.AlignCenter))]])
    view, _ = _view(qtbot, model, direction)
    image = view.viewport().grab().toImage()
    first = view.visualRect(model.index(0, 0))
    ink = _ink_columns(image, first.top(), first.bottom(), first.left(), first.right())
    assert ink, "the text is drawn"
    if direction == Qt.LayoutDirection.RightToLeft:
        assert ink[-1] > first.right() - 12 and ink[0] > first.center().x(), "Arabic reads from the right edge"
    else:
        assert ink[0] < first.left() + 12 and ink[-1] < first.center().x()
    centred = view.visualRect(model.index(0, 1))
    ink = _ink_columns(image, centred.top(), centred.bottom(), centred.left(), centred.right())
    middle = (ink[0] + ink[-1]) / 2
    assert abs(middle - centred.center().x()) <= 3


def test_a_text_wider_than_its_column_is_elided_and_whole_once_the_column_is_wide(qtbot, qapp):
    model = Cells([[(LONG, None, None)]])
    view, delegate = _view(qtbot, model, Qt.LayoutDirection.RightToLeft)
    narrow = delegate._static(LONG, 120)
    assert narrow.text().endswith("…") and len(narrow.text()) < len(LONG)
    assert delegate._static(LONG, 5000).text() == LONG


def test_a_cell_colour_and_the_selection_colour_are_painted(qtbot, qapp):
    red = QColor("#b3261e")
    model = Cells([[("لا" * 6, QBrush(red), None)], [("لا" * 6, QBrush(red), None)]])
    view, _ = _view(qtbot, model, Qt.LayoutDirection.RightToLeft)
    select_row(view, 1)
    QApplication.processEvents()
    image = view.viewport().grab().toImage()

    def colours(row: int) -> set[tuple[int, int, int]]:
        r = view.visualRect(model.index(row, 0))
        return {QColor(image.pixel(x, y)).getRgb()[:3] for x in range(r.left(), r.right())
                for y in range(r.top(), r.bottom())}

    def reddish(found: set[tuple[int, int, int]]) -> bool:  # anti-aliased glyphs: near the colour, not on it
        return any(r > 150 and g < 90 and b < 90 for r, g, b in found)

    assert reddish(colours(0))
    highlight = view.palette().color(view.palette().ColorGroup.Active, view.palette().ColorRole.Highlight)
    inactive = view.palette().color(view.palette().ColorGroup.Inactive, view.palette().ColorRole.Highlight)
    assert {highlight.getRgb()[:3], inactive.getRgb()[:3]} & colours(1), "the selected row is highlighted"
    assert not reddish(colours(1)), "selected text takes the highlighted-text colour"


def test_a_name_with_angle_brackets_is_drawn_as_written(qtbot, qapp):
    model = Cells([[("<b>Coop</b>", None, None)]])
    _, delegate = _view(qtbot, model, Qt.LayoutDirection.LeftToRight)
    assert delegate._static("<b>Coop</b>", 5000).textFormat() == Qt.TextFormat.PlainText


def test_a_latin_name_in_the_arabic_list_is_cut_at_its_end(qtbot, qapp):
    """A coach's name in Latin letters reads left to right in the Arabic list
    too: elided, its ellipsis comes at its end, "Fatima Zahra Be…" (the right
    side), not before it; the text itself sits at the Arabic leading edge."""
    name = "Fatima Zahra Bennani El Idrissi Alaoui Benjelloun Tazi"
    model = Cells([[(name, None, None)]])
    view, delegate = _view(qtbot, model, Qt.LayoutDirection.RightToLeft)
    view.setColumnWidth(0, 160)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(model.index(0, 0))
    ink = _ink_columns(image, rect.top(), rect.bottom(), rect.left(), rect.right())
    assert ink[-1] > rect.right() - 12  # at the leading edge

    def ink_rows(x0: int, x1: int) -> int:
        return sum(1 for y in range(rect.top(), rect.bottom())
                   if any(QColor(image.pixel(x, y)).lightness() < 128 for x in range(x0, x1)))

    # the dots of "…" sit on the baseline; letters ("F", "a") stand taller
    assert ink_rows(ink[-1] - 5, ink[-1] + 1) <= 3 < ink_rows(ink[0], ink[0] + 6)
