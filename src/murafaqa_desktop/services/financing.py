"""Financing applications: amount asked, amount granted, partner, status."""
from __future__ import annotations

from typing import Any, Mapping

from sqlite_utils import Database

from ..domain.entities import FINANCING
from ..domain.financing import check_financing
from ..store import changes
from ..store import cooperatives as coop_store
from ..store.rows import Row
from .validation import not_found, validated


def apply(db: Database, coop_id: str, data: Mapping[str, Any]) -> Row:
    with db.atomic():
        if coop_store.get(db, coop_id) is None:
            raise not_found("Coopérative", "التعاونية", coop_id)
        values = validated(FINANCING, {"status": "submitted", **data, "cooperative_id": coop_id},
                           check=check_financing)
        return changes.insert(db, "financing", values)


def update(db: Database, financing_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    with db.atomic():
        current = changes.get_row(db, "financing", financing_id)
        if current is None:
            raise not_found("Demande de financement", "طلب التمويل", financing_id)
        values = validated(FINANCING, {k: v for k, v in data.items() if k != "cooperative_id"},
                           current=current, check=check_financing)
        return changes.update(db, "financing", financing_id, values)
