"""The local schema's history: laptops already in the field recorded the
migrations they applied by name, so names, order and the schema they build
never change; what an older laptop lacks is added when it opens its file."""
from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.store.migrations import MIGRATIONS

SHIPPED = ["m001_initial", "m002_drafts", "m003_sync"]
# Added since that release: applied when a laptop of it opens its file.
LATER = ["m004_dashboard", "m005_team", "m006_stages", "m007_selection", "m008_history", "m009_set_aside",
         "m010_application_scores", "m011_staged_positions"]
# What sqlite_master held in a laptop database made by the release that
# shipped these three migrations (FTS5's own shadow tables left out: the
# virtual table makes them).
SHIPPED_SCHEMA = Path(__file__).parent / "data" / "schema_m003.sql"


def _statements() -> list[str]:
    text = "\n".join(line for line in SHIPPED_SCHEMA.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("-- "))
    return [s.strip() for s in text.split(";\n\n") if s.strip()]


def _schema(db: Database) -> dict[str, str]:
    """sqlite_master's SQL by name, blanks folded (layout is not schema)."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'cooperatives_fts_%' AND name <> 'sqlite_sequence' "
        "AND name NOT LIKE '%sqlite_migrations%'").fetchall()
    return {name: re.sub(r"\s+", " ", sql).strip() for name, sql in rows}


def _shipped_database(path: Path) -> Database:
    """A laptop database as the shipped release left it: its tables and its
    record of the three migrations applied."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    for statement in _statements():
        conn.execute(statement)
    db = Database(conn, execute_plugins=False)
    MIGRATIONS.ensure_migrations_table(db)
    for name in SHIPPED:
        db["_sqlite_migrations"].insert(  # type: ignore[union-attr]
            {"migration_set": "murafaqa", "name": name, "applied_at": "2025-01-01 00:00:00+00:00"})
    return db


def test_the_shipped_migrations_keep_their_names_and_order():
    assert [m.name for m in MIGRATIONS._migrations][:len(SHIPPED)] == SHIPPED
    assert MIGRATIONS.name == "murafaqa"


def test_the_migrations_after_the_shipped_ones_keep_their_order():
    assert [m.name for m in MIGRATIONS._migrations] == SHIPPED + LATER


def test_a_shipped_database_brought_up_to_date_has_exactly_a_new_databases_schema(db, tmp_path):
    old = _shipped_database(tmp_path / "field.db")
    shipped = _schema(old)
    old.close()
    migrated = open_db(tmp_path / "field.db")
    assert _schema(migrated) == _schema(db)
    # what the shipped release made is all still there
    assert set(shipped) <= set(_schema(db))
    migrated.close()


def test_a_database_of_the_shipped_release_gets_only_the_later_migrations(tmp_path):
    path = tmp_path / "field.db"
    old = _shipped_database(path)
    old.close()
    db = open_db(path)
    assert MIGRATIONS.pending(db) == []
    assert [m.name for m in MIGRATIONS.applied(db)] == SHIPPED + LATER
    db.close()


def test_a_laptop_that_stopped_after_the_first_migration_gets_the_rest(tmp_path):
    path = tmp_path / "older.db"
    conn = sqlite3.connect(str(path), isolation_level=None)
    MIGRATIONS.apply(Database(conn, execute_plugins=False), stop_before="m002_drafts")
    conn.execute("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
    conn.close()
    db = open_db(path)
    assert [m.name for m in MIGRATIONS.applied(db)] == SHIPPED + LATER
    assert {"drafts", "sync_state", "sync_staged", "sync_conflicts", "sync_gone"} <= set(db.table_names())
    assert db.execute("SELECT value FROM meta WHERE key = 'kept'").fetchone()[0] == "yes"
    db.close()


def test_only_the_opening_of_a_database_imports_the_history():
    """No store module registers a migration as a side effect of its import
    (the old import cycle: migrations -> drafts/sync_state -> migrations)."""
    store = Path(__file__).resolve().parents[2] / "src" / "murafaqa_desktop" / "store"
    importers = set()
    for path in store.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("migrations"):
                importers.add(path.name)
            if isinstance(node, ast.ImportFrom) and any(a.name == "migrations" for a in node.names):
                importers.add(path.name)
    assert importers == {"db.py"}
