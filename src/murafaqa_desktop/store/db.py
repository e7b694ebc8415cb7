"""Opening the local database: the pragmas that keep a coach's work safe."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import DomainError


class StoreError(DomainError):
    kind = "storage"


def open_db(path: str | Path, *, check_same_thread: bool = True, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at path and bring its schema up to date.

    WAL lets the interface read while the worker writes; synchronous=FULL
    makes a commit survive a power cut (a flat battery in the field);
    foreign keys keep children from outliving their cooperative.
    """
    path = Path(path)
    try:
        conn = sqlite3.connect(str(path), check_same_thread=check_same_thread, timeout=15,
                               isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=15000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise StoreError("unreadable_database",
                         f"Impossible d'ouvrir la base {path} : {e}",
                         f"تعذر فتح قاعدة البيانات {path}: {e}") from None
    db = Database(conn, execute_plugins=False)
    if migrate:
        from .migrations import MIGRATIONS

        MIGRATIONS.apply(db)
    return db


def require_transaction(db: Database) -> None:
    """Edits and their outbox entries must share one transaction."""
    if not db.conn.in_transaction:
        raise RuntimeError("write outside db.atomic(): the edit and its outbox entry must commit together")
