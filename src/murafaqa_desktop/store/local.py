"""Local-only state: settings of this laptop and the coaching-progress cache.
None of it travels to the server."""
from __future__ import annotations

from sqlite_utils import Database

from .rows import scalar


def get_meta(db: Database, key: str, default: str | None = None) -> str | None:
    value = scalar(db, "SELECT value FROM meta WHERE key = ?", [key])
    return default if value is None else value


def set_meta(db: Database, key: str, value: str | None) -> None:
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])


def save_progress(db: Database, coop_id: str, done: int, first_on: str | None, next_due: str | None,
                  on_time: int = 0) -> None:
    db.execute(
        "INSERT INTO coaching_progress (cooperative_id, done, first_on, next_due, on_time) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (cooperative_id) DO UPDATE SET done = excluded.done, "
        "first_on = excluded.first_on, next_due = excluded.next_due, on_time = excluded.on_time",
        [coop_id, done, first_on, next_due, on_time])
