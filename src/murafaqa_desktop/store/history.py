"""A cooperative's history on this laptop: what the server last told of who
changed what (``history_entries``, replaced whole at each fetch, with the
time of that fetch), and this laptop's own changes of the cooperative that
are still in the outbox (not yet accepted by the server)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from murafaqa_protocol.messages import HistoryEntryOut

from .rows import fetch_all, scalar


@dataclass(frozen=True)
class Kept:
    """One change the server accepted, as fetched."""

    id: int
    seq: int
    at: str
    user: str
    device: str
    tbl: str
    row_id: str
    op: str
    field: str | None
    old: Any
    new: Any


@dataclass(frozen=True)
class Unsent:
    """One outbox entry of the cooperative: ``fields`` its values (empty for a
    deletion); ``carried``: a sync carried it, its answer not received yet."""

    outbox_id: int
    at: str
    tbl: str
    row_id: str
    op: str
    fields: dict[str, Any]
    carried: bool


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _value(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def replace(db: Database, coop_id: str, entries: Iterable[HistoryEntryOut], fetched_at: str) -> None:
    """The cooperative's history as the server told it now, in place of the
    last one (call inside a transaction)."""
    db.execute("DELETE FROM history_entries WHERE coop_id = ?", [coop_id])
    db.conn.executemany(
        "INSERT OR REPLACE INTO history_entries (coop_id, id, seq, at, user, device, tbl, row_id, op, field, "
        "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[coop_id, e.id, e.seq, e.at, e.user, e.device, e.table, e.row, e.op, e.field, _json(e.old), _json(e.new)]
         for e in entries])
    db.execute("INSERT OR REPLACE INTO history_fetches (coop_id, fetched_at) VALUES (?, ?)", [coop_id, fetched_at])


def kept(db: Database, coop_id: str) -> list[Kept]:
    """What the last fetch brought, newest first."""
    return [Kept(id=r["id"], seq=r["seq"], at=r["at"], user=r["user"], device=r["device"], tbl=r["tbl"],
                 row_id=r["row_id"], op=r["op"], field=r["field"], old=_value(r["old_value"]),
                 new=_value(r["new_value"]))
            for r in fetch_all(db, "SELECT * FROM history_entries WHERE coop_id = ? ORDER BY id DESC", [coop_id])]


def fetched_at(db: Database, coop_id: str) -> str | None:
    """When the cooperative's history was last fetched (None: never)."""
    found: str | None = scalar(db, "SELECT fetched_at FROM history_fetches WHERE coop_id = ?", [coop_id])
    return found


# The rows of a cooperative on this laptop: itself, the rows that name it,
# and the rows of its diagnosis and of its sessions.
_ROWS_OF = """
    SELECT :coop UNION ALL
    SELECT id FROM selection_ratings WHERE cooperative_id = :coop UNION ALL
    SELECT id FROM diagnoses WHERE cooperative_id = :coop UNION ALL
    SELECT s.id FROM diagnosis_sections s JOIN diagnoses d ON d.id = s.diagnosis_id WHERE d.cooperative_id = :coop
    UNION ALL
    SELECT n.id FROM diagnosis_needs n JOIN diagnoses d ON d.id = n.diagnosis_id WHERE d.cooperative_id = :coop
    UNION ALL
    SELECT id FROM plan_actions WHERE cooperative_id = :coop UNION ALL
    SELECT id FROM coaching_sessions WHERE cooperative_id = :coop UNION ALL
    SELECT r.id FROM session_reviews r JOIN coaching_sessions s ON s.id = r.session_id WHERE s.cooperative_id = :coop
    UNION ALL
    SELECT id FROM training_attendance WHERE cooperative_id = :coop UNION ALL
    SELECT id FROM financing WHERE cooperative_id = :coop UNION ALL
    -- a row deleted here is gone from its table; the fetched history still knows it
    SELECT row_id FROM history_entries WHERE coop_id = :coop
"""


def unsent(db: Database, coop_id: str) -> list[Unsent]:
    """The outbox entries of the cooperative's rows, newest first."""
    cur = db.execute(f"SELECT id, tbl, row_id, op, fields, updated_at, sent FROM outbox "
                     f"WHERE row_id IN ({_ROWS_OF}) ORDER BY id DESC", {"coop": coop_id})
    return [Unsent(outbox_id=r[0], tbl=r[1], row_id=r[2], op=r[3], fields=json.loads(r[4]), at=r[5],
                   carried=bool(r[6])) for r in cur.fetchall()]
