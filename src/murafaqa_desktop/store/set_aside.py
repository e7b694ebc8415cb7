"""Outbox entries set aside (table ``outbox_set_aside``, migration m009): one
the server could not apply, or one this laptop could not even send, moved
out of the outbox with its reason so that the entries behind it go on.

The row keeps what the user typed; the entry keeps what was to be sent, for
the Sync page to show and for a coordinator to settle by hand.
"""
from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from .db import require_transaction
from .ids import now_iso
from .rows import fetch_all, scalar

SERVER = "server"  # the server could not apply it (it keeps it too, for the coordinator)
INVALID = "invalid"  # not a change the protocol can carry: never sent
REASONS = (SERVER, INVALID)


def move(db: Database, entry_id: int, reason: str, detail: str = "") -> None:
    """Take one entry out of the outbox, into the entries set aside."""
    require_transaction(db)
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    db.execute("INSERT OR REPLACE INTO outbox_set_aside "
               "(id, tbl, row_id, op, fields, base, updated_at, reason, detail, set_aside_at) "
               "SELECT id, tbl, row_id, op, fields, base, updated_at, ?, ?, ? FROM outbox WHERE id = ?",
               [reason, detail[:500], now_iso(), entry_id])
    db.execute("DELETE FROM outbox WHERE id = ?", [entry_id])


def count(db: Database) -> int:
    return int(scalar(db, "SELECT count(*) FROM outbox_set_aside"))


def entries(db: Database, limit: int = 500) -> list[dict[str, Any]]:
    """The latest first."""
    rows = fetch_all(db, "SELECT * FROM outbox_set_aside ORDER BY id DESC LIMIT ?", [limit])
    for r in rows:
        r["fields"] = json.loads(r["fields"])
        r["base"] = json.loads(r["base"])
    return rows
