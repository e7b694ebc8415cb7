"""Outbox entries set aside: ones the server could not apply, or that this
laptop could not send, kept with their reason (store/set_aside.py) instead of
blocking the entries behind them."""
from __future__ import annotations

from sqlite_utils import Database


def apply(db: Database) -> None:
    # ``id``: the entry's own number in the outbox (never reused); ``reason``
    # a code the interface words (store/set_aside.py), ``detail`` the
    # server's or the check's own words.
    db.execute("""CREATE TABLE outbox_set_aside (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        op TEXT NOT NULL,
        fields TEXT NOT NULL,
        base TEXT NOT NULL,
        updated_at TEXT,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        set_aside_at TEXT NOT NULL)""")
