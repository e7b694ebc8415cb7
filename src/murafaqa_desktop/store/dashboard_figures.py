"""The dashboard's figures, counted in SQL over one scope of cooperatives.

Every query takes the scope as a ``CooperativeFilter`` and reads it through
``store.cooperatives.where``: the figures count exactly the rows the list
shows for the same filter. The stages are ``store.stages``' conditions and
"overdue" is the list's own rule (``store.cooperatives.OVERDUE_SQL``).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from ..domain.dashboard import STAGES
from ..domain.vocab import YOUTH_AGE_BANDS
from . import stages
from .cooperatives import OVERDUE_SQL, CooperativeFilter, where
from .rows import Row, fetch_all

_PROGRESS = "LEFT JOIN coaching_progress p ON p.cooperative_id = c.id"


def _progress(f: CooperativeFilter) -> str:
    """The progress join, when the filter reads it (overdue): a join fewer otherwise."""
    return _PROGRESS if f.overdue is not None else ""


def _everything(f: CooperativeFilter) -> bool:
    return f == CooperativeFilter()


def _and(where_sql: str, condition: str) -> str:
    return f"{where_sql} AND {condition}" if where_sql else f" WHERE {condition}"


def cooperative_groups(db: Database, scope: CooperativeFilter, today: dt.date) -> list[Row]:
    """One row per (region, coach, tranche, phase) of the scope: ``cooperatives``,
    a count per stage (columns named after ``STAGES``), ``sessions_held`` and
    ``sessions_on_time`` (the coaching-progress cache: ``domain.coaching.progress``),
    ``overdue`` (next session due before ``today``) and ``oldest_due`` (the
    earliest due date among the overdue)."""
    where_sql, params = where(scope)
    per_stage = ", ".join(f"sum(CASE WHEN {stages.joined_condition(s)} THEN 1 ELSE 0 END) AS {s}"
                          for s in STAGES)
    sql = (f"SELECT c.region AS region, c.coach AS coach, c.tranche AS tranche, c.phase AS phase, "
           f"count(*) AS cooperatives, {per_stage}, "
           "coalesce(sum(p.done), 0) AS sessions_held, coalesce(sum(p.on_time), 0) AS sessions_on_time, "
           f"sum(CASE WHEN {OVERDUE_SQL} THEN 1 ELSE 0 END) AS overdue, "
           f"min(CASE WHEN {OVERDUE_SQL} THEN p.next_due END) AS oldest_due "
           f"FROM cooperatives c {_PROGRESS}{where_sql} "
           "GROUP BY c.region, c.coach, c.tranche, c.phase")
    iso = today.isoformat()
    return fetch_all(db, sql, [iso, iso, *params])


def coaching_starts(db: Database, scope: CooperativeFilter) -> list[Row]:
    """Coached cooperatives grouped by the date of their first session:
    ``first_on``, ``ended`` (1 when its coaching ended, ``stages.COACHING_ENDED``:
    nothing more is due from it), ``cooperatives`` and ``done`` (sessions held)."""
    where_sql, params = where(scope)
    sql = ("SELECT p.first_on AS first_on, "
           f"CASE WHEN c.status IN ({stages.quoted(stages.COACHING_ENDED)}) THEN 1 ELSE 0 END AS ended, "
           "count(*) AS cooperatives, sum(p.done) AS done "
           f"FROM cooperatives c JOIN coaching_progress p ON p.cooperative_id = c.id"
           f"{_and(where_sql, 'p.first_on IS NOT NULL')} GROUP BY 1, 2")
    return fetch_all(db, sql, params)


def sessions_by_month(db: Database, scope: CooperativeFilter, start: dt.date, end: dt.date) -> dict[str, int]:
    """Coaching sessions held from ``start`` to ``end`` (inclusive), per "YYYY-MM"."""
    if _everything(scope):  # the held_on index alone
        sql = "SELECT substr(held_on, 1, 7) AS month, count(*) AS n FROM coaching_sessions " \
              "WHERE held_on >= ? AND held_on <= ? GROUP BY 1"
        return {r["month"]: r["n"] for r in fetch_all(db, sql, [start.isoformat(), end.isoformat()])}
    where_sql, params = where(scope)
    sql = ("SELECT substr(s.held_on, 1, 7) AS month, count(*) AS n "
           f"FROM coaching_sessions s JOIN cooperatives c ON c.id = s.cooperative_id {_progress(scope)}"
           f"{_and(where_sql, 's.held_on >= ? AND s.held_on <= ?')} GROUP BY 1")
    return {r["month"]: r["n"] for r in fetch_all(db, sql, [*params, start.isoformat(), end.isoformat()])}


def sessions_by_coach(db: Database, scope: CooperativeFilter, start: dt.date, end: dt.date) -> dict[str, int]:
    """Coaching sessions held from ``start`` to ``end`` (inclusive) at the
    cooperatives of each coach (the cooperative's coach, whoever wrote it)."""
    where_sql, params = where(scope)
    sql = ("SELECT c.coach AS coach, count(*) AS n "
           f"FROM coaching_sessions s JOIN cooperatives c ON c.id = s.cooperative_id {_progress(scope)}"
           f"{_and(where_sql, 'c.coach IS NOT NULL AND s.held_on >= ? AND s.held_on <= ?')} GROUP BY 1")
    return {r["coach"]: r["n"] for r in fetch_all(db, sql, [*params, start.isoformat(), end.isoformat()])}


def training_by_module(db: Database, scope: CooperativeFilter, today: dt.date) -> list[Row]:
    """Per training module: ``sessions`` held by ``today`` that at least one
    member of a cooperative of the scope attended, ``participants`` (their
    attendance lines), ``women`` and ``youth`` among them."""
    where_sql, params = where(scope)
    youth = ", ".join(f"'{band}'" for band in sorted(YOUTH_AGE_BANDS))
    sql = ("SELECT t.module_code AS module, count(DISTINCT t.id) AS sessions, count(*) AS participants, "
           "sum(CASE WHEN a.gender = 'F' THEN 1 ELSE 0 END) AS women, "
           f"sum(CASE WHEN a.age_band IN ({youth}) THEN 1 ELSE 0 END) AS youth "
           "FROM training_attendance a JOIN training_sessions t ON t.id = a.training_session_id "
           f"JOIN cooperatives c ON c.id = a.cooperative_id {_progress(scope)}"
           f"{_and(where_sql, 't.held_on <= ?')} GROUP BY t.module_code")
    return fetch_all(db, sql, [*params, today.isoformat()])


def training_participants(db: Database, scope: CooperativeFilter, today: dt.date) -> int:
    """Attendance lines of the scope's cooperatives at trainings held by ``today``."""
    where_sql, params = where(scope)
    sql = ("SELECT count(*) FROM training_attendance a JOIN training_sessions t ON t.id = a.training_session_id "
           f"JOIN cooperatives c ON c.id = a.cooperative_id {_progress(scope)}{_and(where_sql, 't.held_on <= ?')}")
    value: Any = db.execute(sql, [*params, today.isoformat()]).fetchone()[0]
    return int(value)

