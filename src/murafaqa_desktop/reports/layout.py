"""A small layout layer over reportlab's platypus, fed with lines we shaped.

Platypus does the page flow (frames, page breaks, keeping blocks together);
every piece of text is drawn by the flowables below from lines that
``shaping`` has already joined, wrapped and put in visual order. Tables are
ours too: columns are mirrored for Arabic (first column on the right), cells
wrap, a row taller than what is left of the page splits between lines, and the
header row repeats on every page.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from . import fonts, shaping
from .fonts import BOLD, REGULAR, Face
from .shaping import Line

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
TOP = 24 * mm  # room for the running header
BOTTOM = 18 * mm  # and the footer
LEADING = 1.45  # line height as a multiple of the font size
SHADE = colors.Color(0.92, 0.94, 0.96)
ACCENT = colors.Color(0.10, 0.30, 0.45)
RULE = colors.Color(0.55, 0.60, 0.65)


@dataclass(frozen=True)
class Style:
    size: float = 9.0
    bold: bool = False
    color: colors.Color = colors.black

    @property
    def face(self) -> Face:
        return BOLD if self.bold else REGULAR

    @property
    def leading(self) -> float:
        return self.size * LEADING


BODY = Style()
SMALL = Style(size=7.5)
LABEL = Style(bold=True, size=8.5)
HEADING = Style(size=11.5, bold=True, color=ACCENT)
TITLE = Style(size=15, bold=True, color=ACCENT)


def draw_line(canv: Canvas, line: Line, x_left: float, y: float, style: Style) -> None:
    """Draw one shaped line, its left edge at x_left, baseline at y."""
    canv.setFillColor(style.color)
    x = x_left
    for font, text in line.runs:
        size = fonts.font_size(font, style.size)
        canv.setFont(font, size)
        canv.drawString(x, y, text)
        x += fonts.run_width(text, font, size)


def place(line: Line, left: float, width: float, align: str, rtl: bool) -> float:
    """x of a line's left edge for an alignment: "start" is the right edge in
    Arabic and the left edge in French; "end" the opposite."""
    if align == "center":
        return left + (width - line.width) / 2
    to_right = (align == "start") == rtl
    return left + width - line.width if to_right else left


class Text(Flowable):  # type: ignore[misc]  # reportlab has no type information: Flowable is Any
    """A paragraph in the document's direction; splits between lines."""

    def __init__(self, text: str, rtl: bool, style: Style = BODY, align: str = "start",
                 space_before: float = 0, space_after: float = 3,
                 lines: Sequence[Line] | None = None) -> None:
        super().__init__()
        self.text, self.rtl, self.style, self.align = text, rtl, style, align
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self._lines: Sequence[Line] | None = lines
        self._width = 0.0

    def _shape(self, width: float) -> Sequence[Line]:
        if self._lines is None or abs(width - self._width) > 0.5:
            self._lines = shaping.shape(self.text, width, self.style.face, self.style.size,
                                        "R" if self.rtl else "L")
            self._width = width
        return self._lines

    def wrap(self, availWidth: float, _avail_height: float) -> tuple[float, float]:
        lines = self._shape(availWidth)
        return availWidth, len(lines) * self.style.leading

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._shape(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head = Text(self.text, self.rtl, self.style, self.align, self.spaceBefore, 0, lines[:fit])
        tail = Text(self.text, self.rtl, self.style, self.align, 0, self.spaceAfter, lines[fit:])
        head._width = tail._width = self._width
        return [head, tail]

    def draw(self) -> None:
        lines = self._lines
        assert lines is not None, "a Text is drawn after wrap() or split() has shaped it"
        lead = self.style.leading
        y = len(lines) * lead - self.style.size
        for line in lines:
            draw_line(self.canv, line, place(line, 0, self._width, self.align, self.rtl), y, self.style)
            y -= lead


class Heading(Text):
    """A section heading with a rule under it; never left alone at a page foot."""

    def __init__(self, text: str, rtl: bool, style: Style = HEADING) -> None:
        super().__init__(text, rtl, style, space_before=8, space_after=4)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = super().wrap(availWidth, availHeight)
        return w, h + 3

    def split(self, _avail_width: float, _avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.translate(0, 3)
        super().draw()
        self.canv.restoreState()
        self.canv.setStrokeColor(ACCENT)
        self.canv.setLineWidth(0.8)
        self.canv.line(0, 1.5, self._width, 1.5)


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0
    align: str = "start"  # start, end, center
    shaded: bool = False  # label columns of a form
    bold: bool = False


@dataclass
class _Row:
    cells: list[Sequence[Line]]
    styles: list[Style]
    shaded: bool = False
    min_height: float = 0.0
    height: float = 0.0
    span: bool = False
    rule: bool = False


@dataclass
class RowSpec:
    """A row of a Grid: texts, and how it looks."""

    cells: Sequence[str]
    bold: bool = False
    shaded: bool = False
    min_height: float = 0.0
    # One text across the whole table (its first cell), e.g. the places line
    # of a ranking; ``rule`` draws a heavy line over the row.
    span: bool = False
    rule: bool = False


class Grid(Flowable):  # type: ignore[misc]  # reportlab has no type information: Flowable is Any
    """A table whose first column is on the right in Arabic."""

    PAD_X, PAD_Y = 3.5, 2.5

    def __init__(self, columns: Sequence[Column], rows: Sequence[RowSpec | Sequence[str]], rtl: bool,
                 header: bool = True, style: Style = BODY, space_after: float = 6) -> None:
        super().__init__()
        self.columns, self.rtl, self.header, self.style = list(columns), rtl, header, style
        self.specs = [r if isinstance(r, RowSpec) else RowSpec(list(r)) for r in rows]
        self.spaceAfter = space_after
        self._rows: list[_Row] | None = None
        self._head: _Row | None = None
        self._widths: list[float] = []
        self._avail = -1.0

    # -- measuring -------------------------------------------------------
    def _layout(self, avail: float) -> list[_Row]:
        if self._rows is not None and abs(avail - self._avail) < 0.5:
            return self._rows
        self._avail = avail
        total = sum(c.weight for c in self.columns)
        self._widths = [avail * c.weight / total for c in self.columns]
        self._head = self._make([c.title for c in self.columns],
                                [self._head_style(c.title, w) for c, w in zip(self.columns, self._widths)],
                                True, 0) if self.header else None
        rows: list[_Row] = []
        for spec in self.specs:
            if spec.span:
                rows.append(self._spanning(spec, avail))
                continue
            styles = [Style(self.style.size, spec.bold or col.bold) for col in self.columns]
            rows.append(self._make(list(spec.cells), styles, spec.shaded, spec.min_height))
        self._rows = rows
        return rows

    def _spanning(self, spec: RowSpec, avail: float) -> _Row:
        style = Style(self.style.size, spec.bold, ACCENT if spec.rule else colors.black)
        lines = shaping.shape(str(spec.cells[0] if spec.cells else ""), max(avail - 2 * self.PAD_X, 10),
                              style.face, style.size, "R" if self.rtl else "L")
        row = _Row([lines], [style], spec.shaded, spec.min_height, span=True, rule=spec.rule)
        row.height = self._height(row)
        return row

    def _head_style(self, title: str, width: float) -> Style:
        """A column title a little smaller rather than cut inside a word."""
        size = self.style.size
        room = width - 2 * self.PAD_X
        widest = max((shaping.reshape(w) for w in title.split()), key=lambda w: fonts.width(w, BOLD, size),
                     default="")
        while size > 6 and fonts.width(widest, BOLD, size) > room:
            size -= 0.25
        return Style(size, True, ACCENT)

    def _make(self, texts: list[str], styles: list[Style], shaded: bool, min_height: float) -> _Row:
        base = "R" if self.rtl else "L"
        cells: list[Sequence[Line]] = []
        for text, width, st in zip(texts, self._widths, styles):
            cells.append(shaping.shape(str(text), max(width - 2 * self.PAD_X, 10), st.face, st.size, base))
        row = _Row(cells, styles, shaded, min_height)
        row.height = self._height(row)
        return row

    def _height(self, row: _Row) -> float:
        tallest = max(len(lines) * st.leading for lines, st in zip(row.cells, row.styles))
        return max(tallest + 2 * self.PAD_Y, row.min_height)

    def wrap(self, availWidth: float, _avail_height: float) -> tuple[float, float]:
        rows = self._layout(availWidth)
        head = self._head.height if self._head else 0
        return availWidth, head + sum(r.height for r in rows)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        rows = self._layout(availWidth)
        used = self._head.height if self._head else 0
        taken: list[_Row] = []
        rest = list(rows)
        while rest and used + rest[0].height <= availHeight:
            used += rest[0].height
            taken.append(rest.pop(0))
        if not rest:
            return [self]
        room = availHeight - used - 2 * self.PAD_Y
        row = rest[0]
        lead = max(st.leading for st in row.styles)
        fit = int(room // lead)
        if fit >= 2 and not row.span and max(len(c) for c in row.cells) > fit:  # cut a tall row between lines
            top = _Row([c[:fit] for c in row.cells], row.styles, row.shaded)
            bottom = _Row([c[fit:] for c in row.cells], row.styles, row.shaded)
            top.height, bottom.height = self._height(top), self._height(bottom)
            taken.append(top)
            rest[0] = bottom
        if not taken:
            return []
        return [self._clone(taken, 0), self._clone(rest, self.spaceAfter)]

    def _clone(self, rows: list[_Row], space_after: float) -> Grid:
        g = Grid(self.columns, [], self.rtl, self.header, self.style, space_after)
        g._rows, g._head, g._widths, g._avail = rows, self._head, self._widths, self._avail
        return g

    # -- drawing ---------------------------------------------------------
    def _xs(self) -> list[float]:
        """Left edge of each column, mirrored for Arabic."""
        xs, x = [], 0.0
        for w in self._widths:
            xs.append(self._avail - x - w if self.rtl else x)
            x += w
        return xs

    def draw(self) -> None:
        canv = self.canv
        xs = self._xs()
        assert self._rows is not None, "a Grid is drawn after wrap() or split() has laid it out"
        rows = ([self._head] if self._head else []) + self._rows
        y = sum(r.height for r in rows)
        for index, row in enumerate(rows):
            is_head = self._head is not None and index == 0
            top, y = y, y - row.height
            if row.span:
                self._draw_span(row, top, y)
                continue
            for col, (x, w, lines, st) in enumerate(zip(xs, self._widths, row.cells, row.styles)):
                fill = SHADE if (is_head or row.shaded or self.columns[col].shaded) else None
                if fill is not None:
                    canv.setFillColor(fill)
                    canv.rect(x, y, w, row.height, stroke=0, fill=1)
                align = "center" if is_head and self.header and len(self.columns) > 2 else self.columns[col].align
                ly = top - self.PAD_Y - st.size
                for line in lines:
                    draw_line(canv, line, place(line, x + self.PAD_X, w - 2 * self.PAD_X, align, self.rtl), ly, st)
                    ly -= st.leading
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        total = sum(r.height for r in rows)
        y = total
        canv.line(0, y, self._avail, y)
        for row in rows:
            y -= row.height
            canv.line(0, y, self._avail, y)
        y = total
        for row in rows:  # columns' rules, not across a spanning row
            if not row.span:
                for x in xs + [0, self._avail]:
                    canv.line(x, y - row.height, x, y)
            else:
                for x in (0, self._avail):
                    canv.line(x, y - row.height, x, y)
            y -= row.height
        y = total
        for row in rows:  # drawn last, over the thin rules
            if row.rule:
                canv.saveState()
                canv.setStrokeColor(ACCENT)
                canv.setLineWidth(1.8)
                canv.line(0, y, self._avail, y)
                canv.line(0, y - row.height, self._avail, y - row.height)
                canv.restoreState()
            y -= row.height

    def _draw_span(self, row: _Row, top: float, bottom: float) -> None:
        canv = self.canv
        if row.shaded:
            canv.setFillColor(SHADE)
            canv.rect(0, bottom, self._avail, row.height, stroke=0, fill=1)
        st = row.styles[0]
        ly = top - self.PAD_Y - st.size
        for line in row.cells[0]:
            draw_line(canv, line, place(line, self.PAD_X, self._avail - 2 * self.PAD_X, "center", self.rtl), ly, st)
            ly -= st.leading


def fields(pairs: Sequence[tuple[str, str]], rtl: bool, per_row: int = 2) -> Grid:
    """A form block: label | value, ``per_row`` pairs a row, labels shaded."""
    columns: list[Column] = []
    for _ in range(per_row):
        columns += [Column("", 0.9, shaded=True, bold=True), Column("", 1.4)]
    rows: list[list[str]] = []
    for i in range(0, len(pairs), per_row):
        chunk = list(pairs[i:i + per_row])
        chunk += [("", "")] * (per_row - len(chunk))
        rows.append([x for pair in chunk for x in pair])
    return Grid(columns, rows, rtl, header=False)


def signatures(titles: Sequence[str], lang: str, rtl: bool) -> Grid:
    """Blocks to sign, side by side: who, then name, date, signature."""
    from .words import t

    body = "\n".join([t("sign_name", lang), "", t("sign_date", lang), "", t("sign_here", lang)])
    return Grid([Column(title, align="start") for title in titles],
                [RowSpec([body] * len(titles), min_height=95)], rtl, header=True)


# -- the page: header, footer, "x / y" ------------------------------------

@dataclass
class PageInfo:
    """What the running header and footer of each page say."""

    lang: str
    title: str
    subtitle: str
    printed: str  # "Imprimé le 29 novembre 2026"
    page_word: str
    extra: dict[str, str] = field(default_factory=dict)  # PDF metadata: "author"
    landscape: bool = False  # wide tables (the programme's progress table)

    @property
    def size(self) -> tuple[float, float]:
        return (PAGE_H, PAGE_W) if self.landscape else (PAGE_W, PAGE_H)


def _canvas_class(info: PageInfo) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type information: Canvas is Any
        """Holds pages back until the end to write "x / y" on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:  # reportlab's Canvas arguments, passed on
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []  # each page's canvas state (its __dict__)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _decorate(self, info, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _decorate(canv: Canvas, info: PageInfo, number: int, total: int) -> None:
    from .bidi_line import keep_ltr
    from .words import OFFICE, PROGRAMME, pick

    rtl = info.lang == "ar"
    base = "R" if rtl else "L"
    page_w, page_h = info.size
    left, width = MARGIN, page_w - 2 * MARGIN
    head = Style(10, True, ACCENT)
    small = Style(7.5, False, colors.Color(0.3, 0.3, 0.3))
    y = page_h - 12 * mm
    programme = shaping.one_line(pick(PROGRAMME, info.lang), head.face, head.size, base)
    office = shaping.one_line(pick(OFFICE, info.lang), small.face, small.size, base)
    title = shaping.one_line(info.title, small.face, small.size, base)
    draw_line(canv, programme, place(programme, left, width, "start", rtl), y, head)
    draw_line(canv, office, place(office, left, width, "start", rtl), y - 10, small)
    draw_line(canv, title, place(title, left, width, "end", rtl), y, small)
    if info.subtitle:
        sub = shaping.one_line(info.subtitle, small.face, small.size, base)
        draw_line(canv, sub, place(sub, left, width, "end", rtl), y - 10, small)
    canv.setStrokeColor(ACCENT)
    canv.setLineWidth(1)
    canv.line(left, y - 15, left + width, y - 15)
    fy = 10 * mm
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(left, fy + 9, left + width, fy + 9)
    count = f"{number} / {total}"
    page = shaping.one_line(f"{info.page_word} {keep_ltr(count) if rtl else count}", small.face, small.size, base)
    printed = shaping.one_line(info.printed, small.face, small.size, base)
    draw_line(canv, printed, place(printed, left, width, "start", rtl), fy, small)
    draw_line(canv, page, place(page, left, width, "end", rtl), fy, small)


def render(story: list[Flowable], info: PageInfo) -> bytes:
    """Lay out one document and return its PDF bytes."""
    fonts.register()
    out = io.BytesIO()
    page_w, page_h = info.size
    doc = BaseDocTemplate(out, pagesize=info.size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
                          bottomMargin=BOTTOM, title=info.title, author=info.extra.get("author", ""),
                          creator="Murafaqa Desktop", invariant=1)
    frame = Frame(MARGIN, BOTTOM, page_w - 2 * MARGIN, page_h - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_class(info))
    return out.getvalue()


def heading(text: str, rtl: bool) -> list[Flowable]:
    """A section heading that starts a new page rather than sit alone at the
    foot of one (platypus' keepWithNext moves whole long tables instead)."""
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(70), Heading(text, rtl)]
