"""What the coach's agenda shows: coaching sessions overdue, due this week,
upcoming, and the collective training sessions to come."""
from __future__ import annotations

from sqlite_utils import Database

from .rows import Row, fetch_all

_COLUMNS = ("SELECT c.id, c.registration_number, c.name_ar, c.name_fr, c.region, c.coach, "
            "p.done, p.next_due FROM coaching_progress p JOIN cooperatives c ON c.id = p.cooperative_id ")


def coaching_due(db: Database, start: str | None, end: str | None, coach: str | None = None,
                 limit: int = 200) -> list[Row]:
    """Cooperatives whose next session falls in [start, end) (ISO dates; None = open)."""
    # withdrawn or finished cooperatives are no longer on anyone's agenda
    clauses = ["p.next_due IS NOT NULL", "coalesce(c.status, '') NOT IN ('withdrawn', 'rejected', 'completed')"]
    params: list[str] = []
    if start:
        clauses.append("p.next_due >= ?")
        params.append(start)
    if end:
        clauses.append("p.next_due < ?")
        params.append(end)
    if coach:
        clauses.append("c.coach = ?")
        params.append(coach)
    return fetch_all(db, _COLUMNS + "WHERE " + " AND ".join(clauses) + " ORDER BY p.next_due, c.rid LIMIT ?",
                     [*params, limit])


def trainings_from(db: Database, start: str, limit: int = 100) -> list[Row]:
    return fetch_all(db, "SELECT t.*, (SELECT count(*) FROM training_attendance a "
                         "WHERE a.training_session_id = t.id) AS participants "
                         "FROM training_sessions t WHERE t.held_on >= ? ORDER BY t.held_on LIMIT ?",
                     [start, limit])


def training_sessions_page(db: Database, limit: int = 500) -> list[Row]:
    """Training sessions, latest first, with their number of participants."""
    return fetch_all(db, "SELECT t.*, (SELECT count(*) FROM training_attendance a "
                         "WHERE a.training_session_id = t.id) AS participants "
                         "FROM training_sessions t ORDER BY t.held_on DESC, t.id LIMIT ?", [limit])


def cooperative_choices(db: Database, region: str | None, limit: int = 2000) -> list[Row]:
    """Cooperatives a participant may come from (the session's region first)."""
    if region:
        return fetch_all(db, "SELECT id, registration_number, name_ar, name_fr FROM cooperatives "
                             "WHERE region = ? ORDER BY registration_number LIMIT ?", [region, limit])
    return fetch_all(db, "SELECT id, registration_number, name_ar, name_fr FROM cooperatives "
                         "ORDER BY registration_number LIMIT ?", [limit])


def showcase_cooperative(db: Database) -> str | None:
    """A cooperative in the middle of its coaching with a plan, trainings and
    financing (the screenshots and the benchmark open it)."""
    row = fetch_all(db, "SELECT c.id FROM cooperatives c JOIN coaching_progress p ON p.cooperative_id = c.id "
                        "WHERE p.done BETWEEN 3 AND 9 "
                        "AND EXISTS (SELECT 1 FROM financing f WHERE f.cooperative_id = c.id) "
                        "AND EXISTS (SELECT 1 FROM training_attendance a WHERE a.cooperative_id = c.id) "
                        "AND EXISTS (SELECT 1 FROM plan_actions a WHERE a.cooperative_id = c.id) "
                        "ORDER BY c.rid LIMIT 1")
    if not row:
        row = fetch_all(db, "SELECT cooperative_id AS id FROM coaching_progress ORDER BY done DESC LIMIT 1")
    return row[0]["id"] if row else None
