"""A workbook written row by row straight into its zip file: memory does not
grow with the rows, and a cell is a few string operations.

Why not openpyxl's write-only workbook: it serialises each cell through an
XML element (about 90,000 cells a second measured on the project's machine,
four minutes for the 60,000-cooperative programme's twenty million cells);
this writes the same SpreadsheetML at well over a million cells a second.
openpyxl still reads what this writes, in the tests.

What it writes, and only that: text (always an inline string, so a text
beginning with ``=`` is never a formula), numbers, dates (a serial number
shown ``yyyy-mm-dd``), a bold header row frozen under an autofilter, sheets
right to left on request.
"""
from __future__ import annotations

import datetime as dt
import math
import queue
import re
import threading
import zipfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

EXCEL_MAX_ROWS = 1_048_576  # rows of a sheet, the header included
EXCEL_MAX_TEXT = 32_767  # characters of a cell
MAX_TITLE = 31  # characters of a sheet's name

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug included)

# Characters XML 1.0 cannot hold are written as Excel's _xHHHH_ escape; a
# text that already looks like one has its underscore escaped, so Excel
# shows it as typed.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
# What an XML parser takes for whitespace, and drops at the ends of a text
# unless told to keep it.
_XML_SPACE = frozenset(" \t\r\n")
# Any character that may need escaping: XML's three, the above, and the
# underscore that may begin an escape. One character class (no alternation)
# is the fastest search there is: most texts have none and pass unchanged.
_SPECIAL = re.compile("[&<>_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

# Cell styles (cellXfs of styles.xml): 0 plain, 1 date, 2 header, 3 amount.
DATE_STYLE, HEADER_STYLE, MONEY_STYLE = 1, 2, 3

_STYLES = f"""{_HEAD}<styleSheet xmlns="{_MAIN}">\
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""


def sheet_title(title: str, suffix: str = "") -> str:
    """A name Excel accepts (31 characters, none of ``[]:*?/\\``), the suffix kept whole."""
    base = _TITLE_FORBIDDEN.sub("-", title).strip("'") or "-"
    return base[:MAX_TITLE - len(suffix)] + suffix


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escape_illegal(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(0)):04X}_"


def text_xml(text: str) -> str:
    """The content of a ``<t>`` element."""
    if len(text) > EXCEL_MAX_TEXT:
        text = text[:EXCEL_MAX_TEXT - 1] + "…"
    return escape(_ILLEGAL.sub(_escape_illegal, text))


class _Pump:
    """Compresses on a thread of its own: zlib lets go of the interpreter
    while it deflates, so the next rows are formatted meanwhile. A few
    chunks wait at most (bounded memory); a write that failed there (a full
    disk) is raised here, at the next chunk or at the end."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="xlsx-deflate", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            if self._error is None:
                try:
                    self._stream.write(chunk)
                except BaseException as e:  # noqa: BLE001 - handed to the writing thread
                    self._error = e

    def write(self, chunk: bytes) -> None:
        self._raise()
        self._chunks.put(chunk)

    def close(self, *, finish: bool = True) -> None:
        self._chunks.put(None)
        self._thread.join()
        try:
            if finish:
                self._raise()
        finally:
            self._stream.close()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error


class Sheet:
    """One worksheet being written; rows go to the zip as they come."""

    def __init__(self, book: XlsxWriter, title: str, widths: Sequence[float], styles: Sequence[int],
                 stream: IO[bytes]) -> None:
        self.book = book
        self.title = title
        self.rows = 0
        self.columns = len(widths)
        self._stream = _Pump(stream)
        self._letters = [column_letter(i) for i in range(1, len(widths) + 1)]
        padded = list(styles) + [0] * (len(widths) - len(styles))
        self._cells = [(letter, f' s="{s}"' if s else "") for letter, s in zip(self._letters, padded, strict=True)]
        self._pending: list[str] = []
        view = ' rightToLeft="1"' if book.right_to_left else ""
        cols = "".join(f'<col min="{i}" max="{i}" width="{w:.1f}" customWidth="1"/>'
                       for i, w in enumerate(widths, start=1))
        self._pending.append(
            f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews>'
            f'<sheetView workbookViewId="0"{view}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            f'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>")

    def header(self, labels: Iterable[str]) -> None:
        """The first row: bold, frozen, under the autofilter."""
        cells = "".join(f'<c r="{letter}1" s="{HEADER_STYLE}" t="inlineStr"><is><t>{text_xml(label)}</t></is></c>'
                        for letter, label in zip(self._letters, labels, strict=False))
        self.rows = 1
        self._pending.append(f'<row r="1">{cells}</row>')

    def append(self, values: Sequence[Any]) -> None:
        """One row: str, int, float, bool, date or None (an empty cell).

        The hot loop of an export (twenty million cells for the national
        programme): exact type tests, the common case first, and a text
        escaped only when one search finds something to escape."""
        self.rows += 1
        r = str(self.rows)
        parts = [f'<row r="{r}">']
        add = parts.append
        special = _SPECIAL.search
        for (letter, style), value in zip(self._cells, values, strict=False):
            kind = type(value)
            if kind is str:
                if not value:
                    continue
                if special(value) or len(value) > EXCEL_MAX_TEXT:
                    value = text_xml(value)
                if value[0] in _XML_SPACE or value[-1] in _XML_SPACE:
                    add(f'<c r="{letter}{r}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>')
                else:
                    add(f'<c r="{letter}{r}" t="inlineStr"><is><t>{value}</t></is></c>')
            elif value is None:
                continue
            elif kind is int:
                add(f'<c r="{letter}{r}"{style}><v>{value}</v></c>')
            elif kind is float:
                if math.isfinite(value):
                    add(f'<c r="{letter}{r}"{style}><v>{value!r}</v></c>')
                else:  # Excel has no infinity: said in words
                    add(f'<c r="{letter}{r}" t="inlineStr"><is><t>{value}</t></is></c>')
            elif kind is dt.date:
                add(f'<c r="{letter}{r}" s="{DATE_STYLE}"><v>{(value - _EPOCH).days}</v></c>')
            else:
                add(self._other(letter + r, value))
        parts.append("</row>")
        self._pending.append("".join(parts))
        if len(self._pending) >= 512:
            self._flush()

    @staticmethod
    def _other(ref: str, value: Any) -> str:
        """The rarer kinds: booleans, subclasses of str, int and date."""
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, str):
            return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text_xml(str(value))}</t></is></c>'
        if isinstance(value, int | float):
            return f'<c r="{ref}"><v>{float(value)!r}</v></c>' if math.isfinite(value) else \
                f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
        if isinstance(value, dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            return f'<c r="{ref}" s="{DATE_STYLE}"><v>{(day - _EPOCH).days}</v></c>'
        raise TypeError(f"cannot write a {type(value).__name__} in a cell")

    def _flush(self) -> None:
        self._stream.write("".join(self._pending).encode("utf-8"))
        self._pending.clear()

    def close(self) -> None:
        last = column_letter(max(self.columns, 1))
        self._pending.append("</sheetData>")
        if self.rows:
            self._pending.append(f'<autoFilter ref="A1:{last}{self.rows}"/>')
        self._pending.append("</worksheet>")
        self._flush()
        self._stream.close()
        self.book._closed(f"$A$1:${last}${max(self.rows, 1)}")


class XlsxWriter:
    """``with XlsxWriter(path) as book: sheet = book.add_sheet(...); …``.

    One sheet is written at a time (the zip has one open member); closing
    the book writes the workbook's parts. A failure leaves a partial file:
    callers write under a temporary name and rename when done."""

    def __init__(self, path: str | Path, *, right_to_left: bool = False, compresslevel: int = 1) -> None:
        # Level 1: most of deflate's gain on repetitive XML, at a fraction of its time.
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self.right_to_left = right_to_left
        self._titles: list[str] = []
        self._filters: list[str] = []
        self._open: Sheet | None = None

    def add_sheet(self, title: str, widths: Sequence[float], styles: Sequence[int] = ()) -> Sheet:
        """A new sheet after the others; ``styles`` per column (DATE_STYLE and
        the like) applies to its numbers."""
        if self._open is not None:
            self._open.close()
        title = sheet_title(title)
        if title.casefold() in (t.casefold() for t in self._titles):
            raise ValueError(f"two sheets named {title!r}")
        self._titles.append(title)
        stream = self._zip.open(f"xl/worksheets/sheet{len(self._titles)}.xml", "w", force_zip64=True)
        self._open = Sheet(self, title, widths, styles, stream)
        return self._open

    def _closed(self, area: str) -> None:
        self._filters.append(area)
        self._open = None

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
        if not self._titles:  # a workbook needs a sheet
            self.add_sheet("-", ()).close()
        n = len(self._titles)
        sheets = "".join(f'<sheet name={quoteattr(t)} sheetId="{i}" r:id="rId{i}"/>'
                         for i, t in enumerate(self._titles, start=1))
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{escape(_quoted(t))}!{area}</definedName>"
            for i, (t, area) in enumerate(zip(self._titles, self._filters, strict=True)))
        self._write("xl/workbook.xml", f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
                    f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>'
                    f"<definedNames>{names}</definedNames></workbook>")
        rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, n + 1))
        self._write("xl/_rels/workbook.xml.rels",
                    f'{_HEAD}<Relationships xmlns="{_PKG_REL}">{rels}'
                    f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
        self._write("xl/styles.xml", _STYLES)
        self._write("_rels/.rels", f'{_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
                                   f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}.worksheet+xml"/>'
                            for i in range(1, n + 1))
        self._write("[Content_Types].xml",
                    f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    '<Default Extension="xml" ContentType="application/xml"/>'
                    f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
                    f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>{overrides}</Types>')
        self._zip.close()

    def _write(self, name: str, text: str) -> None:
        self._zip.writestr(name, text.encode("utf-8"))

    def __enter__(self) -> XlsxWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:  # a partial file: the caller removes it
            with suppress(Exception):
                if self._open is not None:
                    self._open._stream.close(finish=False)
                self._zip.close()


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"
