"""``murafaqa apply CALL FILE``: a call's applications from a CSV or XLSX
file, all rows or none, under the same reader, limits and error reporting
as the cooperative import (``importer``).

Columns: the cooperative's, as ``murafaqa import`` reads them (a cooperative
not known yet is created; a known one is taken as it is), ``received_on``,
``complete`` (yes/no, oui/non, نعم/لا, 1/0), one column per document
(``doc_statutes``… or their labels), the six ratings ``c1``…``c6`` (0-3) in
the programme's order with ``c1_evidence``… and ``c1_document``… (the
evidence's document is in the file).

``complete`` when the row gives it; else, when the file has document
columns, complete means nothing is missing (the four documents, and one for
each positive rating's evidence); else not checked yet (empty).

A cooperative that already applied to the call: its application takes the
cells the row fills (an empty cell erases nothing).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain import calls as rules
from ..domain import selection
from ..domain.entities import APPLICATION, APPLICATION_RATING, COOPERATIVE
from ..domain.errors import DomainError, ValidationError
from ..domain.schema import coerce_value
from ..domain.vocab import APPLICATION_DOCUMENTS, SELECTION_CRITERIA
from ..store import calls as store
from ..store import changes
from ..store import cooperatives as coop_store
from . import calls, cooperatives
from .importer import ImportRefused, ImportReport, cooperative_headers, header_key, spreadsheet_rows

CRITERIA = tuple(SELECTION_CRITERIA)
RATING_COLUMNS = {f"c{i}": c for i, c in enumerate(CRITERIA, start=1)}
APPLICATION_COLUMNS = ("received_on", "complete", *(f"doc_{d}" for d in APPLICATION_DOCUMENTS))


def _application_headers() -> dict[str, str]:
    known: dict[str, str] = {}
    for name in APPLICATION_COLUMNS:
        spec = APPLICATION.field(name)
        for alias in (name, spec.fr, spec.ar):
            known[header_key(alias)] = name
    for d in APPLICATION_DOCUMENTS:
        known[header_key(d)] = f"doc_{d}"
    known[header_key("reçue le")] = known[header_key("date de réception")] = "received_on"
    for col, criterion in RATING_COLUMNS.items():
        fr, ar = SELECTION_CRITERIA[criterion]
        for alias in (col, criterion, fr, ar):
            known[header_key(alias)] = col
        for suffix in ("evidence", "document"):
            known[header_key(f"{col}_{suffix}")] = f"{col}_{suffix}"
            known[header_key(f"{criterion}_{suffix}")] = f"{col}_{suffix}"
    return known


@dataclass
class ApplyReport(ImportReport):
    """``created``/``updated``/``unchanged``: applications; ``cooperatives``: created with theirs."""

    cooperatives: int = 0
    lines: list[int] = field(default_factory=list)


@dataclass
class _Planned:
    line: int
    coop: dict[str, Any]
    coop_id: str | None
    application: dict[str, Any]
    existing: dict[str, Any] | None
    ratings: dict[str, dict[str, Any]]


def apply_file(db: Database, call_id: str, path: str | Path, *, dry_run: bool = False,
               lang: str = "fr") -> ApplyReport:
    path = Path(path)
    call = calls.get_call(db, call_id)
    report = ApplyReport(dry_run=dry_run)
    columns, rows = spreadsheet_rows(path, {**cooperative_headers(), **_application_headers()}, report)
    has_documents = any(c and (c.startswith("doc_") or c.endswith("_document")) for c in columns)
    plan: list[_Planned] = []
    seen: dict[str, int] = {}
    for line, data in rows:
        try:
            plan.append(_plan_row(db, call, line, data, seen, has_documents))
        except (ValidationError, DomainError) as e:
            report.errors.append(f"{path.name}:{line}: {e.message(lang)}")
    if report.errors:
        raise ImportRefused(report)
    for p in plan:
        report.cooperatives += p.coop_id is None
        if p.existing is None:
            report.created += 1
        elif any(p.existing.get(k) != v for k, v in p.application.items()) or p.ratings:
            report.updated += 1
        else:
            report.unchanged += 1
    if dry_run:
        return report
    with db.atomic():
        for p in plan:
            _write(db, call.id, p)
    return report


def _plan_row(db: Database, call: rules.Call, line: int, data: dict[str, Any], seen: dict[str, int],
              has_documents: bool) -> _Planned:
    errors: list[DomainError] = []
    reg = str(data.get("registration_number") or "").strip()
    if reg and reg in seen:
        raise ValidationError([DomainError(
            "duplicate_in_file", f"N° d'immatriculation « {reg} » déjà à la ligne {seen[reg]}",
            f"رقم التسجيل «{reg}» مكرر (السطر {seen[reg]})", "registration_number")])
    current = coop_store.find(db, reg) if reg else None
    coop_data = {k: v for k, v in data.items() if k in COOPERATIVE.names}
    coop: dict[str, Any] = {}
    coop_id: str | None = None
    if current is not None and current["registration_number"] == reg:
        coop, coop_id = current, current["id"]
    else:
        try:
            coop = cooperatives.prepare(coop_data)
        except ValidationError as e:
            errors += e.errors
    if coop:
        try:
            calls.check_region(call, coop["region"])
        except DomainError as e:
            errors.append(e)
    app_data = {k: data[k] for k in APPLICATION_COLUMNS if data.get(k) is not None}
    try:
        application = {k: coerce_value(APPLICATION.field(k), v) for k, v in app_data.items()}
    except DomainError as e:
        errors.append(e)
        application = {}
    ratings: dict[str, dict[str, Any]] = {}
    for col, criterion in RATING_COLUMNS.items():
        given = {k: data.get(f"{col}{s}") for k, s in (("rating", ""), ("evidence", "_evidence"),
                                                        ("document", "_document"))}
        if given["rating"] is None:
            if given["evidence"] is not None or given["document"] is not None:
                errors.append(DomainError("rating_required", f"{col} : note 0-3 manquante",
                                          f"{col}: التنقيط 0-3 ناقص", col))
            continue
        try:
            values = {k: coerce_value(APPLICATION_RATING.field(k), v) for k, v in given.items()}
            errors += selection.check_rating(criterion, values["rating"], values["evidence"])
            ratings[criterion] = values
        except DomainError as e:
            errors.append(DomainError(e.code, f"{col} — {e.fr}", f"{col} — {e.ar}", col))
    if errors:
        raise ValidationError(errors)
    existing = store.application_of(db, call.id, coop_id) if coop_id else None
    if application.get("complete") is None and has_documents:
        merged = {**(existing or {}), **application}
        docs = {d: bool(merged.get(f"doc_{d}")) for d in APPLICATION_DOCUMENTS}
        evidence_docs = {c: bool(v.get("document")) for c, v in ratings.items()}
        application["complete"] = int(not rules.missing_documents(
            docs, {c: v["rating"] for c, v in ratings.items()}, evidence_docs))
    if reg:
        seen[reg] = line
    return _Planned(line, coop, coop_id, application, existing, ratings)


def _write(db: Database, call_id: str, p: _Planned) -> None:
    coop_id = p.coop_id
    if coop_id is None:
        row = changes.insert(db, "cooperatives", {**p.coop, "status": p.coop.get("status") or "applied"})
        coop_id = row["id"]
    existing = store.application_of(db, call_id, coop_id)
    if existing is None:
        values = {"call_id": call_id, "cooperative_id": coop_id, **p.application}
        app_id = changes.insert(db, "applications", values)["id"]
    else:
        app_id = existing["id"]
        changes.update(db, "applications", app_id, p.application)
    for criterion, values in p.ratings.items():
        current = store.rating(db, app_id, criterion)
        if current is None:
            changes.insert(db, "application_ratings", {"application_id": app_id, "criterion": criterion, **values})
        else:
            changes.update(db, "application_ratings", current["id"], values)
