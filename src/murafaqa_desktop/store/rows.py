"""Small read helpers shared by the aggregate modules."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

Row = dict[str, Any]


def fetch_all(db: Database, sql: str, params: Iterable[Any] = ()) -> list[Row]:
    cur = db.execute(sql, list(params))
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def fetch_one(db: Database, sql: str, params: Iterable[Any] = ()) -> Row | None:
    rows = fetch_all(db, sql, params)
    return rows[0] if rows else None


def scalar(db: Database, sql: str, params: Iterable[Any] = ()) -> Any:
    row = db.execute(sql, list(params)).fetchone()
    return row[0] if row else None
