"""The demo programme looks like the real one."""
import datetime as dt

from murafaqa_desktop.services.demo import tranche_sizes
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store import integrity, outbox
from murafaqa_desktop.store.cooperatives import CooperativeFilter


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
