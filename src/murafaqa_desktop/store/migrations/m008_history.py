"""The history of each cooperative as last fetched from the server (who
changed what: store/history.py reads and writes it). Local: never synced,
replaced whole for a cooperative at each fetch; ``history_fetches`` says
when, so that an offline laptop can say how old what it shows is."""
from __future__ import annotations

from sqlite_utils import Database


def apply(db: Database) -> None:
    # One row per change the server accepted (its id on the server: newest
    # is highest); ``old_value``/``new_value`` JSON as the server holds them.
    db.execute("""CREATE TABLE history_entries (
        coop_id TEXT NOT NULL,
        id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        device TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        op TEXT NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT,
        PRIMARY KEY (coop_id, id)) WITHOUT ROWID""")
    db.execute("""CREATE TABLE history_fetches (
        coop_id TEXT PRIMARY KEY,
        fetched_at TEXT NOT NULL)""")
