"""A delegate for long read-only lists of one-line cells, drawn from shaped text kept between paints.

Qt's own delegate lays out and shapes every cell's text on every paint (twice
when it checks whether to elide), and asks the model for seven roles per
cell. Arabic shaping is costly and the cooperatives list repaints on each
keystroke of a search, while most of its cells (region, status, tranche,
"yes"/"no", sessions) repeat from one search to the next. Here each text is
shaped once into a ``QStaticText`` and reused, and a cell costs one call to
the model: ``cell(row, column) -> (text, brush, alignment)`` (brush None: the
palette's text colour; alignment None: the leading edge). Tooltips and
accessibility still go through the model's ``data()``.

What a paint needs from the view (font, direction, palette) is read once
and again only when the view says it changed, not for every cell: each
access through the bindings costs more than drawing a short text.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QPainter, QPalette, QStaticText, QTextOption, QTransform
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

if TYPE_CHECKING:  # QStyle and its options make ~10 ms of enums at import: the window starts without them
    from PySide6.QtWidgets import QStyleOptionViewItem

PADDING = 4  # pixels between a cell's edge and its text, as Qt's styles leave
CACHE_LIMIT = 6000  # shaped texts kept: a few screens of names and every repeated label

_Index = QModelIndex | QPersistentModelIndex
_CENTRE = int(Qt.AlignmentFlag.AlignHCenter)
_TRAILING = int(Qt.AlignmentFlag.AlignTrailing)
_VIEW_CHANGES = frozenset({QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                           QEvent.Type.LayoutDirectionChange, QEvent.Type.ApplicationFontChange})


class CellModel(Protocol):
    def cell(self, row: int, column: int) -> tuple[str, QBrush | None, int | None]: ...


class TextCellDelegate(QStyledItemDelegate):
    def __init__(self, model: CellModel, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.model = model
        self.view = view
        self._shaped: dict[str, QStaticText] = {}
        self._elided: dict[tuple[str, int], QStaticText] = {}
        self._read_view()
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _VIEW_CHANGES and watched is self.view:  # the cheap test first: every view event passes here
            self._read_view()
        return False

    def _read_view(self) -> None:
        """Font, direction and colours, as the view paints with them now;
        texts shaped for another font or direction are dropped."""
        view = self.view
        self.font = view.font()
        self.rtl = view.layoutDirection() == Qt.LayoutDirection.RightToLeft
        palette = view.palette()
        self.highlight = palette.brush(QPalette.ColorRole.Highlight)
        self.alternate = palette.brush(QPalette.ColorRole.AlternateBase) if view.alternatingRowColors() else None
        self.text_colour = palette.color(QPalette.ColorRole.Text)
        self.highlighted_text = palette.color(QPalette.ColorRole.HighlightedText)
        self._shaped.clear()
        self._elided.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row, column = index.row(), index.column()
        text, brush, alignment = self.model.cell(row, column)
        rect = option.rect
        selected = self.view.selectionModel().isSelected(index)
        if selected:
            painter.fillRect(rect, self.highlight)
        elif row & 1 and self.alternate is not None:
            painter.fillRect(rect, self.alternate)
        if not text:
            return
        static = self._static(text, rect.width() - 2 * PADDING)
        size = static.size()
        left, width = rect.left(), rect.width()
        if alignment is not None and alignment & _CENTRE:
            x = left + (width - size.width()) / 2
        elif self.rtl != bool(alignment is not None and alignment & _TRAILING):
            x = left + width - PADDING - size.width()  # the leading edge is on the right
        else:
            x = left + PADDING
        y = rect.top() + (rect.height() - size.height()) / 2
        if selected:
            painter.setPen(self.highlighted_text)
        else:
            painter.setPen(brush.color() if brush is not None else self.text_colour)
        painter.drawStaticText(QPointF(x, y), static)

    def sizeHint(self, _option: QStyleOptionViewItem, index: _Index) -> QSize:
        text = self.model.cell(index.row(), index.column())[0]
        size = self._static(text, 1 << 20).size().toSize()
        return QSize(size.width() + 2 * PADDING, size.height() + 2 * PADDING)

    # -- the caches -------------------------------------------------------------------
    def _static(self, text: str, width: int) -> QStaticText:
        """The text shaped once, elided to the width when it is wider."""
        whole = self._shaped.get(text)
        if whole is None:
            whole = self._shaped[text] = self._prepare(text)
        if whole.size().width() <= width:
            return whole
        elided = self._elided.get((text, width))
        if elided is None:
            short = QFontMetrics(self.font).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))
            elided = self._elided[(text, width)] = self._prepare(short)
        return elided

    def _prepare(self, text: str) -> QStaticText:
        if len(self._shaped) + len(self._elided) >= CACHE_LIMIT:
            self._shaped.clear()  # simpler than an LRU; a refill costs one screen of shaping
            self._elided.clear()
        static = QStaticText(text)
        static.setTextFormat(Qt.TextFormat.PlainText)  # a name with "<" is a name, not markup
        option = QTextOption()
        # each text in its own direction (the cell's edge comes from the view's): a Latin
        # name in the Arabic list is cut at its end, "Fatima Zahra Be…", not its start
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        static.setTextOption(option)
        static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        static.prepare(QTransform(), self.font)
        return static
