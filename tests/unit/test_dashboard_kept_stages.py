"""The dashboard reads each cooperative's stages from one kept table
(``cooperative_stages``, migration m006_stages): it must always hold what the
source tables say, so that the page follows every edit at once and each
count still opens exactly its list."""
from __future__ import annotations

import datetime as dt

from sqlite_utils import Database
from test_dashboard_figures import DEMO_TODAY, _all_counts, listed

from kept_stages import differences
from murafaqa_desktop.domain.dashboard import Dashboard, Scope
from murafaqa_desktop.services import coaching, cooperatives, diagnosis, financing, plans, trainings
from murafaqa_desktop.services import dashboard as dashboard_service
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.store.migrations import m006_stages
from programme_factory import TODAY, build_programme


def _page(db: Database) -> Dashboard:
    """The whole programme's page, after checking the kept table and that
    every count opens exactly its list."""
    assert differences(db, TODAY) == {}
    page = dashboard_service.figures(db, Scope(), TODAY)
    for count in _all_counts(page):
        assert listed(db, count) == count.value, count.filter
    return page


def _stages(page: Dashboard) -> dict[str, int]:
    return {stage: count.value for stage, count in page.pipeline.stages.items()}


def test_the_kept_stages_hold_what_the_demo_programme_s_tables_say(demo_db: Database) -> None:
    assert demo_db.execute("SELECT count(*) FROM cooperative_stages").fetchone()[0] == 200
    assert differences(demo_db, DEMO_TODAY) == {}


def test_the_page_follows_each_edit_at_once(db: Database) -> None:
    ids = build_programme(db)
    before = _stages(_page(db))

    # a first session logged at C: coached
    coaching.log_session(db, ids["C"], {"held_on": "2026-06-01"})
    page = _page(db)
    assert _stages(page) == {**before, "coached": before["coached"] + 1}
    assert page.coaching.held == 19

    # C's diagnosis completed: diagnosed
    diagnosis.save(db, ids["C"], {"completed": True})
    assert _stages(_page(db)) == {**before, "coached": before["coached"] + 1, "diagnosed": before["diagnosed"] + 1}

    # B, overdue since April, withdraws: withdrawn, no longer overdue nor in coaching
    overdue = _page(db).coaching.overdue.value
    cooperatives.update(db, ids["B"], {"status": "withdrawn"})
    page = _page(db)
    assert page.pipeline.stages["withdrawn"].value == before["withdrawn"] + 1
    assert page.coaching.overdue.value == overdue - 1

    # B's only plan action removed: no plan set any more
    [action] = db.execute("SELECT id FROM plan_actions WHERE cooperative_id = ?", [ids["B"]]).fetchall()
    plans.delete_action(db, action[0])
    assert _page(db).pipeline.stages["plan_set"].value == before["plan_set"] - 1

    # E's refused financing granted on appeal: financed
    [request] = db.execute("SELECT id FROM financing WHERE cooperative_id = ?", [ids["E"]]).fetchall()
    financing.update(db, request[0], {"status": "granted", "amount_granted": 50000})
    assert _page(db).pipeline.stages["financed"].value == before["financed"] + 1

    # a member of C at a training: trained
    session = trainings.create_session(db, {"module_code": "GOV-01", "held_on": "2026-06-01", "region": "07"})
    trainings.add_attendance(db, session["id"], [
        {"cooperative_id": ids["C"], "participant": "Salma", "gender": "F", "age_band": "18_24"}])
    assert _page(db).pipeline.stages["trained"].value == before["trained"] + 1

    # C's session taken back: no longer coached
    [first] = db.execute("SELECT id FROM coaching_sessions WHERE cooperative_id = ?", [ids["C"]]).fetchall()
    coaching.delete_last_session(db, first[0])
    assert _page(db).pipeline.stages["coached"].value == before["coached"]

    # A moves to another coach and region: its groups follow
    cooperatives.update(db, ids["A"], {"region": "04", "province": "04.01", "coach": "Nadia Idrissi"})
    page = _page(db)
    assert "Nadia Idrissi" in {row.coach for row in page.team}
    assert {r.region: r.cooperatives.value for r in page.regions} == {"04": 4, "07": 2}

    # D deleted, its records with it
    cooperatives.delete(db, ids["D"])
    page = _page(db)
    assert sum(r.cooperatives.value for r in page.regions) == 5
    assert db.execute("SELECT count(*) FROM cooperative_stages").fetchone()[0] == 5


def test_the_migration_fills_the_table_for_the_records_already_there(db_path) -> None:
    """A laptop upgraded with its records: m006 counts them when it opens."""
    db = open_db(db_path)
    build_programme(db)
    expected = db.execute("SELECT * FROM cooperative_stages ORDER BY cooperative_id").fetchall()
    # the database as the release before m006 left it
    for kind, name in db.execute("SELECT type, name FROM sqlite_master WHERE sql LIKE '%cooperative_stages%' "
                                 "AND type IN ('trigger', 'index')").fetchall():
        db.execute(f"DROP {kind} {name}")
    db.execute("DROP INDEX coaching_sessions_cooperative_held")
    db.execute("DROP TABLE cooperative_stages")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_stages'")
    db.close()
    db = open_db(db_path)
    assert db.execute("SELECT * FROM cooperative_stages ORDER BY cooperative_id").fetchall() == expected
    assert differences(db, TODAY) == {}
    db.close()


def test_the_rebuild_and_the_triggers_agree(demo_db: Database) -> None:
    kept = demo_db.execute("SELECT * FROM cooperative_stages ORDER BY cooperative_id").fetchall()
    demo_db.execute("DELETE FROM cooperative_stages")
    demo_db.execute(m006_stages.REBUILD)
    assert demo_db.execute("SELECT * FROM cooperative_stages ORDER BY cooperative_id").fetchall() == kept


def test_sessions_per_month_count_each_month_from_its_first_day_to_today(db: Database) -> None:
    build_programme(db)

    def per_month(today: dt.date) -> dict[str, int]:
        page = dashboard_service.figures(db, Scope(), today)
        return {m.month: m.sessions for m in page.coaching.per_month if m.sessions}

    # E on 1 Oct and 1 Dec 2025, A on 10 Jan and 10 Mar, B on 28 Feb (D's are of 2016)
    assert per_month(dt.date(2026, 3, 10)) == {"2025-10": 1, "2025-12": 1, "2026-01": 1, "2026-02": 1, "2026-03": 1}
    assert per_month(dt.date(2026, 3, 9)) == {"2025-10": 1, "2025-12": 1, "2026-01": 1, "2026-02": 1}
    # twelve months back from September 2026: October 2025 is the first
    assert per_month(dt.date(2026, 9, 30)) == {"2025-10": 1, "2025-12": 1, "2026-01": 1, "2026-02": 1, "2026-03": 1,
                                               "2026-06": 1}
    assert per_month(dt.date(2026, 10, 1)) == {"2025-12": 1, "2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-06": 1}
