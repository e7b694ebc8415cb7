"""Reading a coordinator's list of cooperatives: CSV (``,`` or ``;``, with or
without a UTF-8 BOM) or an Excel workbook (first sheet)."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError


def _file_error(path: Path, fr: str, ar: str) -> DomainError:
    return DomainError("bad_file", f"{path} : {fr}", f"{path}: {ar}")


def read_table(path: Path) -> list[tuple[int, list[Any]]]:
    """(line number, cells) of every row, the header first."""
    if not path.is_file():
        raise _file_error(path, "fichier introuvable", "الملف غير موجود")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise _file_error(path, "format non pris en charge (CSV ou XLSX attendu)",
                      "صيغة غير مدعومة (المطلوب CSV أو XLSX)")


def _read_csv(path: Path) -> list[tuple[int, list[Any]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(path, "le fichier n'est pas en UTF-8 (dans Excel : « CSV UTF-8 »)",
                          "الملف ليس بترميز UTF-8 (في إكسيل: «CSV UTF-8»)") from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(reader.line_num, row) for row in reader]


def _read_xlsx(path: Path) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged file
        raise _file_error(path, f"classeur illisible ({e.__class__.__name__})",
                          f"مصنف غير مقروء ({e.__class__.__name__})") from None
    try:
        sheet = workbook.worksheets[0]
        return [(i, list(row)) for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()
