"""The team the server last told a coordinator's or an administrator's
laptop of (store/team.py reads and writes it). Local: never synced, replaced
whole at each sync that brings it."""
from __future__ import annotations

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("""CREATE TABLE team_members (
        coach TEXT PRIMARY KEY,
        region TEXT,
        cooperative_ids TEXT NOT NULL,
        last_sync TEXT,
        app_version TEXT,
        pending_at_last_sync INTEGER,
        received_at TEXT NOT NULL)""")
