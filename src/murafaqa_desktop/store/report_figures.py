"""The figures of the programme progress report, counted in SQL.

One row per (tranche, phase, region): cooperatives, diagnosed, trained,
coaching sessions done and planned (12 for every cooperative whose coaching
has started), completed, financed, members, women and young people. The
report adds rows up into tranche and programme totals, so every total is the
sum of the lines printed above it.
"""
from __future__ import annotations

from sqlite_utils import Database

from .rows import Row, fetch_all, scalar

_FIGURES = """
SELECT c.tranche AS tranche, c.phase AS phase, c.region AS region,
       count(*) AS cooperatives,
       sum(CASE WHEN d.completed = 1 THEN 1 ELSE 0 END) AS diagnosed,
       sum(CASE WHEN t.cooperative_id IS NOT NULL THEN 1 ELSE 0 END) AS trained,
       sum(CASE WHEN s.n > 0 THEN 1 ELSE 0 END) AS coached,
       coalesce(sum(s.n), 0) AS sessions_done,
       sum(CASE WHEN c.status = 'completed' OR coalesce(s.n, 0) >= 12 THEN 1 ELSE 0 END) AS completed,
       sum(CASE WHEN f.cooperative_id IS NOT NULL THEN 1 ELSE 0 END) AS financed,
       coalesce(sum(c.members), 0) AS members,
       coalesce(sum(c.women), 0) AS women,
       coalesce(sum(c.youth), 0) AS youth
FROM cooperatives c
LEFT JOIN (SELECT cooperative_id, max(completed) AS completed FROM diagnoses GROUP BY cooperative_id) d
       ON d.cooperative_id = c.id
LEFT JOIN (SELECT DISTINCT cooperative_id FROM training_attendance WHERE cooperative_id IS NOT NULL) t
       ON t.cooperative_id = c.id
LEFT JOIN (SELECT cooperative_id, count(*) AS n FROM coaching_sessions GROUP BY cooperative_id) s
       ON s.cooperative_id = c.id
LEFT JOIN (SELECT DISTINCT cooperative_id FROM financing WHERE status IN ('granted', 'disbursed')) f
       ON f.cooperative_id = c.id
{where}
GROUP BY c.tranche, c.phase, c.region
ORDER BY c.tranche IS NULL, c.tranche, c.phase IS NULL, c.phase, c.region
"""


def progress_rows(db: Database, tranche: int | None = None, phase: int | None = None) -> list[Row]:
    """Figures per (tranche, phase, region), optionally for one tranche or
    one phase of a tranche."""
    clauses, params = [], []
    if tranche is not None:
        clauses.append("c.tranche = ?")
        params.append(tranche)
    if phase is not None:
        clauses.append("c.phase = ?")
        params.append(phase)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return fetch_all(db, _FIGURES.format(where=where), params)


def coaching_session_id(db: Database, coop_id: str, number: int) -> str | None:
    """The id of session ``number`` of a cooperative (``COOP:NUMBER`` on the
    command line)."""
    session_id: str | None = scalar(db, "SELECT id FROM coaching_sessions WHERE cooperative_id = ? AND number = ?",
                                    [coop_id, number])
    return session_id


def cooperative_names(db: Database, ids: list[str]) -> dict[str, Row]:
    """Names of the cooperatives of an attendance list, in one query."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = fetch_all(db, f"SELECT id, name_ar, name_fr, registration_number FROM cooperatives WHERE id IN ({marks})",
                     ids)
    return {r["id"]: r for r in rows}
