"""Collective training: sessions of a module in a region, and attendance."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from .. import assets
from ..domain.entities import TRAINING_ATTENDANCE, TRAINING_SESSION
from ..domain.errors import DomainError, ValidationError
from ..store import aggregates, changes
from ..store import cooperatives as coop_store
from ..store.rows import Row
from .child_rows import update_child
from .validation import not_found, validated

SESSION = ("Session de formation", "دورة التكوين")


def _check_session(row: Mapping[str, Any]) -> list[DomainError]:
    ref = assets.reference()
    errors = []
    if row["module_code"] not in ref.modules:
        errors.append(DomainError("bad_module", f"Module : inconnu « {row['module_code']} »",
                                  f"الوحدة: غير معروفة «{row['module_code']}»", "module_code"))
    if row["region"] not in ref.regions:
        errors.append(DomainError("bad_region", f"Région : code inconnu « {row['region']} »",
                                  f"الجهة: رمز غير معروف «{row['region']}»", "region"))
    return errors


def create_session(db: Database, data: Mapping[str, Any]) -> Row:
    values = validated(TRAINING_SESSION, data, check=_check_session)
    with db.atomic():
        return changes.insert(db, "training_sessions", values)


def update_session(db: Database, session_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    return update_child(db, TRAINING_SESSION, session_id, data, name=SESSION, check=_check_session).changed


def add_attendance(db: Database, session_id: str, participants: Iterable[Mapping[str, Any]]) -> list[Row]:
    """Record participants in one transaction: all of them, or none if one is
    wrong (the error names the line)."""
    with db.atomic():
        if aggregates.training_session(db, session_id) is None:
            raise not_found(*SESSION, session_id)
        rows, errors = [], []
        for line, data in enumerate(participants, start=1):
            try:
                values = validated(TRAINING_ATTENDANCE, {**data, "training_session_id": session_id})
                if values.get("cooperative_id") and coop_store.get(db, values["cooperative_id"]) is None:
                    raise ValidationError([not_found("Coopérative", "التعاونية", values["cooperative_id"])])
                rows.append(values)
            except ValidationError as e:
                errors += [DomainError(x.code, f"Ligne {line} — {x.fr}", f"السطر {line} — {x.ar}", x.field)
                           for x in e.errors]
        if errors:
            raise ValidationError(errors)
        return [changes.insert(db, "training_attendance", values) for values in rows]

