"""The dashboard's figures at national scale: each cooperative's sessions
held on time kept in the coaching-progress cache (counted once per edit by
domain.coaching.on_time, not over every session at each look), and the
indexes the pipeline's counts read."""
from __future__ import annotations

from itertools import groupby

from sqlite_utils import Database

from ...domain.coaching import SessionDate, on_time
from ...domain.dates import parse_date


def _backfill(db: Database) -> None:
    rows = db.execute("SELECT cooperative_id, number, held_on, next_date FROM coaching_sessions "
                      "ORDER BY cooperative_id, number").fetchall()
    updates = []
    for coop_id, sessions in groupby(rows, key=lambda r: r[0]):
        dates = [SessionDate(number, parse_date(held_on), parse_date(next_date) if next_date else None)
                 for _, number, held_on, next_date in sessions]
        updates.append((on_time(dates), coop_id))
    db.conn.executemany("UPDATE coaching_progress SET on_time = ? WHERE cooperative_id = ?", updates)


def apply(db: Database) -> None:
    db.execute("ALTER TABLE coaching_progress ADD COLUMN on_time INTEGER NOT NULL DEFAULT 0")
    for statement in (
        # the pipeline reads these columns of every cooperative: from the index alone
        "CREATE INDEX cooperatives_groups ON cooperatives (region, coach, tranche, phase, status, id)",
        "CREATE INDEX diagnoses_completed ON diagnoses (completed, cooperative_id)",
        "CREATE INDEX financing_status ON financing (status, cooperative_id)",
        "CREATE INDEX coaching_progress_done ON coaching_progress (done, cooperative_id)",
    ):
        db.execute(statement)
    _backfill(db)
