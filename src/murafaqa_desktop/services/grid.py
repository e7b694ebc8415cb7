"""The selection committee's rating grid of a call: a workbook with one row
per application (its registration number, name and region, then each of the
six criteria's rating 0-3 and its evidence), its titles in the chosen
language, right to left in Arabic; and the grid read back, all rows or none,
each bad row said on one line, as the cooperative import does.

Every text is written as text (``xlsx_stream`` writes inline strings), so
an evidence beginning with ``=`` stays what the coach typed and never
becomes a formula. The grid is read back whatever its titles' language: a
committee may fill in the French grid and hand it to an Arabic-speaking
coordinator.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain import selection
from ..domain.entities import APPLICATION_RATING
from ..domain.errors import DomainError, ValidationError
from ..domain.schema import coerce_value
from ..domain.vocab import SELECTION_CRITERIA
from ..store import calls as store
from ..store import changes
from . import calls
from .importer import ImportRefused, ImportReport, header_key, spreadsheet_rows
from .xlsx_stream import XlsxWriter

CRITERIA = tuple(SELECTION_CRITERIA)
_FIXED = {"registration_number": ("N° d'immatriculation", "رقم التسجيل"),
          "name": ("Coopérative", "التعاونية"), "region": ("Région", "الجهة"),
          "score": ("Score / 100", "النقطة / 100")}


def _evidence_title(criterion: str, lang: str) -> str:
    fr, ar = SELECTION_CRITERIA[criterion]
    return f"{ar} — الإثبات" if lang == "ar" else f"{fr} — justificatif"


def titles(lang: str) -> list[str]:
    """The grid's column titles in one language."""
    i = 1 if lang == "ar" else 0
    out = [_FIXED[k][i] for k in ("registration_number", "name", "region")]
    for c in CRITERIA:
        out += [SELECTION_CRITERIA[c][i], _evidence_title(c, lang)]
    out.append(_FIXED["score"][i])
    return out


def export_grid(db: Database, call_id: str, path: str | Path, *, lang: str = "fr", region: str | None = None) -> int:
    """Write the grid of a call (of one region when given); returns its rows.
    Written under a temporary name, then renamed: never half a file."""
    path = Path(path)
    ranked = calls.ranking(db, call_id, region, lang=lang)
    ratings: dict[str, dict[str, dict[str, Any]]] = {}
    for r in store.ratings_of_call(db, call_id):
        ratings.setdefault(r["application_id"], {})[r["criterion"]] = r
    ranked.sort(key=lambda r: (r.region, r.registration_number))
    tmp = path.with_name(f".{path.name}.part")
    try:
        with XlsxWriter(tmp, right_to_left=lang == "ar") as book:
            sheet = book.add_sheet("Grille" if lang == "fr" else "شبكة التنقيط",
                                   [20, 36, 8, *([12, 40] * len(CRITERIA)), 10])
            sheet.header(titles(lang))
            for item in ranked:
                mine = ratings.get(item.application_id, {})
                row: list[Any] = [item.registration_number, item.name, item.region]
                for c in CRITERIA:
                    got = mine.get(c)
                    row += [None if got is None else int(got["rating"]), None if got is None else got["evidence"]]
                row.append(item.score)
                sheet.append(row)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(ranked)


def _header_map() -> dict[str, str]:
    known: dict[str, str] = {}
    for lang in ("fr", "ar"):
        i = 1 if lang == "ar" else 0
        for key, labels in _FIXED.items():
            known[header_key(labels[i])] = key
        for c in CRITERIA:
            known[header_key(SELECTION_CRITERIA[c][i])] = c
            known[header_key(_evidence_title(c, lang))] = f"{c}:evidence"
    known[header_key("registration_number")] = "registration_number"
    return known


@dataclass
class _Row:
    application_id: str
    ratings: dict[str, tuple[int, str | None]]


def import_grid(db: Database, call_id: str, path: str | Path, *, dry_run: bool = False,
                lang: str = "fr") -> ImportReport:
    """The grid back: ratings 0-3, a positive one with its evidence; a blank
    rating leaves that criterion as it was. ``updated``: applications whose
    ratings change."""
    path = Path(path)
    call = calls.get_call(db, call_id)
    report = ImportReport(dry_run=dry_run)
    _, rows = spreadsheet_rows(path, _header_map(), report, "« N° d'immatriculation »")
    plan: list[_Row] = []
    seen: dict[str, int] = {}
    for line, data in rows:
        try:
            plan.append(_read_row(db, call.id, line, data, seen))
        except DomainError as e:
            report.errors.append(f"{path.name}:{line}: {e.message(lang)}")
    if report.errors:
        raise ImportRefused(report)
    writes: list[tuple[str, str, dict[str, Any] | None, int, str | None]] = []
    for row in plan:
        changed = False
        for criterion, (rating, evidence) in row.ratings.items():
            current = store.rating(db, row.application_id, criterion)
            if current is None or current["rating"] != rating or current["evidence"] != evidence:
                changed = True
                writes.append((row.application_id, criterion, current, rating, evidence))
        report.updated += changed
        report.unchanged += not changed
    if dry_run:
        return report
    with db.atomic():
        for app_id, criterion, current, rating, evidence in writes:
            if current is None:
                changes.insert(db, "application_ratings", {"application_id": app_id, "criterion": criterion,
                                                           "rating": rating, "evidence": evidence})
            else:
                changes.update(db, "application_ratings", current["id"], {"rating": rating, "evidence": evidence})
        for app_id in {w[0] for w in writes}:
            app = store.application(db, app_id)
            assert app is not None
            calls.recompute_complete(db, app)
    return report


def _read_row(db: Database, call_id: str, line: int, data: dict[str, Any], seen: dict[str, int]) -> _Row:
    reg = str(data.get("registration_number") or "").strip()
    if not reg:
        raise DomainError("no_registration", "N° d'immatriculation manquant", "رقم التسجيل ناقص",
                          "registration_number")
    if reg in seen:
        raise DomainError("duplicate_in_file", f"N° d'immatriculation « {reg} » déjà à la ligne {seen[reg]}",
                          f"رقم التسجيل «{reg}» مكرر (السطر {seen[reg]})", "registration_number")
    app_id = store.application_id_by_registration(db, call_id, reg)
    if app_id is None:
        raise DomainError("no_application", f"« {reg} » n'a pas de candidature à cet appel",
                          f"«{reg}» ليس لها ترشيح في طلب إبداء الاهتمام هذا", "registration_number")
    errors: list[DomainError] = []
    ratings: dict[str, tuple[int, str | None]] = {}
    for c in CRITERIA:
        raw, evidence = data.get(c), data.get(f"{c}:evidence")
        if raw is None:
            if evidence is not None:
                fr, ar = SELECTION_CRITERIA[c]
                errors.append(DomainError("rating_required", f"{fr} : justificatif sans note (0-3)",
                                          f"{ar}: إثبات بدون تنقيط (0-3)", c))
            continue
        try:
            rating = coerce_value(APPLICATION_RATING.field("rating"), raw)
            text = coerce_value(APPLICATION_RATING.field("evidence"), evidence)
        except DomainError as e:
            fr, ar = SELECTION_CRITERIA[c]
            errors.append(DomainError(e.code, f"{fr} — {e.fr}", f"{ar} — {e.ar}", c))
            continue
        errors += selection.check_rating(c, rating, text)
        ratings[c] = (rating, text)
    if errors:
        raise ValidationError(errors)
    seen[reg] = line
    return _Row(app_id, ratings)
