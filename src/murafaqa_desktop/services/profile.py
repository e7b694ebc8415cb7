"""The coach's profile on this laptop (name, region), kept in local meta:
the interface offers to create it on first start."""
from __future__ import annotations

import json

from sqlite_utils import Database

from ..domain.errors import DomainError
from ..store import bulk, local

KEY = "profile"


def get(db: Database) -> dict[str, str] | None:
    raw = local.get_meta(db, KEY)
    return None if raw is None else json.loads(raw)


def save(db: Database, coach: str, region: str | None) -> dict[str, str | None]:
    if not coach.strip():
        raise DomainError("required", "Nom de l'accompagnateur : obligatoire", "اسم المؤطر: حقل إلزامي", "coach")
    profile = {"coach": coach.strip(), "region": region}
    with db.atomic():
        local.set_meta(db, KEY, json.dumps(profile, ensure_ascii=False))
    return profile


def is_first_start(db: Database) -> bool:
    """An empty database whose coach has not introduced themselves yet."""
    return get(db) is None and bulk.table_count(db, "cooperatives") == 0
