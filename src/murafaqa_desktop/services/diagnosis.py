"""The strategic diagnosis: one per cooperative, by section, with needs."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from ..domain.entities import DIAGNOSIS, DIAGNOSIS_NEED, DIAGNOSIS_SECTION
from ..domain.errors import DomainError
from ..domain.vocab import ASSISTANCE_AREAS, TRAINING_AXES
from ..store import aggregates, changes
from ..store import cooperatives as coop_store
from ..store.rows import Row
from .child_rows import update_child
from .validation import not_found, validated

NEED = ("Besoin", "الحاجة")


def save(db: Database, coop_id: str, data: Mapping[str, Any]) -> Row:
    """Create the cooperative's diagnosis or update its fields."""
    with db.atomic():
        if coop_store.get(db, coop_id) is None:
            raise not_found("Coopérative", "التعاونية", coop_id)
        current = aggregates.diagnosis(db, coop_id)
        if current is None:
            values = validated(DIAGNOSIS, {**data, "cooperative_id": coop_id})
            return changes.insert(db, "diagnoses", values)
        values = validated(DIAGNOSIS, {k: v for k, v in data.items() if k != "cooperative_id"}, current=current)
        changes.update(db, "diagnoses", current["id"], values)
        return {**current, **values}


def _diagnosis_or_create(db: Database, coop_id: str) -> Row:
    current = aggregates.diagnosis(db, coop_id)
    return current if current is not None else save(db, coop_id, {})


def set_section(db: Database, coop_id: str, section: str, rating: str | int | None, findings: str | None) -> Row:
    with db.atomic():
        diag = _diagnosis_or_create(db, coop_id)
        values = validated(DIAGNOSIS_SECTION, {"diagnosis_id": diag["id"], "section": section,
                                               "rating": None if rating is None else str(rating),
                                               "findings": findings})
        current = aggregates.diagnosis_section(db, diag["id"], values["section"])
        if current is None:
            return changes.insert(db, "diagnosis_sections", values)
        changes.update(db, "diagnosis_sections", current["id"],
                       {"rating": values["rating"], "findings": values["findings"]})
        return {**current, **values}


def _check_need(row: Mapping[str, Any]) -> list[DomainError]:
    axes = TRAINING_AXES if row["kind"] == "training" else ASSISTANCE_AREAS
    if row["axis"] not in axes:
        allowed = ", ".join(axes)
        return [DomainError("bad_axis", f"Axe : « {row['axis']} » ne convient pas à ce besoin ({allowed})",
                            f"المحور: «{row['axis']}» لا يناسب هذه الحاجة ({allowed})", "axis")]
    return []


def add_need(db: Database, coop_id: str, data: Mapping[str, Any]) -> Row:
    """A training need (mapped to one of the three collective-training axes)
    or a technical-assistance need (supply, production, marketing)."""
    with db.atomic():
        diag = _diagnosis_or_create(db, coop_id)
        values = validated(DIAGNOSIS_NEED, {**data, "diagnosis_id": diag["id"]}, check=_check_need)
        return changes.insert(db, "diagnosis_needs", values)


def update_need(db: Database, need_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    return update_child(db, DIAGNOSIS_NEED, need_id, data, name=NEED, check=_check_need).changed


def delete_need(db: Database, need_id: str) -> None:
    with db.atomic():
        if not changes.delete(db, "diagnosis_needs", need_id):
            raise not_found(*NEED, need_id)


