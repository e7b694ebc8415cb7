"""Reading calls for applications, their places and their applications."""
from __future__ import annotations

from sqlite_utils import Database

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


def candidates(db: Database, call_id: str, region: str | None = None) -> list[Row]:
    """Each application of a call with the facts of its cooperative that the
    ranking reads (one query)."""
    where, params = "a.call_id = ?", [call_id]
    if region is not None:
        where += " AND c.region = ?"
        params.append(region)
    return fetch_all(db, f"""
        SELECT a.id AS application_id, a.cooperative_id, a.received_on, a.complete,
               a.doc_statutes, a.doc_constituent_minutes, a.doc_registration, a.doc_members_list,
               a.decision, a.decision_reason, a.decided_by, a.decided_on, a.withdrawn_on, a.withdrawal_reason,
               c.registration_number, coalesce(nullif(c.name_fr, ''), c.name_ar, '') AS name_fr,
               coalesce(nullif(c.name_ar, ''), c.name_fr, '') AS name_ar,
               c.region, c.legal_date, c.activity_start, c.members, c.women, c.youth
        FROM applications a JOIN cooperatives c ON c.id = a.cooperative_id
        WHERE {where}""", params)


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
