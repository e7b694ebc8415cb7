"""Conflicts the server recorded, as the laptop shows and settles them.

Settling a conflict is an ordinary edit: the chosen (or newly typed) value
is validated like any form entry and written through the store's edit path,
so it enters the outbox and reaches the server and the other laptops like
any other change. The server is told the conflict is settled on the next sync.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from ..domain.entities import BY_TABLE
from ..domain.errors import NotFound
from ..services import coaching, diagnosis, financing, plans, trainings
from ..services import cooperatives as coop_service
from ..services.validation import validated
from ..store import changes
from ..store import sync_state as st

KEEP = object()  # keep the value this laptop holds now (the server's)

# The services that edit a row with its rules (a plan action's status from its
# progress, a financing decision, a need's axis, a place in the reference data).
EDITS: dict[str, Callable[[Database, str, dict[str, Any]], dict[str, Any]]] = {
    "cooperatives": coop_service.update,
    "plan_actions": plans.update_action,
    "diagnosis_needs": diagnosis.update_need,
    "financing": financing.update,
    "training_sessions": trainings.update_session,
}

KIND_LABELS = {
    "conflict": ("Modifié des deux côtés", "عُدّل من الجانبين"),
    "renumbered": ("Séance renumérotée", "أعيد ترقيم الحصة"),
    "duplicate": ("Doublon", "تكرار"),
    "delete_vs_edit": ("Suppression d'une fiche modifiée ailleurs", "حذف سجل عُدّل في مكان آخر"),
    "edit_vs_delete": ("Modification d'une fiche supprimée ailleurs", "تعديل سجل حُذف في مكان آخر"),
    "not_author": ("Séance d'un autre accompagnateur", "حصة مؤطر آخر"),
    "forbidden": ("Hors de votre périmètre", "خارج نطاقك"),
    "rejected": ("Refusé par le serveur", "رفضه الخادم"),
}


def kind_label(kind: str, lang: str = "fr") -> str:
    fr, ar = KIND_LABELS.get(kind, (kind, kind))
    return ar if lang == "ar" else fr


def open_conflicts(db: Database) -> list[dict[str, Any]]:
    """Open conflicts, with the value this laptop holds now beside both sides."""
    out = []
    for c in st.conflicts(db):
        row = changes.get_row(db, c["tbl"], c["row_id"]) if c["tbl"] in changes.SYNCED_TABLES else None
        c["current_value"] = row.get(c["field"]) if row and c["field"] else None
        c["row_exists"] = row is not None
        out.append(c)
    return out


def resolve(db: Database, conflict_id: int, value: Any = KEEP) -> dict[str, Any]:
    """Settle a conflict: keep what is there, or write ``value`` (picked from
    either side or typed) as an ordinary edit. Returns what changed."""
    conflict = st.conflict(db, conflict_id)
    if conflict is None:
        raise NotFound("not_found", f"Conflit introuvable : {conflict_id}", f"تعارض غير موجود: {conflict_id}")
    changed: dict[str, Any] = {}
    tbl, row_id, field = conflict["tbl"], conflict["row_id"], conflict["field"]
    if value is not KEEP and field and changes.get_row(db, tbl, row_id) is not None:
        changed = _edit(db, tbl, row_id, {field: value})
    with db.atomic():
        st.mark_resolved(db, conflict_id)
    return changed


def _edit(db: Database, tbl: str, row_id: str, values: dict[str, Any]) -> dict[str, Any]:
    if tbl in EDITS:
        return EDITS[tbl](db, row_id, values)
    if tbl == "coaching_sessions" and "number" not in values:
        return coaching.update_session(db, row_id, values)
    with db.atomic():
        current = changes.get_row(db, tbl, row_id)
        assert current is not None
        clean = validated(BY_TABLE[tbl], values, current=current)
        changed = changes.update(db, tbl, row_id, clean)
        if tbl == "coaching_sessions":
            coaching.refresh_progress(db, current["cooperative_id"])
        return changed
