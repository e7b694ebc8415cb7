"""Bulk loading for generated data (the demo programme): no outbox, because
nothing of it was typed by a user and none of it may ever reach the server."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from . import search
from .db import require_transaction


def insert_rows(db: Database, table: str, rows: Iterable[Mapping[str, Any]], columns: list[str]) -> None:
    require_transaction(db)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    db.conn.executemany(sql, ([row.get(c) for c in columns] for row in rows))


def save_progress_rows(db: Database, rows: Iterable[tuple[str, int, str | None, str | None, int]]) -> None:
    """(cooperative id, sessions done, first session, next due, sessions on time)."""
    require_transaction(db)
    db.conn.executemany(
        "INSERT OR REPLACE INTO coaching_progress (cooperative_id, done, first_on, next_due, on_time) "
        "VALUES (?, ?, ?, ?, ?)", rows)


def rebuild_search(db: Database) -> None:
    search.rebuild(db)


def table_count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
