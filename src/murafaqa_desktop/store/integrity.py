"""``murafaqa check``: is this database whole?"""
from __future__ import annotations

import json

from sqlite_utils import Database

from .changes import SYNCED_TABLES
from .rows import fetch_all


def problems(db: Database) -> list[str]:
    """Every problem found, one line each; empty when the database is whole."""
    found: list[str] = []
    result = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        found += [f"integrity: {line}" for line in result]
    for table, rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
        found.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
    for entry in fetch_all(db, "SELECT id, tbl, row_id, op, fields, base FROM outbox ORDER BY id"):
        where = f"outbox entry {entry['id']} ({entry['tbl']} {entry['row_id']})"
        if entry["tbl"] not in SYNCED_TABLES:
            found.append(f"{where}: unknown table")
            continue
        try:
            fields, base = json.loads(entry["fields"]), json.loads(entry["base"])
        except ValueError:
            found.append(f"{where}: unreadable JSON")
            continue
        exists = db.execute(f"SELECT 1 FROM {entry['tbl']} WHERE id = ?", [entry["row_id"]]).fetchone()
        if entry["op"] == "upsert":
            if not exists:
                found.append(f"{where}: edit of a row that no longer exists")
            if set(fields) - set(base):
                found.append(f"{where}: fields without a base version")
        elif exists:
            found.append(f"{where}: deletion of a row that still exists")
    fts = db.execute("SELECT count(*) FROM cooperatives_fts").fetchone()[0]
    coops = db.execute("SELECT count(*) FROM cooperatives").fetchone()[0]
    if fts != coops:
        found.append(f"search index: {fts} entries for {coops} cooperatives (run a rebuild)")
    return found
