"""Reading a coordinator's list of cooperatives: CSV (``,`` or ``;``, with or
without a UTF-8 BOM) or an Excel workbook (first sheet).

What is read is bounded (``import_limits``): a file too big, a workbook that
unzips too big, too many rows or columns, a cell too long, each stop the
reading with one message naming the cap, before memory or time run away."""
from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from ..domain.errors import DomainError
from .import_limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_CELLS_IN_A_ROW,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_XLSX_UNCOMPRESSED_BYTES,
)

Table = list[tuple[int, list[Any]]]


def _file_error(path: Path, fr: str, ar: str, code: str = "bad_file") -> DomainError:
    return DomainError(code, f"{path} : {fr}", f"{path}: {ar}")


def _count_fr(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f}"


def read_table(path: Path) -> Table:
    """(line number, cells) of every row, the header first; a row's trailing
    empty cells are left out."""
    if not path.is_file():
        raise _file_error(path, "fichier introuvable", "الملف غير موجود")
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise _file_error(path, "format non pris en charge (CSV ou XLSX attendu)",
                          "صيغة غير مدعومة (المطلوب CSV أو XLSX)")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            cap = MAX_FILE_BYTES // 2**20
            raise _file_error(
                path, f"fichier trop volumineux : {_mb(size).replace('.', ',')} Mo ({cap} Mo au plus)",
                f"الملف كبير جدا: {_mb(size)} ميغابايت ({cap} ميغابايت على الأكثر)", "file_too_large")
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        return _read_csv(path)
    except OSError as e:  # unreadable: permissions, a file locked by Excel on Windows
        raise _file_error(path, f"lecture impossible ({e.strerror or e.__class__.__name__})",
                          f"تعذرت القراءة ({e.strerror or e.__class__.__name__})") from None


def _bounded(path: Path, rows: Iterable[tuple[int, Sequence[Any]]]) -> Table:
    """Take rows until a cap is passed: then stop reading and refuse."""
    table: Table = []
    for line, row in rows:
        if len(table) > MAX_ROWS:  # the header and MAX_ROWS rows are in
            raise _too_many_rows(path)
        cells = list(row)
        while cells and (cells[-1] is None or (isinstance(cells[-1], str) and not cells[-1].strip())):
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            raise _file_error(
                path, f"ligne {line} : {_count_fr(len(cells))} colonnes ({MAX_COLUMNS} au plus)",
                f"السطر {line}: عدد الأعمدة {len(cells)} ({MAX_COLUMNS} على الأكثر)", "too_many_columns")
        if any(isinstance(c, str) and len(c) > MAX_CELL_CHARS for c in cells):
            raise _cell_too_long(path, line)
        table.append((line, cells))
    return table


def _too_many_rows(path: Path) -> DomainError:
    return _file_error(
        path, f"plus de {_count_fr(MAX_ROWS)} lignes après l'en-tête (lignes vides comprises) : divisez le fichier",
        f"أكثر من {MAX_ROWS} سطر بعد العنوان (بما فيها الأسطر الفارغة): قسّم الملف", "too_many_rows")


def _cell_too_long(path: Path, line: int) -> DomainError:
    return _file_error(path, f"ligne {line} : une cellule dépasse {_count_fr(MAX_CELL_CHARS)} caractères",
                       f"السطر {line}: خلية تتجاوز {MAX_CELL_CHARS} حرف", "cell_too_long")


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(path, "le fichier n'est pas en UTF-8 (dans Excel : « CSV UTF-8 »)",
                          "الملف ليس بترميز UTF-8 (في إكسيل: «CSV UTF-8»)") from None
    del raw
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return _bounded(path, _csv_rows(path, text, delimiter))


def _csv_rows(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as e:
        # The csv module's own cap (128 KB a cell) is far above ours: past it,
        # the cell is too long whatever else is wrong with the line.
        if "field larger than field limit" in str(e):
            raise _cell_too_long(path, reader.line_num) from None
        raise _file_error(path, f"ligne {reader.line_num} illisible ({e})",
                          f"السطر {reader.line_num} غير مقروء ({e})") from None


def _unreadable_workbook(path: Path, e: Exception) -> DomainError:
    return _file_error(path, f"classeur illisible ({e.__class__.__name__})",
                       f"مصنف غير مقروء ({e.__class__.__name__})")


def _check_workbook(path: Path) -> None:
    """Refuse a zip bomb before openpyxl inflates any of it: first on the
    sizes the zip declares, then on the rows and cells the first sheet's XML
    holds, counted as it streams by. A lying size is caught as well: zipfile
    reads no further than declared, then fails its checksum."""
    try:
        with zipfile.ZipFile(path) as archive:
            declared = sum(info.file_size for info in archive.infolist())
            if declared > MAX_XLSX_UNCOMPRESSED_BYTES:
                cap = MAX_XLSX_UNCOMPRESSED_BYTES // 2**20
                raise _file_error(
                    path, f"classeur trop volumineux une fois décompressé : {_mb(declared).replace('.', ',')} Mo "
                          f"({cap} Mo au plus)",
                    f"المصنف كبير جدا بعد فك الضغط: {_mb(declared)} ميغابايت ({cap} ميغابايت على الأكثر)",
                    "workbook_too_large")
            for member in _sheets_to_scan(archive):
                _scan_sheet(path, archive, member)
    except DomainError:
        raise
    except Exception as e:  # zipfile, zlib and the XML parser each raise their own kinds for a damaged file
        raise _unreadable_workbook(path, e) from None


_PACKAGE_RELS = "_rels/.rels"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheets_to_scan(archive: zipfile.ZipFile) -> list[str]:
    """The first worksheet's member, found as openpyxl finds it (package
    relationships, then the workbook's); every worksheet if that fails."""
    try:
        rels = ElementTree.fromstring(archive.read(_PACKAGE_RELS))
        book = next(r.get("Target", "") for r in rels if r.get("Type", "").endswith("/officeDocument"))
        book = book.lstrip("/")
        folder, _, name = book.rpartition("/")
        targets = {r.get("Id"): r for r in ElementTree.fromstring(archive.read(f"{folder}/_rels/{name}.rels"))}
        for sheet in ElementTree.fromstring(archive.read(book)).iter():
            rel = targets.get(sheet.get(_RELATIONSHIP_ID)) if sheet.tag.endswith("}sheet") else None
            if rel is not None and rel.get("Type", "").endswith("/worksheet"):
                target = rel.get("Target", "")
                return [target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")]
    except (KeyError, StopIteration, ElementTree.ParseError):
        pass
    return [n for n in archive.namelist() if "/worksheets/" in n and n.endswith(".xml")]


# A row's and a cell's opening tags, with or without a namespace prefix: the
# text between tags is escaped, so these bytes cannot stand for anything else.
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _scan_sheet(path: Path, archive: zipfile.ZipFile, member: str) -> None:
    rows = cells = in_row = 0
    carry = b""
    with archive.open(member) as source:
        while chunk := source.read(1 << 20):
            data = carry + chunk
            # a tag may straddle two chunks: keep what follows the last "<"
            cut = data.rfind(b"<")
            data, carry = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            pieces = _ROW_TAG.split(data)
            for i, piece in enumerate(pieces):
                if i:  # a new row
                    rows += 1
                    in_row = 0
                    if rows > MAX_ROWS + 1:
                        raise _too_many_rows(path)
                found = len(_CELL_TAG.findall(piece))
                in_row += found
                cells += found
                if in_row > MAX_CELLS_IN_A_ROW:
                    raise _file_error(
                        path, f"une ligne a plus de {_count_fr(MAX_CELLS_IN_A_ROW)} cellules (le maximum d'Excel)",
                        f"سطر يتجاوز {MAX_CELLS_IN_A_ROW} خلية (الحد الأقصى في إكسيل)", "too_many_columns")
                if cells > MAX_CELLS:
                    raise _file_error(path, f"plus de {_count_fr(MAX_CELLS)} cellules : divisez le fichier",
                                      f"أكثر من {MAX_CELLS} خلية: قسّم الملف", "too_many_cells")


def _read_xlsx(path: Path) -> Table:
    _check_workbook(path)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged file
        raise _unreadable_workbook(path, e) from None
    try:
        sheet = workbook.worksheets[0]
        # The sheet's declared dimension is not trusted either: a wrong one
        # would hide rows or pad with millions of empty ones.
        reset = getattr(sheet, "reset_dimensions", None)
        if reset is not None:
            reset()
        return _bounded(path, enumerate(sheet.iter_rows(values_only=True), start=1))
    except DomainError:
        raise
    except Exception as e:  # a damaged sheet fails only as its rows are read
        raise _unreadable_workbook(path, e) from None
    finally:
        workbook.close()
