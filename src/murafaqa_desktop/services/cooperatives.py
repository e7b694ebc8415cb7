"""Use cases on cooperatives: create, update, delete, read a whole file."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from .. import assets
from ..domain import coaching as coaching_rules
from ..domain import eligibility, selection
from ..domain.cooperative import check_cooperative, phase_from_region
from ..domain.entities import COOPERATIVE
from ..domain.errors import DomainError, ValidationError
from ..domain.reference import Reference
from ..domain.schema import as_date
from ..store import aggregates, changes
from ..store import cooperatives as store
from ..store.rows import Row
from . import coaching
from .validation import not_found, validated


def resolve_places(data: Mapping[str, Any], ref: Reference) -> tuple[dict[str, Any], list[DomainError]]:
    """Accept region, province and sector by code or by name in either
    language. An unknown sector is kept as free text (the programme's list
    grows slower than the field)."""
    out = dict(data)
    errors: list[DomainError] = []
    region = out.get("region")
    if region not in (None, ""):
        code = ref.region_code(str(region))
        if code is None:
            errors.append(DomainError("bad_region", f"Région : inconnue « {region} » (code 01-12 ou nom)",
                                      f"الجهة: غير معروفة «{region}» (رمز من 01 إلى 12 أو الاسم)", "region"))
        out["region"] = code or region
    province = out.get("province")
    if province not in (None, ""):
        code = ref.province_code(str(province), out.get("region") if not errors else None)
        if code is None:
            code = ref.province_code(str(province))  # exists, but elsewhere: check_cooperative says so
        if code is None:
            errors.append(DomainError("bad_province", f"Province : inconnue « {province} »",
                                      f"الإقليم: غير معروف «{province}»", "province"))
        out["province"] = code or province
    sector = out.get("sector")
    if sector not in (None, ""):
        out["sector"] = ref.sector_code(str(sector)) or str(sector).strip()
    return out, errors


def prepare(data: Mapping[str, Any], *, current: Row | None = None, ref: Reference | None = None) -> dict[str, Any]:
    """Validate a cooperative (new, or changes to ``current``); raise with every reason."""
    ref = ref or assets.reference()
    resolved, errors = resolve_places(data, ref)
    try:
        values = validated(COOPERATIVE, resolved, current=current, check=lambda row: check_cooperative(row, ref))
    except ValidationError as e:
        already = {err.field for err in errors}
        errors += [err for err in e.errors if err.field not in already]
    if errors:
        raise ValidationError(errors)
    if current is None and values.get("phase") is None:
        values["phase"] = phase_from_region(ref, values.get("tranche"), values["region"])
    return values


def _duplicate(registration_number: str) -> DomainError:
    return DomainError("duplicate_registration",
                       f"N° d'immatriculation : « {registration_number} » existe déjà",
                       f"رقم التسجيل: «{registration_number}» موجود مسبقا", "registration_number")


def create(db: Database, data: Mapping[str, Any]) -> Row:
    values = prepare(data)
    values.setdefault("status", None)
    values["status"] = values["status"] or "applied"
    with db.atomic():
        if store.id_by_registration(db, values["registration_number"]):
            raise ValidationError([_duplicate(values["registration_number"])])
        return changes.insert(db, "cooperatives", values)


def update(db: Database, coop_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Apply the changed fields; returns what changed."""
    with db.atomic():
        current = store.get(db, coop_id)
        if current is None:
            raise not_found("Coopérative", "التعاونية", coop_id)
        values = prepare(data, current=current)
        reg = values.get("registration_number")
        if reg and reg != current["registration_number"] and store.id_by_registration(db, reg):
            raise ValidationError([_duplicate(reg)])
        return changes.update(db, "cooperatives", coop_id, values)


def delete(db: Database, coop_id: str) -> None:
    with db.atomic():
        if not changes.delete(db, "cooperatives", coop_id):
            raise not_found("Coopérative", "التعاونية", coop_id)


def get(db: Database, id_or_registration: str) -> Row:
    row = store.find(db, id_or_registration)
    if row is None:
        raise not_found("Coopérative", "التعاونية", id_or_registration)
    return row


def eligibility_of(row: Mapping[str, Any], at: dt.date | None = None) -> eligibility.Eligibility:
    """Eligibility at ``at``, by default at the application date (today if none)."""
    when = at or as_date(row.get("application_date")) or dt.date.today()
    return eligibility.assess(as_date(row.get("legal_date")), as_date(row.get("activity_start")), when)


def file(db: Database, id_or_registration: str, at: dt.date | None = None) -> dict[str, Any]:
    """Everything about one cooperative, as the record screen and ``show`` need it."""
    coop = get(db, id_or_registration)
    coop_id = coop["id"]
    ratings = aggregates.selection_ratings(db, coop_id)
    diag = aggregates.diagnosis(db, coop_id)
    sessions = aggregates.coaching_sessions(db, coop_id)
    today = at or dt.date.today()
    prog = coaching_rules.progress(coaching.session_dates(sessions), today)
    reviews = aggregates.reviews_of_cooperative(db, coop_id)
    for s in sessions:
        s["reviews"] = [r for r in reviews if r["session_id"] == s["id"]]
    return {
        "cooperative": {k: v for k, v in coop.items() if k != "rid"},
        "eligibility": eligibility_of(coop, at).as_dict(),
        "selection": {
            "score": selection.score({r["criterion"]: r["rating"] for r in ratings}),
            "ratings": ratings,
        },
        "diagnosis": None if diag is None else {
            **diag,
            "sections": aggregates.diagnosis_sections(db, diag["id"]),
            "needs": aggregates.diagnosis_needs(db, diag["id"]),
        },
        "plan": aggregates.plan_actions(db, coop_id),
        "coaching": {"progress": prog.as_dict(), "sessions": sessions},
        "trainings": aggregates.trainings_attended(db, coop_id),
        "financing": aggregates.financing(db, coop_id),
    }
