"""The rows of the export, read in batches from one snapshot of the database.

One query per sheet, each row with what a reader needs beside the row's own
fields (the cooperative's registration number and names, the session's
number, the action's objective…). A cursor is read ``batch`` rows at a time,
never fetched whole, so memory does not grow with the table. Child tables
follow their cooperative's filter; training sessions and their attendance
follow the region only (a collective training has no tranche or phase).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.entities import BY_TABLE

# The cooperative a child row belongs to: its number and its name in the
# export's language ({first}), the other one when that one is empty.
_COOP = ("c.registration_number AS coop_registration, "
         "coalesce(nullif(c.name_{first}, ''), c.name_{other}) AS coop_name")


def _fields(alias: str, table: str) -> str:
    """The row's id and declared fields (not the local rowid or the times)."""
    return ", ".join(f"{alias}.{name}" for name in ("id", *BY_TABLE[table].names))


# Each query's {where} is the cooperatives' filter (alias c), {training} the
# training sessions' (alias t). Orders follow an index wherever one exists:
# cooperatives by registration number, then each one's rows in their order
# (CROSS JOIN keeps SQLite from sorting 700,000 reviews in a temporary tree).
_QUERIES: dict[str, str] = {
    "cooperatives": f"""
        SELECT {_fields("c", "cooperatives")},
               (SELECT coalesce(sum(r.rating), 0) FROM selection_ratings r WHERE r.cooperative_id = c.id)
               AS rating_total
        FROM cooperatives c {{where}} ORDER BY c.registration_number""",
    "diagnoses": f"""
        SELECT {_COOP}, {_fields("d", "diagnoses")}
        FROM cooperatives c JOIN diagnoses d ON d.cooperative_id = c.id
        {{where}} ORDER BY c.registration_number""",
    "diagnosis_sections": f"""
        SELECT {_COOP}, {_fields("s", "diagnosis_sections")}
        FROM cooperatives c JOIN diagnoses d ON d.cooperative_id = c.id
        JOIN diagnosis_sections s ON s.diagnosis_id = d.id
        {{where}} ORDER BY c.registration_number, s.section""",
    "diagnosis_needs": f"""
        SELECT {_COOP}, {_fields("n", "diagnosis_needs")}
        FROM cooperatives c JOIN diagnoses d ON d.cooperative_id = c.id
        JOIN diagnosis_needs n ON n.diagnosis_id = d.id
        {{where}} ORDER BY c.registration_number, n.diagnosis_id""",
    "plan_actions": f"""
        SELECT {_COOP}, {_fields("a", "plan_actions")}
        FROM cooperatives c JOIN plan_actions a ON a.cooperative_id = c.id
        {{where}} ORDER BY c.registration_number, a.position""",
    "coaching_sessions": f"""
        SELECT {_COOP}, {_fields("s", "coaching_sessions")}
        FROM cooperatives c JOIN coaching_sessions s ON s.cooperative_id = c.id
        {{where}} ORDER BY c.registration_number, s.number""",
    "session_reviews": f"""
        SELECT {_COOP}, s.number AS session_number, s.held_on AS session_held_on,
               a.position AS action_position, a.axis AS action_axis, a.objective AS action_objective,
               {_fields("r", "session_reviews")}
        FROM cooperatives c CROSS JOIN coaching_sessions s ON s.cooperative_id = c.id
        CROSS JOIN session_reviews r ON r.session_id = s.id
        LEFT JOIN plan_actions a ON a.id = r.action_id
        {{where}} ORDER BY c.registration_number, s.number""",
    "training_sessions": f"""
        SELECT {_fields("t", "training_sessions")}
        FROM training_sessions t {{training}} ORDER BY t.held_on, t.id""",
    "training_attendance": f"""
        SELECT t.held_on AS training_held_on, t.module_code AS training_module, t.region AS training_region,
               {_COOP}, {_fields("p", "training_attendance")}
        FROM training_sessions t JOIN training_attendance p ON p.training_session_id = t.id
        LEFT JOIN cooperatives c ON c.id = p.cooperative_id
        {{training}} ORDER BY t.held_on, t.id""",
    "financing": f"""
        SELECT {_COOP}, {_fields("f", "financing")}
        FROM cooperatives c JOIN financing f ON f.cooperative_id = c.id
        {{where}} ORDER BY c.registration_number, f.applied_on""",
}
TABLES = tuple(_QUERIES)


@dataclass(frozen=True)
class ExportFilter:
    """Which cooperatives (and their rows) go out; None means all."""

    region: str | None = None
    tranche: int | None = None
    phase: int | None = None


def _clauses(f: ExportFilter) -> tuple[str, list[Any], str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for column in ("region", "tranche", "phase"):
        value = getattr(f, column)
        if value is not None:
            clauses.append(f"c.{column} = ?")
            params.append(value)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    training = "WHERE t.region = ?" if f.region is not None else ""
    return where, params, training, ([f.region] if f.region is not None else [])


def rows(db: Database, table: str, f: ExportFilter, batch: int = 2000, lang: str = "fr"
         ) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The column names of a sheet's query and its rows, read ``batch`` at a
    time; ``lang`` chooses the cooperatives' name (``coop_name``)."""
    where, params, training, training_params = _clauses(f)
    template = _QUERIES[table]
    first, other = ("ar", "fr") if lang == "ar" else ("fr", "ar")
    sql = template.format(where=where, training=training, first=first, other=other)
    cursor = db.conn.execute(sql, training_params if "{training}" in template else params)
    names = [d[0] for d in cursor.description]

    def read() -> Iterator[tuple[Any, ...]]:
        try:
            while chunk := cursor.fetchmany(batch):
                yield from chunk
        finally:
            cursor.close()

    return names, read()


@contextmanager
def snapshot(db: Database) -> Iterator[Database]:
    """Every sheet read from one moment: a read transaction, so that a sync
    or a save on another connection between two sheets cannot make a child
    row appear without its cooperative."""
    if db.conn.in_transaction:
        yield db
        return
    db.conn.execute("BEGIN")
    try:
        yield db
    finally:
        db.conn.execute("ROLLBACK")
