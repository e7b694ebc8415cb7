"""The dashboard's charts (Qt Charts): bars per region, sessions per month,
the pipeline. Imported with the page only, so Qt Charts loads when the
dashboard is first shown.

Right to left: in Arabic a category axis runs from the right (the oldest
month at the right edge; a region's or a stage's name at the right of its bars) and the value
axis stands on the right; labels are the interface's (Arabic) texts and the
numbers keep Western digits (the ``ar_MA`` locale the interface uses).
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication

from ..kit.i18n import layout_direction_marker, locale

COLOURS = ("#1a73e8", "#188038", "#7b1fa2", "#b3261e")


def _rtl() -> bool:
    """Right to left when the interface's translation says so: read from the
    translation (what the application's direction follows) rather than from
    the application, whose direction changes only after the widgets have been
    told of the new language."""
    return layout_direction_marker() == "RTL"


def _value_axis(top: int) -> QValueAxis:
    axis = QValueAxis()
    # "%.0f", not "%d": with localised numbers Qt Charts formats through
    # QLocale, which knows no "%d" (the labels would be empty)
    axis.setLabelFormat("%.0f")
    axis.setRange(0, max(top, 1))
    axis.applyNiceNumbers()
    axis.setMinorTickCount(0)
    return axis


def _chart(title: str) -> QChart:
    chart = QChart()
    # Laid out left to right always, mirrored by the order things are given in:
    # a chart laid out right to left by Qt elides every category label.
    chart.setTitle(title)
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() + 1)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setLocale(locale())
    chart.setLocalizeNumbers(True)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    chart.legend().setFont(QApplication.font())
    return chart


def _add_sets(series: QAbstractBarSeries, sets: Sequence[tuple[str, Sequence[int]]], reverse_values: bool,
              reverse_sets: bool) -> int:
    """The bar sets, coloured in their given order; the highest value."""
    top = 0
    coloured = [(COLOURS[i % len(COLOURS)], name, values) for i, (name, values) in enumerate(sets)]
    for colour, name, values in reversed(coloured) if reverse_sets else coloured:
        bars = QBarSet(name)
        bars.setColor(QColor(colour))
        bars.append([float(v) for v in (reversed(values) if reverse_values else values)])
        series.append(bars)
        top = max([top, *values])
    return top


def bar_chart(title: str, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[int]]],
              legend: bool = True) -> QChart:
    """Vertical bars, a group per category; in right-to-left the first
    category stands at the right and the value axis on the right.

    Qt Charts ignores a reversed category axis for bars: the categories and
    the values are given in the order they are drawn in."""
    rtl = _rtl()
    chart = _chart(title)
    series = QBarSeries()
    top = _add_sets(series, sets, reverse_values=rtl, reverse_sets=rtl)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(reversed(categories)) if rtl else list(categories))
    axis_x.setLabelsFont(QApplication.font())
    axis_y = _value_axis(top)
    axis_y.setLabelsFont(QApplication.font())
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    _legend(chart, legend and len(sets) > 1)
    chart.setProperty("drawn_reversed", rtl)
    return chart


def row_chart(title: str, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[int]]]) -> QChart:
    """Horizontal bars, a row per category (a region's or a stage's long name
    reads across, not squeezed under a bar), the first category on top; in
    right-to-left the names stand at the right and the bars grow leftwards
    (a reversed value axis, which Qt Charts does honour for bars)."""
    rtl = _rtl()
    chart = _chart(title)
    series = QHorizontalBarSeries()
    # Qt draws the first category at the bottom, and the first set of a group lowest
    top = _add_sets(series, sets, reverse_values=True, reverse_sets=rtl)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(list(reversed(categories)))
    axis_y.setLabelsFont(QApplication.font())
    axis_x = _value_axis(top)
    axis_x.setReverse(rtl)
    axis_x.setLabelsFont(QApplication.font())
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    _legend(chart, len(sets) > 1)
    chart.setProperty("drawn_reversed", True)
    return chart


def _legend(chart: QChart, visible: bool) -> None:
    """The legend on top. Its entries follow the sets, left to right: its
    first entry stands where a line begins because the sets are added in
    reverse in right-to-left."""
    chart.legend().setVisible(visible)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)


def drawn_index(chart: QChart, index: int, count: int) -> int:
    """A category's index in the order it was given, from the one Qt reports
    for a click (the order it is drawn in)."""
    return count - 1 - index if chart.property("drawn_reversed") else index


def rows_height(rows: int) -> int:
    """The height a row chart needs so that no name is elided: Qt Charts
    elides a category's label to "…" when it is taller than the category's
    row, and a line holding Arabic is tall (Noto Sans Arabic's ascent)."""
    line = QFontMetrics(QApplication.font()).boundingRect("في البرنامج Ég").height()
    return rows * (line + 10) + 120  # the title, the legend and the value axis


def chart_view(minimum_height: int = 280) -> QChartView:
    view = QChartView()
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(minimum_height)
    return view


def put_chart(view: QChartView, chart: QChart) -> None:
    """Show a new chart in a view; the one it replaces is deleted (a view
    does not own the chart it is given)."""
    old = view.chart()
    view.setChart(chart)
    if old is not None and old is not chart:
        old.deleteLater()
