"""The laptop's side of sync, in SQL: enrolment and cursor, staged pull
pages, conflicts, cooperatives waiting to leave, and the raw row writes a
pull makes (which, unlike a user's edit, never enter the outbox).

The sync engine (sync/engine.py) decides; this module only reads and writes.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from . import search
from .changes import SYNCED_TABLES, get_row
from .rows import Row, fetch_all, scalar

# -- key/value state ------------------------------------------------------------

def get(db: Database, key: str, default: str | None = None) -> str | None:
    value = scalar(db, "SELECT value FROM sync_state WHERE key = ?", [key])
    return default if value is None else value


def get_int(db: Database, key: str, default: int = 0) -> int:
    value = get(db, key)
    return default if value in (None, "") else int(value)


def put(db: Database, **values: Any) -> None:
    for key, value in values.items():
        if value is None:
            db.execute("DELETE FROM sync_state WHERE key = ?", [key])
        else:
            db.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, str(value)])


# -- the outbox as the engine sees it -------------------------------------------------

def outbox_batch(db: Database, limit: int) -> list[Row]:
    rows = fetch_all(db, "SELECT id, tbl, row_id, op, fields, base, sent FROM outbox ORDER BY id LIMIT ?",
                     [limit])
    for r in rows:
        # The row's id travels as the mutation's id, never as a field.
        r["fields"] = {k: v for k, v in json.loads(r["fields"]).items() if k != "id"}
        r["base"] = {k: v for k, v in json.loads(r["base"]).items() if k != "id"}
    return rows


def mark_sent(db: Database, ids: Iterable[int]) -> None:
    """From now on later edits start a new entry: a resend carries the same
    payload under the same number."""
    db.conn.executemany("UPDATE outbox SET sent = 1 WHERE id = ?", [[i] for i in ids])


def drop_outbox(db: Database, entry_id: int) -> None:
    db.execute("DELETE FROM outbox WHERE id = ?", [entry_id])


def outbox_sequence(db: Database) -> int:
    """The last number an outbox entry was given (entries are numbered on from
    it, never reusing one, even of an entry gone since)."""
    found = scalar(db, "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
    return int(found or 0)


def drop_outbox_through(db: Database, last_n: int) -> int:
    """Forget the entries the server says it took already (numbers up to
    ``last_n``, under an earlier enrolment); how many were dropped."""
    return int(db.execute("DELETE FROM outbox WHERE id <= ?", [last_n]).rowcount)


def outbox_count(db: Database) -> int:
    return int(scalar(db, "SELECT count(*) FROM outbox"))


def pending_fields(db: Database, tbl: str, row_id: str) -> set[str]:
    """Fields with an edit still waiting to be pushed (never overwritten by a pull)."""
    out: set[str] = set()
    for (fields,) in db.execute("SELECT fields FROM outbox WHERE tbl = ? AND row_id = ? AND op = 'upsert'",
                                [tbl, row_id]).fetchall():
        out.update(json.loads(fields))
    return out


def pending_delete(db: Database, tbl: str, row_id: str) -> bool:
    deletes: int = scalar(db, "SELECT count(*) FROM outbox WHERE tbl = ? AND row_id = ? AND op = 'delete'",
                          [tbl, row_id])
    return deletes > 0


# -- field versions -------------------------------------------------------------------

def versions(db: Database, tbl: str, row_id: str) -> dict[str, int]:
    return dict(db.execute("SELECT field, seq FROM field_versions WHERE tbl = ? AND row_id = ?",
                           [tbl, row_id]).fetchall())


def set_versions(db: Database, tbl: str, row_id: str, seqs: dict[str, int]) -> None:
    db.conn.executemany(
        "INSERT INTO field_versions (tbl, row_id, field, seq) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (tbl, row_id, field) DO UPDATE SET seq = max(seq, excluded.seq)",
        [[tbl, row_id, f, s] for f, s in seqs.items()])


def drop_versions(db: Database, tbl: str, row_ids: Iterable[str]) -> None:
    db.conn.executemany("DELETE FROM field_versions WHERE tbl = ? AND row_id = ?", [[tbl, r] for r in row_ids])


# -- raw row writes from the server (no outbox) ------------------------------------------

def _check(tbl: str) -> None:
    if tbl not in SYNCED_TABLES:
        raise ValueError(f"not a synced table: {tbl}")


def insert_row(db: Database, tbl: str, row_id: str, fields: dict[str, Any], now: str) -> None:
    _check(tbl)
    stored = {**fields, "id": row_id, "created_at": now, "updated_at": now}
    cols = list(stored)
    cur = db.execute(f"INSERT INTO {tbl} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                     [stored[c] for c in cols])
    if tbl == "cooperatives":
        assert cur.lastrowid is not None
        search.index_row(db, cur.lastrowid, stored)


def update_row(db: Database, tbl: str, row_id: str, fields: dict[str, Any], now: str) -> None:
    _check(tbl)
    if not fields:
        return
    sets = ", ".join(f"{k} = ?" for k in fields)
    db.execute(f"UPDATE {tbl} SET {sets}, updated_at = ? WHERE id = ?", [*fields.values(), now, row_id])
    if tbl == "cooperatives" and any(k in search.INDEXED for k in fields):
        row = get_row(db, tbl, row_id)
        if row:
            search.index_row(db, row["rid"], row)


def insert_rows(db: Database, tbl: str, rows: list[tuple[str, dict[str, Any]]], now: str) -> None:
    """Rows the laptop does not hold yet, a statement for each set of fields
    (a first sync's rows of a table all have the same): ``insert_row``'s
    write, without the search index (no cooperative comes this way)."""
    _check(tbl)
    if tbl == "cooperatives":
        raise ValueError("cooperatives are indexed for search: insert_row, one by one")
    shapes: dict[tuple[str, ...], list[list[Any]]] = {}
    for row_id, fields in rows:
        shapes.setdefault(tuple(fields), []).append([*fields.values(), row_id, now, now])
    for cols, values in shapes.items():
        names = [*cols, "id", "created_at", "updated_at"]
        db.conn.executemany(f"INSERT INTO {tbl} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                            values)


def held_ids(db: Database, tbl: str, row_ids: list[str]) -> set[str]:
    """Which of these rows the laptop holds."""
    _check(tbl)
    found: set[str] = set()
    for i in range(0, len(row_ids), 500):
        part = row_ids[i:i + 500]
        found.update(r[0] for r in db.execute(
            f"SELECT id FROM {tbl} WHERE id IN ({', '.join('?' * len(part))})", part).fetchall())
    return found


def pending_deletes(db: Database) -> set[tuple[str, str]]:
    """Rows deleted here whose deletion waits to be pushed (table, id)."""
    return {(t, r) for t, r in db.execute("SELECT tbl, row_id FROM outbox WHERE op = 'delete'").fetchall()}


def set_versions_of(db: Database, tbl: str, seqs: list[tuple[str, dict[str, int]]]) -> None:
    """``set_versions`` for several rows of a table at once."""
    db.conn.executemany(
        "INSERT INTO field_versions (tbl, row_id, field, seq) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (tbl, row_id, field) DO UPDATE SET seq = max(seq, excluded.seq)",
        [[tbl, row_id, f, s] for row_id, row in seqs for f, s in row.items()])


def delete_row(db: Database, tbl: str, row_id: str) -> bool:
    """Remove a row the server no longer has (its children follow by cascade)."""
    _check(tbl)
    row = get_row(db, tbl, row_id)
    if row is None:
        return False
    if tbl == "cooperatives":
        search.unindex_row(db, row["rid"])
    db.execute(f"DELETE FROM {tbl} WHERE id = ?", [row_id])
    db.execute("DELETE FROM field_versions WHERE tbl = ? AND row_id = ?", [tbl, row_id])
    return True


def savepoint(db: Database, name: str) -> None:
    db.execute(f"SAVEPOINT {name}")


def release(db: Database, name: str) -> None:
    db.execute(f"RELEASE {name}")


def rollback_to(db: Database, name: str) -> None:
    db.execute(f"ROLLBACK TO {name}")
    db.execute(f"RELEASE {name}")


# -- staged pull pages ----------------------------------------------------------------------

def stage(db: Database, changes: Iterable[dict[str, Any]],
          positions: Mapping[tuple[str, str], int] | None = None) -> None:
    """Keep changes until the pull ends. A row staged already (a resumed page,
    a write put off) is merged field by field, the newer sequence winning;
    ``versions`` is stored in full, one sequence per field. ``positions``:
    the server's position of rows that carried one, kept for later pages of
    the pull to refer to (a row staged without one keeps what it had)."""
    rows = list(changes)
    positions = positions or {}
    existing = _staged_among(db, [(c["t"], c["id"]) for c in rows]) if staged_count(db) else {}
    out, kept = [], []
    for c in rows:
        fields = dict(c.get("f") or {})
        odd = c.get("v") or {}
        seqs = {f: int(odd.get(f, c["s"])) for f in fields}
        old = existing.get((c["t"], c["id"]))
        whole, deleted, seq = bool(c.get("w")), bool(c.get("d")), int(c["s"])
        if old is not None and not deleted and not old["deleted"]:
            old_fields, old_seqs = old["fields"] or {}, old["versions"] or {}
            for f, v in old_fields.items():
                old_seq = int(old_seqs[f]) if f in old_seqs else int(old["seq"])
                if old_seq > seqs.get(f, -1):
                    fields[f], seqs[f] = v, old_seq
            whole = whole or bool(old["whole"])
            seq = max(seq, old["seq"])
        elif old is not None and old["seq"] > seq:
            if (c["t"], c["id"]) in positions:  # held from this pull all the same
                kept.append([positions[(c["t"], c["id"])], c["t"], c["id"]])
            continue
        out.append([c["t"], c["id"], seq, json.dumps(fields, ensure_ascii=False), json.dumps(seqs),
                    int(whole), int(deleted), positions.get((c["t"], c["id"]))])
    db.conn.executemany(
        "INSERT INTO sync_staged (tbl, id, seq, fields, versions, whole, deleted, pos) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (tbl, id) DO UPDATE SET seq = excluded.seq, fields = excluded.fields, "
        "versions = excluded.versions, whole = excluded.whole, deleted = excluded.deleted, "
        "pos = coalesce(excluded.pos, pos)", out)
    db.conn.executemany("UPDATE sync_staged SET pos = ? WHERE tbl = ? AND id = ?", kept)


def staged_at(db: Database, positions: Iterable[int]) -> dict[int, str]:
    """The ids of the staged rows at these server positions."""
    wanted = sorted(set(positions))
    found: dict[int, str] = {}
    for i in range(0, len(wanted), 500):
        part = wanted[i:i + 500]
        found.update(db.execute(f"SELECT pos, id FROM sync_staged WHERE pos IN ({', '.join('?' * len(part))})",
                                part).fetchall())
    return found


def forget_positions(db: Database) -> None:
    """A new pull begins: rows staged by an earlier one (kept unapplied) are
    no rows of this pull to refer to."""
    db.execute("UPDATE sync_staged SET pos = NULL WHERE pos IS NOT NULL")


def _staged_among(db: Database, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Row]:
    """The staged rows among ``keys``: only those a page names, not every row
    staged so far (a first sync stages tens of thousands, page after page)."""
    by_table: dict[str, list[str]] = {}
    for tbl, row_id in keys:
        by_table.setdefault(tbl, []).append(row_id)
    found: dict[tuple[str, str], Row] = {}
    for tbl, ids in by_table.items():
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            marks = ", ".join("?" * len(part))
            for r in fetch_all(db, f"SELECT * FROM sync_staged WHERE tbl = ? AND id IN ({marks})", [tbl, *part]):
                r["fields"] = json.loads(r["fields"]) if r["fields"] else None
                r["versions"] = json.loads(r["versions"]) if r["versions"] else None
                found[(r["tbl"], r["id"])] = r
    return found


def unstage(db: Database, tbl: str, row_id: str) -> None:
    db.execute("DELETE FROM sync_staged WHERE tbl = ? AND id = ?", [tbl, row_id])


def unstage_rows(db: Database, tbl: str, row_ids: list[str]) -> None:
    db.conn.executemany("DELETE FROM sync_staged WHERE tbl = ? AND id = ?", [[tbl, r] for r in row_ids])


def staged(db: Database) -> list[Row]:
    rows = fetch_all(db, "SELECT * FROM sync_staged")
    for r in rows:
        r["fields"] = json.loads(r["fields"]) if r["fields"] else None
        r["versions"] = json.loads(r["versions"]) if r["versions"] else None
    return rows


def staged_count(db: Database) -> int:
    return int(scalar(db, "SELECT count(*) FROM sync_staged"))


# -- conflicts ----------------------------------------------------------------------------------

def save_conflicts(db: Database, conflicts: Iterable[dict[str, Any]]) -> None:
    """Store conflicts the server recorded; a resolution made here and not
    yet pushed is kept."""
    db.conn.executemany(
        "INSERT INTO sync_conflicts (id, seq, tbl, row_id, field, kind, server_value, client_value, user, at, "
        "resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, "
        "resolved = max(resolved, excluded.resolved)",
        [[c["id"], c["seq"], c["t"], c["row"], c.get("field"), c["kind"],
          json.dumps(c.get("server"), ensure_ascii=False), json.dumps(c.get("client"), ensure_ascii=False),
          c.get("user"), c.get("at"), int(bool(c.get("resolved")))] for c in conflicts])


def conflicts(db: Database, *, open_only: bool = True) -> list[Row]:
    where = "WHERE resolved = 0" if open_only else ""
    rows = fetch_all(db, f"SELECT * FROM sync_conflicts {where} ORDER BY id")
    for r in rows:
        r["server_value"] = json.loads(r["server_value"]) if r["server_value"] else None
        r["client_value"] = json.loads(r["client_value"]) if r["client_value"] else None
    return rows


def conflict(db: Database, conflict_id: int) -> Row | None:
    found = [c for c in conflicts(db, open_only=False) if c["id"] == conflict_id]
    return found[0] if found else None


def mark_resolved(db: Database, conflict_id: int) -> None:
    db.execute("UPDATE sync_conflicts SET resolved = 1, resolution_pushed = 0 WHERE id = ?", [conflict_id])


def resolutions_to_push(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM sync_conflicts WHERE resolution_pushed = 0").fetchall()]


def resolutions_pushed(db: Database, ids: Iterable[int]) -> None:
    db.conn.executemany("UPDATE sync_conflicts SET resolution_pushed = 1 WHERE id = ?", [[i] for i in ids])


# -- cooperatives leaving the laptop -------------------------------------------------------------

def add_gone(db: Database, coop_ids: Iterable[str]) -> None:
    db.conn.executemany("INSERT OR IGNORE INTO sync_gone (cooperative_id) VALUES (?)", [[c] for c in coop_ids])


def keep(db: Database, coop_id: str) -> None:
    db.execute("DELETE FROM sync_gone WHERE cooperative_id = ?", [coop_id])


def gone(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT cooperative_id FROM sync_gone").fetchall()]


def rows_of_cooperative(db: Database, coop_id: str) -> dict[str, list[str]]:
    """Ids of every synced row that goes with a cooperative (to forget their versions)."""
    queries = {
        "cooperatives": "SELECT id FROM cooperatives WHERE id = ?",
        "selection_ratings": "SELECT id FROM selection_ratings WHERE cooperative_id = ?",
        "diagnoses": "SELECT id FROM diagnoses WHERE cooperative_id = ?",
        "diagnosis_sections": "SELECT s.id FROM diagnosis_sections s JOIN diagnoses d ON d.id = s.diagnosis_id "
                              "WHERE d.cooperative_id = ?",
        "diagnosis_needs": "SELECT s.id FROM diagnosis_needs s JOIN diagnoses d ON d.id = s.diagnosis_id "
                           "WHERE d.cooperative_id = ?",
        "plan_actions": "SELECT id FROM plan_actions WHERE cooperative_id = ?",
        "coaching_sessions": "SELECT id FROM coaching_sessions WHERE cooperative_id = ?",
        "session_reviews": "SELECT r.id FROM session_reviews r JOIN coaching_sessions s ON s.id = r.session_id "
                           "WHERE s.cooperative_id = ?",
        "financing": "SELECT id FROM financing WHERE cooperative_id = ?",
        "applications": "SELECT id FROM applications WHERE cooperative_id = ?",
        "application_ratings": "SELECT r.id FROM application_ratings r JOIN applications a ON a.id = r.application_id "
                               "WHERE a.cooperative_id = ?",
    }
    return {t: [r[0] for r in db.execute(sql, [coop_id]).fetchall()] for t, sql in queries.items()}


def evict(db: Database, coop_id: str) -> None:
    """Remove a cooperative (and what hangs off it) from this laptop only."""
    for tbl, ids in rows_of_cooperative(db, coop_id).items():
        drop_versions(db, tbl, ids)
    delete_row(db, "cooperatives", coop_id)
    keep(db, coop_id)


def session_cooperatives(db: Database, tbl: str, row_id: str) -> str | None:
    """The cooperative whose coaching progress a pulled row may change."""
    if tbl == "coaching_sessions":
        coop_id: str | None = scalar(db, "SELECT cooperative_id FROM coaching_sessions WHERE id = ?", [row_id])
        return coop_id
    return None


def synced_rows(db: Database, tbl: str) -> list[Row]:
    """Every row of a synced table, without the local columns (tests, checks)."""
    _check(tbl)
    rows = fetch_all(db, f"SELECT * FROM {tbl} ORDER BY id")
    for r in rows:
        for c in ("rid", "created_at", "updated_at"):
            r.pop(c, None)
    return rows
