"""Reading calls for applications, their places and their applications."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from ..domain.calls import DOCUMENT_COLUMNS
from ..domain.eligibility import date_bounds
from .rows import Row, fetch_all, fetch_one, scalar


def get(db: Database, call_id: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM calls WHERE id = ?", [call_id])


def all_calls(db: Database) -> list[Row]:
    """Every call, the latest closing first."""
    return fetch_all(db, "SELECT * FROM calls ORDER BY closes_on DESC, id DESC")


def places(db: Database, call_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM call_places WHERE call_id = ? ORDER BY region", [call_id])


def places_of_calls(db: Database) -> list[Row]:
    return fetch_all(db, "SELECT call_id, region, places FROM call_places ORDER BY call_id, region")


def place_row(db: Database, call_id: str, region: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM call_places WHERE call_id = ? AND region = ?", [call_id, region])


def application(db: Database, application_id: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM applications WHERE id = ?", [application_id])


def application_of(db: Database, call_id: str, coop_id: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM applications WHERE call_id = ? AND cooperative_id = ?", [call_id, coop_id])


def application_id_by_registration(db: Database, call_id: str, registration_number: str) -> str | None:
    found: str | None = scalar(
        db, "SELECT a.id FROM applications a JOIN cooperatives c ON c.id = a.cooperative_id "
            "WHERE a.call_id = ? AND c.registration_number = ?", [call_id, registration_number])
    return found


# The columns of ``ranked_rows``, in order. ``share`` is (women + youth) /
# members; ``ranked``: the application is ranked (see ``ranked_rows``). The
# four document columns and ``evidence_lacking`` (the criteria rated above
# 0 whose evidence document is not in the file, comma-separated) are given
# only for the incomplete files, to say what they lack.
RANKED_COLUMNS = ("application_id", "cooperative_id", "received_on", "complete", "decision", "decision_reason",
                  "withdrawn_on", "registration_number", "name", "region", "legal_date", "activity_start",
                  "share", "total", "rated", "ranked", *DOCUMENT_COLUMNS, "evidence_lacking")


def ranked_rows(db: Database, call_id: str, region: str | None, reference_date: dt.date,
                lang: str = "fr") -> list[tuple[Any, ...]]:
    """A call's applications in the order of ``domain.calls.rank_region``,
    region by region (by code), as tuples of ``RANKED_COLUMNS``.

    ``ranked``: complete, eligible at the reference date (the two
    comparisons of ``eligibility.date_bounds``) and of a region the call
    covers; those come first in each region, by score (the sum of the
    ratings, ``total``), then the higher share of women and young people,
    the earlier received date, the registration number; the others follow
    by registration number. The shared rank of equal scores is counted by
    the caller as it reads the rows in this order (one sort, not two)."""
    earliest_legal, latest_activity = date_bounds(reference_date)
    name = ("coalesce(nullif(c.name_ar, ''), c.name_fr, '')" if lang == "ar"
            else "coalesce(nullif(c.name_fr, ''), c.name_ar, '')")
    where, params = "a.call_id = :call", {
        "call": call_id, "earliest": earliest_legal.isoformat(), "reference": reference_date.isoformat(),
        "latest": latest_activity.isoformat(), "region": region}
    if region is not None:
        where += " AND c.region = :region"
    eligible = ("coalesce(c.legal_date >= :earliest AND c.legal_date <= :reference "
                "AND c.activity_start <= :latest, 0)")
    documents = ", ".join(f"a.{column}" for column in DOCUMENT_COLUMNS)
    # The score is the kept one (``application_scores``, migration m010):
    # one short row per application, not the call's ratings grouped at
    # every look. Eligibility is computed here for ``ranked`` only: the
    # caller judges the few others in Python, to say why.
    rows: list[tuple[Any, ...]] = db.execute(f"""
        SELECT a.id, a.cooperative_id, a.received_on, a.complete, a.decision, a.decision_reason, a.withdrawn_on,
               c.registration_number, {name} AS name, c.region, c.legal_date, c.activity_start,
               CASE WHEN c.members > 0 THEN (coalesce(c.women, 0) + coalesce(c.youth, 0)) * 1.0 / c.members
               END AS share,
               coalesce(s.total, 0) AS total, coalesce(s.rated, 0) AS rated,
               coalesce(a.complete = 1 AND {eligible}
                        AND c.region IN (SELECT p.region FROM call_places p WHERE p.call_id = :call), 0) AS ranked,
               {documents}, CASE WHEN a.complete = 0 THEN s.unevidenced END
        FROM applications a JOIN cooperatives c ON c.id = a.cooperative_id
             LEFT JOIN application_scores s ON s.application_id = a.id
        WHERE {where}""", params).fetchall()
    # Sorted here rather than by an ORDER BY: SQLite's sorter would carry
    # every wide row through its temporary tree, where a key of a few
    # values per row sorts the same rows in a fraction of the time. The key
    # is SQLite's own order: texts compared by code point (as BINARY
    # compares their UTF-8 bytes), NULL before any value when ascending.
    rows.sort(key=_ranking_key)
    return rows


_REG, _REGION, _RECEIVED, _SHARE, _TOTAL, _RANKED = (
    RANKED_COLUMNS.index(k) for k in ("registration_number", "region", "received_on", "share", "total", "ranked"))


def _ranking_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Region by region, the ranked first: higher score, higher share of
    women and young people (none last), earlier received date (none last),
    registration number; the others by registration number."""
    region, reg = row[_REGION] or "", row[_REG] or ""
    if not row[_RANKED]:
        return (region, 1, reg)
    share, received = row[_SHARE], row[_RECEIVED]
    return (region, 0, -row[_TOTAL], share is None, -(share or 0.0), received is None, received or "", reg)


def ratings_of_call(db: Database, call_id: str) -> list[Row]:
    return fetch_all(db, """
        SELECT r.application_id, r.criterion, r.rating, r.evidence, r.document
        FROM application_ratings r JOIN applications a ON a.id = r.application_id
        WHERE a.call_id = ?""", [call_id])


def ratings(db: Database, application_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM application_ratings WHERE application_id = ? ORDER BY criterion",
                     [application_id])


def rating(db: Database, application_id: str, criterion: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM application_ratings WHERE application_id = ? AND criterion = ?",
                     [application_id, criterion])
