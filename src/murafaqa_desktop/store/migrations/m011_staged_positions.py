"""Staged pull rows keep their position on the server: a later page of the
same pull may refer to them by it (murafaqa_protocol/columns.py)."""
from __future__ import annotations

from sqlite_utils import Database


def apply(db: Database) -> None:
    # NULL for rows staged without one (a write put off, an older pull).
    db.execute("ALTER TABLE sync_staged ADD COLUMN pos INTEGER")
    db.execute("CREATE INDEX sync_staged_pos ON sync_staged (pos) WHERE pos IS NOT NULL")
