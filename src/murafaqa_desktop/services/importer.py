"""``murafaqa import``: a coordinator's list of cooperatives, all or nothing.

Every row is checked before anything is written; one bad row and nothing is
imported, with one message per bad row naming its line. A row whose
registration number exists updates that cooperative with the cells it fills
(an empty cell never erases what a coach typed).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.entities import COOPERATIVE
from ..domain.errors import DomainError, ValidationError
from ..domain.text import normalize
from ..store import changes
from ..store import cooperatives as store
from . import cooperatives
from .import_files import read_table
from .import_limits import MAX_ERRORS_SHOWN, MAX_IGNORED_COLUMNS_NAMED

# Accepted headers besides the field name and its French and Arabic labels.
ALIASES: dict[str, list[str]] = {
    "registration_number": ["n° d'immatriculation", "numéro d'immatriculation", "immatriculation",
                            "n° immatriculation", "رقم التسجيل", "رقم التقييد"],
    "name_ar": ["nom arabe", "nom en arabe", "اسم التعاونية", "الاسم العربي"],
    "name_fr": ["nom", "nom français", "nom en français", "raison sociale", "الاسم الفرنسي"],
    "legal_date": ["date de création", "date de constitution", "date création", "تاريخ التأسيس"],
    "activity_start": ["date de début d'activité", "début activité", "بداية النشاط"],
    "application_date": ["date de dépôt", "تاريخ الإيداع"],
    "region": ["région", "code région", "الجهة"],
    "province": ["préfecture", "province", "العمالة", "الإقليم"],
    "sector": ["filière", "secteur d'activité", "القطاع"],
    "members": ["membres", "nombre d'adhérents", "nombre de membres", "عدد الأعضاء"],
    "women": ["femmes", "nombre de femmes", "النساء", "عدد النساء"],
    "youth": ["jeunes", "nombre de jeunes", "الشباب", "عدد الشباب"],
    "president": ["président", "présidente", "الرئيس", "الرئيسة"],
    "phone": ["tél", "tel", "téléphone", "gsm", "الهاتف", "رقم الهاتف"],
    "email": ["mail", "courriel"],
    "tranche": ["الشطر"],
    "phase": ["المرحلة"],
}


def header_key(header: Any) -> str:
    """A header cell as it is looked up: case, accents, spacing and punctuation folded."""
    return re.sub(r"[\s_\-:()./]+", " ", normalize(str(header or ""))).strip()


def cooperative_headers() -> dict[str, str]:
    """Every header a cooperative's column is known by (its name, labels, aliases)."""
    known: dict[str, str] = {}
    for spec in COOPERATIVE.fields:
        for alias in [spec.name, spec.fr, spec.ar, *ALIASES.get(spec.name, [])]:
            known[header_key(alias)] = spec.name
    return known


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per bad row
    dry_run: bool = False


class ImportRefused(DomainError):
    """Some rows are wrong: nothing was imported."""

    kind = "import"

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        n = len(report.errors)
        super().__init__("import_refused", f"{n} ligne(s) invalide(s) : rien n'a été importé",
                         f"{n} سطر(أسطر) غير صالحة: لم يتم استيراد أي شيء")


def shown_errors(report: ImportReport) -> list[str]:
    """The bad rows to print: the first ones, then one line counting the
    rest. A file of thousands of bad rows is usually the wrong file: the first
    lines say so, thousands more would only bury it."""
    return report.errors[:MAX_ERRORS_SHOWN]


def more_errors_line(report: ImportReport, lang: str = "fr") -> str | None:
    rest = len(report.errors) - MAX_ERRORS_SHOWN
    if rest <= 0:
        return None
    return f"… عدد الأسطر غير الصالحة الأخرى: {rest}" if lang == "ar" else f"… autres lignes invalides : {rest}"


def _short(name: str, width: int = 40) -> str:
    name = " ".join(name.split())
    return name if len(name) <= width else name[:width - 1] + "…"


def ignored_columns_line(report: ImportReport, lang: str = "fr") -> str | None:
    """One line for the columns left out, the first few by name."""
    ignored = report.ignored_columns
    if not ignored:
        return None
    if len(ignored) == 1:
        return f"عمود متجاهل: {_short(ignored[0])}" if lang == "ar" else f"colonne ignorée : {_short(ignored[0])}"
    names = ", ".join(_short(c) for c in ignored[:MAX_IGNORED_COLUMNS_NAMED])
    if len(ignored) > MAX_IGNORED_COLUMNS_NAMED:
        names += ", …"
    return (f"أعمدة متجاهلة ({len(ignored)}): {names}" if lang == "ar"
            else f"colonnes ignorées ({len(ignored)}) : {names}")


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def spreadsheet_rows(path: Path, known: Mapping[str, str], report: ImportReport,
                     registration_fr: str = "« registration_number » (N° d'immatriculation)",
                     ) -> tuple[list[str | None], list[tuple[int, dict[str, Any]]]]:
    """A spreadsheet's columns (each header cell's name in ``known``; None
    for one not known, or named twice) and its rows that are not blank, as
    (line, {column: value}); the header cells not known are told in
    ``report``. A file without rows, or without the registration number's
    column, is refused."""
    table = read_table(path)
    if not table:
        raise DomainError("empty_file", f"{path} : fichier vide", f"{path}: ملف فارغ")
    columns: list[str | None] = []
    for cell in table[0][1]:
        name = known.get(header_key(cell))
        if name is None and _cell(cell) is not None:
            report.ignored_columns.append(str(cell))
        columns.append(name if name not in columns else None)
    if "registration_number" not in columns:
        raise DomainError("no_registration_column", f"{path} : colonne {registration_fr} absente de l'en-tête",
                          f"{path}: عمود «رقم التسجيل» غير موجود في العنوان")
    rows = []
    for line, cells in table[1:]:
        data = {col: _cell(v) for col, v in zip(columns, cells) if col is not None}
        if any(v is not None for v in data.values()):
            rows.append((line, data))
    return columns, rows


def import_file(db: Database, path: str | Path, *, dry_run: bool = False, lang: str = "fr") -> ImportReport:
    path = Path(path)
    report = ImportReport(dry_run=dry_run)
    _, rows = spreadsheet_rows(path, cooperative_headers(), report)
    plan: list[tuple[str | None, dict[str, Any]]] = []  # (existing id or None, values)
    seen: dict[str, int] = {}
    for line, data in rows:
        reg = str(data.get("registration_number") or "").strip()
        try:
            if reg and reg in seen:
                raise ValidationError([DomainError(
                    "duplicate_in_file", f"N° d'immatriculation « {reg} » déjà à la ligne {seen[reg]}",
                    f"رقم التسجيل «{reg}» مكرر (السطر {seen[reg]})", "registration_number")])
            current = store.find(db, reg) if reg else None
            if current is not None and current["registration_number"] == reg:
                given = {k: v for k, v in data.items() if v is not None}
                values = cooperatives.prepare(given, current=current)
                plan.append((current["id"], values))
            else:
                plan.append((None, cooperatives.prepare(data)))
            if reg:
                seen[reg] = line
        except ValidationError as e:
            report.errors.append(f"{path.name}:{line}: {e.message(lang)}")
    if report.errors:
        raise ImportRefused(report)
    if dry_run:
        for existing_id, values in plan:
            if existing_id is None:
                report.created += 1
            else:
                current = store.get(db, existing_id) or {}
                if any(current.get(k) != v for k, v in values.items()):
                    report.updated += 1
                else:
                    report.unchanged += 1
        return report
    with db.atomic():
        for existing_id, values in plan:
            if existing_id is None:
                values["status"] = values.get("status") or "applied"
                changes.insert(db, "cooperatives", values)
                report.created += 1
            elif changes.update(db, "cooperatives", existing_id, values):
                report.updated += 1
            else:
                report.unchanged += 1
    return report
