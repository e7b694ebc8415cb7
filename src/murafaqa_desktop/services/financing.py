"""Financing applications: amount asked, amount granted, partner, status."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from ..domain.entities import FINANCING
from ..domain.financing import check_financing
from ..store import changes
from ..store import cooperatives as coop_store
from ..store.rows import Row
from .child_rows import update_child
from .validation import not_found, validated


def apply(db: Database, coop_id: str, data: Mapping[str, Any]) -> Row:
    with db.atomic():
        if coop_store.get(db, coop_id) is None:
            raise not_found("Coopérative", "التعاونية", coop_id)
        values = validated(FINANCING, {"status": "submitted", **data, "cooperative_id": coop_id},
                           check=check_financing)
        return changes.insert(db, "financing", values)


def update(db: Database, financing_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    return update_child(db, FINANCING, financing_id, data, name=("Demande de financement", "طلب التمويل"),
                        check=check_financing).changed
