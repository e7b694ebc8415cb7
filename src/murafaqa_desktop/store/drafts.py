"""Form drafts saved as the user types, offered back after a crash.

A draft is local to this laptop (never pushed): one row per open form,
keyed by what the form edits (e.g. ``session:<cooperative id>``), holding
the typed values as JSON. The store opens with ``synchronous=FULL``, so a
draft written here survives a flat battery; the form deletes it once its
record is saved or the user discards it.
"""
from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from .ids import now_iso
from .rows import fetch_one


def save(db: Database, key: str, form: str, data: dict[str, Any], title: str | None = None) -> None:
    db.execute(
        "INSERT INTO drafts (key, form, title, data, saved_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET form = excluded.form, title = excluded.title, "
        "data = excluded.data, saved_at = excluded.saved_at",
        [key, form, title, json.dumps(data, ensure_ascii=False), now_iso()])


def load(db: Database, key: str) -> dict[str, Any] | None:
    row = fetch_one(db, "SELECT data FROM drafts WHERE key = ?", [key])
    return None if row is None else json.loads(row["data"])


def discard(db: Database, key: str) -> None:
    db.execute("DELETE FROM drafts WHERE key = ?", [key])
