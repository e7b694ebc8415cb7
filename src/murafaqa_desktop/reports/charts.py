"""Bar charts for the printed progress report, drawn with reportlab.graphics.

Reportlab's charts draw the bars, the value axis and the figures on the bars
(digits only, in the Latin face); every word (a category, a legend) is drawn
here from lines that ``shaping`` has joined and put in visual order, run by
run in the font that has the glyphs — reportlab given raw Arabic would print
its letters unjoined and left to right. In Arabic a chart is mirrored: the
first category is on the right (a column chart reads right to left), a bar
chart's labels are on the right and its bars grow to the left.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from . import fonts, shaping
from . import words as W
from .fonts import BOLD, REGULAR
from .layout import ACCENT, RULE, place
from .shaping import Line

LABEL_SIZE = 7.0
VALUE_SIZE = 6.5
LEGEND_SIZE = 7.5
LABEL_GAP = 4.0  # between a label and the axis it names
PALETTE = (ACCENT, colors.Color(0.85, 0.55, 0.20), colors.Color(0.35, 0.62, 0.40), colors.Color(0.70, 0.25, 0.25))
GRID = colors.Color(0.88, 0.89, 0.91)


@dataclass(frozen=True)
class Series:
    """One colour of bars: its name (for the legend) and a value per category."""

    name: str
    values: Sequence[int]


def text_strings(line: Line, x_left: float, y: float, size: float,
                 color: colors.Color = colors.black) -> list[String]:
    """A shaped line as drawing strings, one per run of one font (the runs
    name the regular or bold fonts the line was shaped with)."""
    out: list[String] = []
    x = x_left
    for font, text in line.runs:
        drawn = fonts.font_size(font, size)
        if text:
            out.append(String(x, y, text, fontName=font, fontSize=drawn, fillColor=color))
        x += fonts.run_width(text, font, drawn)
    return out


def _lines(text: str, limit: float, size: float, rtl: bool, bold: bool = False) -> tuple[Line, ...]:
    return shaping.shape(text, limit, BOLD if bold else REGULAR, size, "R" if rtl else "L")


def nice_scale(top: int) -> tuple[int, int]:
    """(step, maximum) of a value axis with at most five whole steps: a count
    of cooperatives has no half."""
    if top <= 0:
        return 1, 1
    raw = top / 5
    magnitude = 10 ** int(math.floor(math.log10(raw))) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return step, step * math.ceil(top / step)


def _style_chart(chart: BarChart, series: Sequence[Series], count: Callable[[float], str]) -> None:
    top = max((v for s in series for v in s.values), default=0)
    step, maximum = nice_scale(top)
    axis = chart.valueAxis
    axis.valueMin, axis.valueMax, axis.valueStep = 0, maximum, step
    axis.labels.fontName, axis.labels.fontSize = fonts.LATIN, LABEL_SIZE
    axis.labelTextFormat = count
    axis.strokeColor = RULE
    axis.visibleGrid, axis.gridStrokeColor, axis.gridStrokeWidth = 1, GRID, 0.4
    chart.categoryAxis.visibleLabels = 0
    chart.categoryAxis.strokeColor = RULE
    chart.barLabelFormat = count
    chart.barLabels.fontName, chart.barLabels.fontSize = fonts.LATIN, VALUE_SIZE
    chart.barLabels.boxAnchor, chart.barLabels.nudge = "autoy", 3  # above a column
    chart.groupSpacing = 6
    chart.barSpacing = 1
    for index in range(len(series)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None


def _legend(series: Sequence[Series], width: float, y: float, rtl: bool) -> Group:
    """Colour swatches and names on one line, from the start side."""
    group = Group()
    x = 0.0  # distance from the start edge
    for index, s in enumerate(series):
        line = shaping.one_line(s.name, REGULAR, LEGEND_SIZE, "R" if rtl else "L")
        swatch = 7.0
        item = swatch + 3 + line.width
        left = width - x - item if rtl else x
        swatch_x = left + line.width + 3 if rtl else left
        text_x = left if rtl else left + swatch + 3
        group.add(Rect(swatch_x, y, swatch, swatch, fillColor=PALETTE[index % len(PALETTE)], strokeColor=None))
        for s_ in text_strings(line, text_x, y + 0.5, LEGEND_SIZE):
            group.add(s_)
        x += item + 12
    return group


def columns(categories: Sequence[str], series: Sequence[Series], width: float, height: float,
            rtl: bool) -> Drawing:
    """A column chart (categories along the bottom, first on the right in
    Arabic), labels of up to two lines under the columns."""
    n = max(len(categories), 1)
    order = list(reversed(range(len(categories)))) if rtl else list(range(len(categories)))
    axis_room, label_room = 26.0, 2 * LABEL_SIZE * 1.3 + LABEL_GAP
    legend_room = 14.0 if len(series) > 1 else 0.0
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x = 4.0 if rtl else axis_room
    chart.y = label_room
    chart.width = width - axis_room - 4.0
    chart.height = height - label_room - legend_room - 6
    chart.data = [[s.values[i] for i in order] for s in series] or [[0]]
    _style_chart(chart, series, W.number)
    if rtl:  # the value axis on the right, beside the first column
        chart.valueAxis.joinAxisMode = "right"
        chart.valueAxis.labels.boxAnchor, chart.valueAxis.labels.dx = "w", 5
        chart.valueAxis.tickLeft, chart.valueAxis.tickRight = 0, 3
    drawing.add(chart)
    slot = chart.width / n
    for position, index in enumerate(order):
        lines = _lines(categories[index], slot - 2, LABEL_SIZE, rtl)[:2]
        y = chart.y - LABEL_GAP - LABEL_SIZE
        for line in lines:
            x = place(line, chart.x + position * slot, slot, "center", rtl)
            for s in text_strings(line, x, y, LABEL_SIZE):
                drawing.add(s)
            y -= LABEL_SIZE * 1.3
    if legend_room:
        drawing.add(_legend(series, width, height - legend_room + 2, rtl))
    return drawing


def bars(categories: Sequence[str], series: Sequence[Series], width: float, rtl: bool,
         label_share: float = 0.32, value_text: Callable[[float], str] = W.number) -> Drawing:
    """A bar chart (one row a category, first at the top), the categories'
    names on the start side: on the right in Arabic, the bars growing left."""
    n = max(len(categories), 1)
    per_row = (9.0 if len(series) == 1 else 6.5) * max(len(series), 1) + 5
    legend_room = 14.0 if len(series) > 1 else 0.0
    axis_room = 14.0
    label_width = width * label_share
    height = n * per_row + axis_room + legend_room + 4
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.width = width - label_width - LABEL_GAP - 22  # room for the figure after the longest bar
    chart.x = 22 if rtl else label_width + LABEL_GAP
    chart.y = axis_room
    chart.height = n * per_row
    # With the categories top down, each group is still drawn bottom up: the
    # series are handed over last first so that the first is on top.
    drawn = list(reversed(series))
    chart.data = [list(s.values) for s in drawn] or [[0]]
    _style_chart(chart, drawn, value_text)
    for index in range(len(drawn)):
        chart.bars[index].fillColor = PALETTE[(len(drawn) - 1 - index) % len(PALETTE)]
    chart.categoryAxis.reverseDirection = 1  # the first category at the top
    # After the bar's end: reportlab turns "w" into "e" for a bar that grows
    # to the left, but a zero grows nowhere and would sit on the names.
    chart.barLabels.boxAnchor = "w"
    if rtl:
        for row, s in enumerate(drawn):
            for col, value in enumerate(s.values):
                if value == 0:
                    chart.barLabels[(row, col)].boxAnchor = "e"
                    chart.barLabels[(row, col)].dx = -6
    if rtl:
        chart.valueAxis.reverseDirection = 1
        chart.categoryAxis.joinAxisMode = "right"
    drawing.add(chart)
    slot = chart.height / n
    for index, name in enumerate(categories):
        lines = _lines(name, label_width, LABEL_SIZE, rtl)[:2]
        block = len(lines) * LABEL_SIZE * 1.25
        top = chart.y + chart.height - index * slot - (slot - block) / 2
        y = top - LABEL_SIZE
        for line in lines:
            # against the axis: right-aligned in French, left-aligned in Arabic
            left = chart.x + chart.width + LABEL_GAP if rtl else 0.0
            x = place(line, left, label_width, "end", rtl)
            for s in text_strings(line, x, y, LABEL_SIZE):
                drawing.add(s)
            y -= LABEL_SIZE * 1.25
    if legend_room:
        drawing.add(_legend(series, width, height - legend_room + 2, rtl))
    return drawing


class Chart(Flowable):  # type: ignore[misc]  # reportlab has no type information: Flowable is Any
    """A chart laid out at the width the page (or a ``Beside``) gives it,
    with a title above it in the document's direction."""

    def __init__(self, title: str, make: Callable[[float], Drawing], rtl: bool, space_after: float = 6) -> None:
        super().__init__()
        self.title, self.make, self.rtl = title, make, rtl
        self.spaceAfter = space_after
        self._drawing: Drawing | None = None
        self._title: Line | None = None
        self._width = 0.0

    def wrap(self, availWidth: float, _avail_height: float) -> tuple[float, float]:
        if self._drawing is None or abs(availWidth - self._width) > 0.5:
            self._drawing = self.make(availWidth)
            self._title = shaping.one_line(self.title, BOLD, 8.5, "R" if self.rtl else "L")
            self._width = availWidth
        return availWidth, self._drawing.height + 14

    def draw(self) -> None:
        assert self._drawing is not None and self._title is not None, "a Chart is drawn after wrap()"
        height = self._drawing.height
        x = place(self._title, 0, self._width, "start", self.rtl)
        title = Drawing(self._width, 14)
        for s in text_strings(self._title, x, 4, 8.5, color=ACCENT):
            title.add(s)
        title.drawOn(self.canv, 0, height)
        self._drawing.drawOn(self.canv, 0, 0)


class Beside(Flowable):  # type: ignore[misc]  # reportlab has no type information: Flowable is Any
    """Two blocks side by side (a table and its chart), the first on the
    right in Arabic; kept whole on one page."""

    GAP = 14.0

    def __init__(self, first: Flowable, second: Flowable, rtl: bool, share: float = 0.5,
                 space_after: float = 8) -> None:
        super().__init__()
        self.first, self.second, self.rtl, self.share = first, second, rtl, share
        self.spaceAfter = space_after
        self._sizes: tuple[tuple[float, float], tuple[float, float]] = ((0, 0), (0, 0))
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        one = (availWidth - self.GAP) * self.share
        two = availWidth - self.GAP - one
        self._sizes = (self.first.wrap(one, availHeight), self.second.wrap(two, availHeight))
        self._width = availWidth
        return availWidth, max(self._sizes[0][1], self._sizes[1][1])

    def split(self, _avail_width: float, _avail_height: float) -> list[Flowable]:
        """Not enough room: the next page, or one under the other when even a
        whole page cannot hold them side by side (a very long table)."""
        frame = getattr(self, "_frame", None)  # platypus sets it before asking to split
        if frame is not None and not getattr(frame, "_atTop", False):
            return []
        return [self.first, self.second]

    def draw(self) -> None:
        (w1, h1), (w2, h2) = self._sizes
        top = max(h1, h2)
        x1, x2 = (self._width - w1, 0.0) if self.rtl else (0.0, self._width - w2)
        self.first.drawOn(self.canv, x1, top - h1)
        self.second.drawOn(self.canv, x2, top - h2)
