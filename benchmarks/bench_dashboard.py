"""The dashboard's figures on the national-scale demo:
``python benchmarks/run.py dashboard --json [--db PATH] [--runs N]``.

``dashboard_ms``: ``services.dashboard.figures`` for the whole programme (all
regions), median of the runs after one warm-up (``dashboard_cpu_ms``: its
processor time, the same on a busy machine); ``dashboard_region_ms`` and
``dashboard_coach_ms``: one region's and one coach's page. ``save_session_ms``:
what a coach's save of a coaching session costs with the triggers that keep
the page's table of stages (``cooperative_stages``), and
``save_session_without_stage_triggers_ms`` the same save without them; each
save is rolled back, so the database is left as it was. The database is the
ui benchmark's (``murafaqa demo --cooperatives 60000 --db benchmarks/.work/ui-60000.db``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

WORK = Path(__file__).resolve().parent / ".work"
# The demo's own "today" (services.demo.ANCHOR): its sessions and overdue ones are read against it.
TODAY = dt.date(2026, 11, 15)


def _median_ms(call, runs: int, clock=time.perf_counter) -> float:
    call()  # warm-up: the page cache, not the code, is measured apart
    times = []
    for _ in range(runs):
        start = clock()
        call()
        times.append((clock() - start) * 1000)
    return round(statistics.median(times), 1)


def _save_ms(db, runs: int, *, stage_triggers: bool) -> float:
    """A session logged at a cooperative in coaching (its first session
    in the two years before, so that one more is allowed), inside a transaction
    rolled back (the stage triggers dropped inside it when ``stage_triggers``
    is False): the save's own time, the database unchanged."""
    from murafaqa_desktop.services import coaching

    coop_id = db.execute(
        "SELECT p.cooperative_id FROM coaching_progress p JOIN cooperatives c ON c.id = p.cooperative_id "
        "WHERE c.status = 'coaching' AND p.done BETWEEN 1 AND 11 AND p.first_on >= ? "
        "AND NOT EXISTS (SELECT 1 FROM coaching_sessions s WHERE s.cooperative_id = c.id AND s.held_on >= ?) "
        "ORDER BY p.cooperative_id LIMIT 1", [(TODAY.replace(year=TODAY.year - 2, month=1, day=1)).isoformat(),
                                             TODAY.isoformat()]).fetchone()[0]
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                          "AND sql LIKE '%cooperative_stages%'").fetchall()
    times = []
    for _ in range(runs + 1):
        db.conn.execute("BEGIN")
        try:
            # Dropped in both cases, and made again when kept: a schema changed
            # in the transaction makes SQLite prepare each statement again, the
            # same work for both figures, so that they differ by the triggers alone.
            for name, _sql in triggers:
                db.conn.execute(f"DROP TRIGGER {name}")
            if stage_triggers:
                for _name, sql in triggers:
                    db.conn.execute(sql)
            start = time.perf_counter()
            coaching.log_session(db, coop_id, {"held_on": TODAY.isoformat()})
            times.append((time.perf_counter() - start) * 1000)
        finally:
            db.conn.execute("ROLLBACK")
    return round(statistics.median(times[1:]), 2)


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="run.py dashboard")
    parser.add_argument("--db", type=Path, default=WORK / "ui-60000.db")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: murafaqa demo --cooperatives 60000 --db {args.db}")
    os.environ.setdefault("MURAFAQA_DATA_DIR", tempfile.mkdtemp())
    from murafaqa_desktop.domain.dashboard import Scope
    from murafaqa_desktop.services import dashboard
    from murafaqa_desktop.store.cooperatives import count_all
    from murafaqa_desktop.store.db import open_db

    db = open_db(args.db)  # brings the schema up to date before timing
    try:
        whole = dashboard.figures(db, Scope(), TODAY)
        busiest = max(whole.regions, key=lambda r: r.cooperatives.value).region
        coach = max(whole.team, key=lambda c: c.cooperatives.value).coach
        return {
            "cooperatives": count_all(db),
            "dashboard_ms": _median_ms(lambda: dashboard.figures(db, Scope(), TODAY), args.runs),
            # the processor time of the same: what the wall time is on a machine nothing else uses
            "dashboard_cpu_ms": _median_ms(lambda: dashboard.figures(db, Scope(), TODAY), args.runs,
                                           time.process_time),
            "dashboard_region_ms": _median_ms(lambda: dashboard.figures(db, Scope(region=busiest), TODAY),
                                              args.runs),
            "dashboard_coach_ms": _median_ms(lambda: dashboard.figures(db, Scope(coach=coach), TODAY), args.runs),
            "save_session_ms": _save_ms(db, 4 * args.runs, stage_triggers=True),
            "save_session_without_stage_triggers_ms": _save_ms(db, 4 * args.runs, stage_triggers=False),
        }
    finally:
        db.close()
