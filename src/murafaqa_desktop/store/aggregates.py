"""Reading what hangs off a cooperative: selection, diagnosis, plan, coaching,
trainings attended, financing."""
from __future__ import annotations

from sqlite_utils import Database

from .rows import Row, fetch_all, fetch_one, scalar


def selection_ratings(db: Database, coop_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM selection_ratings WHERE cooperative_id = ?", [coop_id])


def diagnosis(db: Database, coop_id: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM diagnoses WHERE cooperative_id = ?", [coop_id])


def diagnosis_sections(db: Database, diagnosis_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM diagnosis_sections WHERE diagnosis_id = ?", [diagnosis_id])


def diagnosis_needs(db: Database, diagnosis_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM diagnosis_needs WHERE diagnosis_id = ? ORDER BY kind, created_at, id",
                     [diagnosis_id])


def plan_actions(db: Database, coop_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM plan_actions WHERE cooperative_id = ? ORDER BY position, created_at, id",
                     [coop_id])


def coaching_sessions(db: Database, coop_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM coaching_sessions WHERE cooperative_id = ? ORDER BY number", [coop_id])


def session_reviews(db: Database, session_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM session_reviews WHERE session_id = ?", [session_id])


def reviews_of_cooperative(db: Database, coop_id: str) -> list[Row]:
    return fetch_all(
        db, "SELECT r.* FROM session_reviews r JOIN coaching_sessions s ON s.id = r.session_id "
            "WHERE s.cooperative_id = ?", [coop_id])


def trainings_attended(db: Database, coop_id: str) -> list[Row]:
    return fetch_all(
        db, "SELECT a.*, t.module_code, t.held_on, t.place, t.region AS training_region, t.trainer "
            "FROM training_attendance a JOIN training_sessions t ON t.id = a.training_session_id "
            "WHERE a.cooperative_id = ? ORDER BY t.held_on, a.participant", [coop_id])


def financing(db: Database, coop_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM financing WHERE cooperative_id = ? ORDER BY applied_on", [coop_id])


def training_session(db: Database, session_id: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM training_sessions WHERE id = ?", [session_id])


def training_sessions(db: Database, region: str | None = None) -> list[Row]:
    if region:
        return fetch_all(db, "SELECT * FROM training_sessions WHERE region = ? ORDER BY held_on DESC", [region])
    return fetch_all(db, "SELECT * FROM training_sessions ORDER BY held_on DESC")


def attendance(db: Database, training_session_id: str) -> list[Row]:
    return fetch_all(db, "SELECT * FROM training_attendance WHERE training_session_id = ? "
                         "ORDER BY created_at, id", [training_session_id])


def coaching_session(db: Database, session_id: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM coaching_sessions WHERE id = ?", [session_id])


def selection_rating(db: Database, coop_id: str, criterion: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM selection_ratings WHERE cooperative_id = ? AND criterion = ?",
                     [coop_id, criterion])


def selection_totals(db: Database, region: str | None = None, tranche: int | None = None,
                     phase: int | None = None) -> list[Row]:
    """Each cooperative of the group with the sum of its six ratings."""
    clauses, params = [], []
    for column, value in (("region", region), ("tranche", tranche), ("phase", phase)):
        if value is not None:
            clauses.append(f"c.{column} = ?")
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return fetch_all(
        db,
        "SELECT c.id, c.registration_number, c.name_ar, c.name_fr, c.region, c.tranche, c.phase, "
        "coalesce(sum(r.rating), 0) AS total FROM cooperatives c "
        f"LEFT JOIN selection_ratings r ON r.cooperative_id = c.id{where} GROUP BY c.id", params)


def diagnosis_section(db: Database, diagnosis_id: str, section: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM diagnosis_sections WHERE diagnosis_id = ? AND section = ?",
                     [diagnosis_id, section])


def last_plan_position(db: Database, coop_id: str) -> int | None:
    last: int | None = scalar(db, "SELECT max(position) FROM plan_actions WHERE cooperative_id = ?", [coop_id])
    return last


def session_review(db: Database, session_id: str, action_id: str) -> Row | None:
    return fetch_one(db, "SELECT * FROM session_reviews WHERE session_id = ? AND action_id = ?",
                     [session_id, action_id])
