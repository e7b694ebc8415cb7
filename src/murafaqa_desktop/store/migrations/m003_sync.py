"""The laptop's side of sync: enrolment and cursor, staged pull pages,
conflicts and cooperatives waiting to leave (store/sync_state.py uses them)."""
from __future__ import annotations

from sqlite_utils import Database


def apply(db: Database) -> None:
    for statement in (
        # Enrolment, cursor, pull in progress, last result: key/value.
        "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT)",
        # Pull pages received but not applied yet: applied all at once at the
        # end, so a half-finished pull never shows and never moves the cursor.
        """CREATE TABLE sync_staged (
            tbl TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, fields TEXT, versions TEXT,
            whole INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (tbl, id)) WITHOUT ROWID""",
        # Conflicts recorded by the server (ids are the server's).
        """CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL,
            field TEXT, kind TEXT NOT NULL, server_value TEXT, client_value TEXT, user TEXT, at TEXT,
            resolved INTEGER NOT NULL DEFAULT 0, resolution_pushed INTEGER NOT NULL DEFAULT 1)""",
        "CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved)",
        # Cooperatives no longer in this laptop's scope: they leave once the
        # outbox has drained, never before.
        "CREATE TABLE sync_gone (cooperative_id TEXT PRIMARY KEY)",
    ):
        db.execute(statement)
