"""Reading the outbox: what is waiting to be pushed."""
from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from .rows import fetch_all, scalar


def pending_count(db: Database) -> int:
    return int(scalar(db, "SELECT count(*) FROM outbox"))


def entries(db: Database, limit: int = -1) -> list[dict[str, Any]]:
    rows = fetch_all(db, "SELECT * FROM outbox ORDER BY id LIMIT ?", [limit])
    for r in rows:
        r["fields"] = json.loads(r["fields"])
        r["base"] = json.loads(r["base"])
    return rows
