"""The demo programme looks like the real one."""
import datetime as dt

import pytest

from murafaqa_desktop.domain import coaching as rules
from murafaqa_desktop.domain.plan import status_for_progress
from murafaqa_desktop.services import profile
from murafaqa_desktop.services.coaching import session_dates
from murafaqa_desktop.services.demo import Cancelled, generate, is_demo, tranche_sizes
from murafaqa_desktop.store import aggregates, integrity, outbox
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store.cooperatives import CooperativeFilter
from murafaqa_desktop.store.db import open_db


def test_tranche_sizes_follow_the_programme():
    assert tranche_sizes(1990) == {1: 438, 2: 478, 3: 474, 4: 600}
    assert tranche_sizes(60000)[4] == 60000 - 1390
    small = tranche_sizes(200)
    assert sum(small.values()) == 200 and small[4] > small[1] > 0


def test_demo_database_is_whole_and_never_queued_for_sync(demo_db):
    assert integrity.problems(demo_db) == []
    assert outbox.pending_count(demo_db) == 0
    regions = {r[0] for r in demo_db.execute("SELECT DISTINCT region FROM cooperatives")}
    assert len(regions) == 12
    phases = {tuple(r) for r in demo_db.execute("SELECT DISTINCT tranche, phase FROM cooperatives WHERE tranche = 4")}
    assert phases == {(4, 1), (4, 2)}


def test_demo_has_every_stage_of_coaching_and_some_overdue(demo_db):
    done = {r[0] for r in demo_db.execute("SELECT done FROM coaching_progress")}
    assert 12 in done and len(done) >= 5
    assert store.count(demo_db, CooperativeFilter(overdue=True, as_of=dt.date(2026, 11, 15))) > 0
    assert store.count(demo_db, CooperativeFilter(eligible=False)) > 0
    assert demo_db.execute("SELECT count(*) FROM training_attendance").fetchone()[0] > 0


def _dump(db) -> list[str]:
    """The schema and every row of every table (SQLCipher's driver has no iterdump)."""
    out = [repr(r) for r in db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")]
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                              " ORDER BY name").fetchall():
        out += [repr(r) for r in db.execute(f'SELECT * FROM "{name}" ORDER BY 1')]
    return out


def _looks_until_done(db) -> int:
    """How many times a whole small load asks whether to stop."""
    looks = [0]

    def never() -> bool:
        looks[0] += 1
        return False

    generate(db, 30, seed=3, should_cancel=never)
    db.close()
    return looks[0]


@pytest.mark.parametrize("at", ["first", "generating", "writing", "last"])
def test_a_cancelled_load_leaves_the_database_as_it_was(tmp_path, at):
    total = _looks_until_done(open_db(tmp_path / "whole.db"))
    # the writing phase starts once every cooperative, the trainings and the financing are made
    stop_at = {"first": 1, "generating": 15, "writing": 30 + 3, "last": total}[at]
    db = open_db(tmp_path / "cancelled.db")
    profile.save(db, "Fatima Zahra", "07")
    before = _dump(db)
    looks = [0]

    def stop() -> bool:
        looks[0] += 1
        return looks[0] >= stop_at

    with pytest.raises(Cancelled):
        generate(db, 30, seed=3, should_cancel=stop)
    assert looks[0] == stop_at
    assert _dump(db) == before
    assert not is_demo(db) and profile.get(db) == {"coach": "Fatima Zahra", "region": "07"}
    generate(db, 30, seed=3)  # and a whole load can follow
    assert store.count(db, CooperativeFilter()) == 30
    db.close()


def test_demo_sessions_and_plans_keep_the_rules_a_coach_is_held_to(demo_db):
    coops = [r[0] for r in demo_db.execute("SELECT DISTINCT cooperative_id FROM coaching_sessions")]
    for coop_id in coops:
        dates = session_dates(aggregates.coaching_sessions(demo_db, coop_id))
        for s in dates:
            rules.check_next_date(s.held_on, s.next_date, rules.window_start(dates, s.number, s.held_on))
    for status, progress in demo_db.execute("SELECT status, progress FROM plan_actions"):
        assert status_for_progress(status, progress) == status
