"""Reading cooperatives: by id or registration number, filtered pages, search."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.eligibility import date_bounds
from . import search, stages
from .rows import Row, fetch_all, fetch_one, scalar


def get(db: Database, coop_id: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM cooperatives WHERE id = ?", [coop_id])


def find(db: Database, id_or_registration: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM cooperatives WHERE id = ? OR registration_number = ? LIMIT 1",
                     [id_or_registration, id_or_registration])


def id_by_registration(db: Database, registration_number: str) -> str | None:
    coop_id: str | None = scalar(db, "SELECT id FROM cooperatives WHERE registration_number = ?",
                                 [registration_number])
    return coop_id


def count_all(db: Database) -> int:
    return int(scalar(db, "SELECT count(*) FROM cooperatives"))


@dataclass(frozen=True)
class CooperativeFilter:
    """What the list and the batch commands can filter on; None means any."""

    text: str | None = None
    region: str | None = None
    province: str | None = None
    tranche: int | None = None
    phase: int | None = None
    status: str | None = None
    coach: str | None = None
    eligible: bool | None = None
    overdue: bool | None = None
    stage: str | None = None  # one of domain.dashboard.STAGES (store.stages says what each means)
    as_of: dt.date | None = None  # for eligible/overdue; today when None


SORTABLE: dict[str, tuple[str, ...]] = {
    "registration_number": ("c.registration_number",),
    "name_ar": ("c.name_ar",),
    "name_fr": ("c.name_fr",),
    "region": ("c.region",),
    "province": ("c.province",),
    "tranche": ("c.tranche", "c.phase"),
    "status": ("c.status",),
    "coach": ("c.coach",),
    "legal_date": ("c.legal_date",),
    "sessions": ("coalesce(p.done, 0)",),
    "next_due": ("p.next_due",),
}


# A cooperative is overdue when the next session its progress cache holds
# (domain.coaching.progress) fell before the day of reference, unless its
# coaching has ended (withdrawn, completed): no session is due from it any more,
# as on the agenda.
OVERDUE_SQL = ("(p.next_due IS NOT NULL AND p.next_due < ? "
               f"AND coalesce(c.status, '') NOT IN ({stages.quoted(stages.COACHING_ENDED)}))")


def where(f: CooperativeFilter) -> tuple[str, list[Any]]:
    """The WHERE clause of a filter over ``cooperatives c`` (``p``: its
    coaching progress, left-joined), and its parameters."""
    return _where(f)


def _where(f: CooperativeFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.text:
        expr = search.match_expression(f.text, selective=True)
        if expr:
            clauses.append("c.rid IN (SELECT rowid FROM cooperatives_fts WHERE cooperatives_fts MATCH ?)")
            params.append(expr)
    for column in ("region", "province", "tranche", "phase", "status", "coach"):
        value = getattr(f, column)
        if value is not None:
            clauses.append(f"c.{column} = ?")
            params.append(value)
    as_of = f.as_of or dt.date.today()
    if f.eligible is not None:
        earliest_legal, latest_activity = date_bounds(as_of)
        test = ("(c.legal_date >= ? AND c.legal_date <= ? AND c.activity_start IS NOT NULL "
                "AND c.activity_start <= ?)")
        clauses.append(test if f.eligible else f"NOT {test}")
        params += [earliest_legal.isoformat(), as_of.isoformat(), latest_activity.isoformat()]
    if f.overdue is not None:
        clauses.append(OVERDUE_SQL if f.overdue else f"NOT {OVERDUE_SQL}")
        params.append(as_of.isoformat())
    if f.stage is not None:
        clauses.append(stages.condition(f.stage))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_FROM = "FROM cooperatives c LEFT JOIN coaching_progress p ON p.cooperative_id = c.id"


def count(db: Database, f: CooperativeFilter) -> int:
    where, params = _where(f)
    # the progress table only matters to the overdue filter
    source = _FROM if f.overdue is not None else "FROM cooperatives c"
    return int(scalar(db, f"SELECT count(*) {source}{where}", params))


def page(db: Database, f: CooperativeFilter, *, sort: str = "registration_number",
         descending: bool = False, offset: int = 0, limit: int = 200,
         columns: str = "c.*, coalesce(p.done, 0) AS sessions_done, p.next_due") -> list[Row]:
    where, params = _where(f)
    order = SORTABLE.get(sort, SORTABLE["registration_number"])
    direction = "DESC" if descending else "ASC"
    order_sql = ", ".join(f"{part} {direction}" for part in order)
    return fetch_all(
        db, f"SELECT {columns} {_FROM}{where} ORDER BY {order_sql}, c.rid LIMIT ? OFFSET ?",
        [*params, limit, offset])


def ids(db: Database, f: CooperativeFilter, *, sort: str = "registration_number") -> list[str]:
    return [r["id"] for r in page(db, f, sort=sort, limit=-1, columns="c.id")]


def search_rows(db: Database, text: str, limit: int = 50) -> list[Row]:
    """Best matches first (FTS5 rank), for the search box and the CLI.

    A query of noise words only ("تعاونية") matches nearly every row alike:
    those come in index order, which spares ranking the whole table."""
    expr = search.match_expression(text, selective=True)
    order = "f.rank"
    if expr is None:
        expr, order = search.match_expression(text), "f.rowid"
    if not expr:
        return []
    return fetch_all(
        db,
        "SELECT c.* FROM cooperatives_fts f JOIN cooperatives c ON c.rid = f.rowid "
        f"WHERE cooperatives_fts MATCH ? ORDER BY {order} LIMIT ?", [expr, limit])
