"""The dashboard's figures, counted in SQL over one scope of cooperatives.

The per-cooperative figures read ``cooperative_stages`` (alias ``s``: one
short row per cooperative, kept by triggers, migration ``m006_stages``),
the very table the list's ``stage`` filter reads (``store.stages``), so a
count and the list it opens cannot disagree. "Overdue" is the list's own
rule (``store.cooperatives.OVERDUE_SQL``) read from the same progress row as
copied there (``open_due``: the next due date while coaching goes on). The
sessions and training figures read their own tables, joined to the scope's
cooperatives through ``store.cooperatives.where``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from ..domain.dashboard import STAGES
from ..domain.dates import add_months
from ..domain.vocab import YOUTH_AGE_BANDS
from .cooperatives import CooperativeFilter, where
from .rows import Row, fetch_all

_PROGRESS = "LEFT JOIN coaching_progress p ON p.cooperative_id = c.id"
# The filter fields the kept table holds itself (the dashboard's scope).
_OWN = ("region", "province", "tranche", "phase", "status", "coach")


def _progress(f: CooperativeFilter) -> str:
    """The progress join, when the filter reads it (overdue): a join fewer otherwise."""
    return _PROGRESS if f.overdue is not None else ""


def _everything(f: CooperativeFilter) -> bool:
    return f == CooperativeFilter()


def _and(where_sql: str, condition: str) -> str:
    return f"{where_sql} AND {condition}" if where_sql else f" WHERE {condition}"


def _stages_where(f: CooperativeFilter) -> tuple[str, list[Any]]:
    """The WHERE clause of a filter over ``cooperative_stages s``: the
    columns it holds compared there, anything else (text, eligibility…)
    through the list's own clause over ``cooperatives``."""
    clauses = [f"s.{k} = ?" for k in _OWN if getattr(f, k) is not None]
    params: list[Any] = [getattr(f, k) for k in _OWN if getattr(f, k) is not None]
    rest = replace(f, **dict.fromkeys(_OWN))
    if replace(rest, as_of=None) != CooperativeFilter():
        rest_sql, rest_params = where(rest)
        clauses.append(f"s.cooperative_id IN (SELECT c.id FROM cooperatives c {_progress(rest)}{rest_sql})")
        params += rest_params
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def cooperative_groups(db: Database, scope: CooperativeFilter, today: dt.date) -> list[Row]:
    """One row per (region, coach, tranche, phase) of the scope: ``cooperatives``,
    a count per stage (columns named after ``STAGES``), ``sessions_held`` and
    ``sessions_on_time`` (the coaching-progress cache: ``domain.coaching.progress``),
    ``overdue`` (next session due before ``today``) and ``oldest_due`` (the
    earliest due date among the overdue)."""
    where_sql, params = _stages_where(scope)
    per_stage = ", ".join(f"sum(s.{stage}) AS {stage}" for stage in STAGES)
    # min(open_due) is the oldest overdue date when it fell before today, and
    # the group has none overdue otherwise: one comparison fewer per row.
    sql = (f"SELECT s.region AS region, s.coach AS coach, s.tranche AS tranche, s.phase AS phase, "
           f"count(*) AS cooperatives, {per_stage}, "
           "sum(s.done) AS sessions_held, sum(s.on_time) AS sessions_on_time, "
           "sum(s.open_due < ?) AS overdue, min(s.open_due) AS earliest_due "
           f"FROM cooperative_stages s{where_sql} "
           "GROUP BY s.region, s.coach, s.tranche, s.phase")
    iso = today.isoformat()
    rows = fetch_all(db, sql, [iso, *params])
    for row in rows:
        earliest = row.pop("earliest_due")
        row["oldest_due"] = earliest if earliest is not None and earliest < iso else None
    return rows


def coaching_starts(db: Database, scope: CooperativeFilter) -> list[Row]:
    """Coached cooperatives grouped by the date of their first session:
    ``first_on``, ``ended`` (1 when its coaching ended, ``stages.COACHING_ENDED``:
    nothing more is due from it), ``cooperatives`` and ``done`` (sessions held)."""
    where_sql, params = _stages_where(scope)
    sql = ("SELECT s.first_on AS first_on, s.ended AS ended, count(*) AS cooperatives, sum(s.done) AS done "
           f"FROM cooperative_stages s{_and(where_sql, 's.first_on IS NOT NULL')} GROUP BY 1, 2")
    return fetch_all(db, sql, params)


def _month_bounds(start: dt.date, end: dt.date) -> list[tuple[str, str, str]]:
    """("YYYY-MM", first day counted, first day of the next month) of each
    month from ``start`` to ``end``."""
    bounds = []
    month = start.replace(day=1)
    while month <= end:
        following = add_months(month, 1)
        bounds.append((month.strftime("%Y-%m"), max(month, start).isoformat(), following.isoformat()))
        month = following
    return bounds


def sessions_by_month(db: Database, scope: CooperativeFilter, start: dt.date, end: dt.date) -> dict[str, int]:
    """Coaching sessions held from ``start`` to ``end`` (inclusive), per "YYYY-MM"."""
    if _everything(scope):
        # a count over a range of the held_on index per month: no per-row
        # work, where grouping by substr(held_on) reads every row's text
        counts = {}
        for month, first, following in _month_bounds(start, end):
            row = db.execute("SELECT count(*) FROM coaching_sessions WHERE held_on >= ? AND held_on < ? "
                             "AND held_on <= ?", [first, following, end.isoformat()]).fetchone()
            if row[0]:
                counts[month] = int(row[0])
        return counts
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

