"""Every user edit goes through here: the row and its outbox entry are
written in the caller's transaction, so they commit (or vanish) together.

Later edits of the same field before a sync fold into the entry not yet
sent; the base version of a field is the one seen when it was first edited.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from murafaqa_protocol.tables import TABLE_ORDER

from . import search
from .db import require_transaction
from .ids import new_id, now_iso

# What syncs is declared once, by the protocol (parents before children).
SYNCED_TABLES: tuple[str, ...] = TABLE_ORDER
# Local bookkeeping that never travels: the search rowid and display stamps.
LOCAL_COLUMNS = frozenset({"rid", "created_at", "updated_at"})

Row = dict[str, Any]


def _check_table(table: str) -> None:
    if table not in SYNCED_TABLES:
        raise ValueError(f"not a synced table: {table}")


def get_row(db: Database, table: str, row_id: str) -> Row | None:
    _check_table(table)
    cur = db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
    found = cur.fetchone()
    if found is None:
        return None
    return dict(zip([c[0] for c in cur.description], found))


def _bases(db: Database, table: str, row_id: str, fields: list[str]) -> dict[str, int]:
    seen = dict(db.execute(
        "SELECT field, seq FROM field_versions WHERE tbl = ? AND row_id = ?", [table, row_id]).fetchall())
    return {f: int(seen.get(f, 0)) for f in fields}


def _record(db: Database, table: str, row_id: str, fields: Mapping[str, Any]) -> None:
    """Add fields to the pending (unsent) upsert of this row, or start one."""
    now = now_iso()
    pending = db.execute(
        "SELECT id, fields, base FROM outbox WHERE tbl = ? AND row_id = ? AND sent = 0 "
        "AND op = 'upsert' ORDER BY id DESC LIMIT 1", [table, row_id]).fetchone()
    if pending is not None:
        entry_id, old_fields, old_base = pending[0], json.loads(pending[1]), json.loads(pending[2])
        new_fields = [f for f in fields if f not in old_base]
        old_base.update(_bases(db, table, row_id, new_fields))
        old_fields.update(fields)
        db.execute("UPDATE outbox SET fields = ?, base = ?, updated_at = ? WHERE id = ?",
                   [json.dumps(old_fields, ensure_ascii=False), json.dumps(old_base), now, entry_id])
        return
    db.execute(
        "INSERT INTO outbox (tbl, row_id, op, fields, base, created_at, updated_at) "
        "VALUES (?, ?, 'upsert', ?, ?, ?, ?)",
        [table, row_id, json.dumps(dict(fields), ensure_ascii=False),
         json.dumps(_bases(db, table, row_id, list(fields))), now, now])


def insert(db: Database, table: str, values: Mapping[str, Any]) -> Row:
    """Insert a new row (id made here unless given) and queue it for sync."""
    require_transaction(db)
    _check_table(table)
    row: Row = {k: v for k, v in values.items() if k not in LOCAL_COLUMNS}
    row.setdefault("id", new_id())
    now = now_iso()
    stored = {**row, "created_at": now, "updated_at": now}
    cols = list(stored)
    cur = db.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [stored[c] for c in cols])
    if table == "cooperatives":
        assert cur.lastrowid is not None
        search.index_row(db, cur.lastrowid, row)
    _record(db, table, row["id"], row)
    return stored


def update(db: Database, table: str, row_id: str, changes: Mapping[str, Any]) -> Row:
    """Write the fields that really change; returns them (empty: nothing written)."""
    require_transaction(db)
    current = get_row(db, table, row_id)
    if current is None:
        raise KeyError(row_id)
    diff = {k: v for k, v in changes.items()
            if k not in LOCAL_COLUMNS and k != "id" and current.get(k) != v}
    if not diff:
        return {}
    sets = ", ".join(f"{k} = ?" for k in diff)
    db.execute(f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?",
               [*diff.values(), now_iso(), row_id])
    if table == "cooperatives" and any(k in search.INDEXED for k in diff):
        search.index_row(db, current["rid"], {**current, **diff})
    _record(db, table, row_id, diff)
    return diff


def _known_to_server(db: Database, table: str, row_id: str) -> bool:
    known: int = db.execute(
        "SELECT EXISTS (SELECT 1 FROM field_versions WHERE tbl = ? AND row_id = ?) "
        "OR EXISTS (SELECT 1 FROM outbox WHERE tbl = ? AND row_id = ? AND sent = 1)",
        [table, row_id, table, row_id]).fetchone()[0]
    return known == 1


def delete(db: Database, table: str, row_id: str) -> bool:
    """Delete a row (its children follow by cascade) and queue the deletion.

    A row the server never saw leaves no trace: its pending creation is
    dropped with it, so create-then-delete offline sends nothing at all.
    """
    require_transaction(db)
    current = get_row(db, table, row_id)
    if current is None:
        return False
    known = _known_to_server(db, table, row_id)
    if table == "cooperatives":
        search.unindex_row(db, current["rid"])
    db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
    # Pending creations and edits of rows that no longer exist (this row and
    # its cascaded children) have nothing left to describe.
    for t in SYNCED_TABLES:
        db.execute(
            f"DELETE FROM outbox WHERE sent = 0 AND op = 'upsert' AND tbl = ? "
            f"AND NOT EXISTS (SELECT 1 FROM {t} WHERE {t}.id = outbox.row_id)", [t])
    if known:
        now = now_iso()
        base = db.execute("SELECT max(seq) FROM field_versions WHERE tbl = ? AND row_id = ?",
                          [table, row_id]).fetchone()[0] or 0
        db.execute(
            "INSERT INTO outbox (tbl, row_id, op, fields, base, created_at, updated_at) "
            "VALUES (?, ?, 'delete', '{}', ?, ?, ?)",
            [table, row_id, json.dumps({"_row": base}), now, now])
    return True
