"""Form drafts, saved as the user types (store/drafts.py reads and writes them)."""
from __future__ import annotations

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("""CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        form TEXT NOT NULL,
        title TEXT,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL)""")
