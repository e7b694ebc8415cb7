"""Two ways a laptop's copy changes under it: a restore from a backup, and a
cooperative that moves to another region while its old coordinator still has
work on it. Against the in-process server, SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from factories import make_cooperative
from murafaqa_desktop import assets
from murafaqa_desktop.services import cooperatives
from murafaqa_desktop.store import changes
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.store.backup import backup_to, restore_from
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.sync import account, errors
from murafaqa_desktop.sync.engine import SyncEngine
from murafaqa_server import data
from server.mfq_harness import BASE, PASSWORD, Laptop
from sync.faults import Faulty


def server_rows(server) -> dict[str, dict]:
    with server.engine.connect() as conn:
        return {r.id: r.data for r in data.all_live(conn)}


def test_a_restored_laptop_enrols_again_and_ends_with_everything_once(server, tmp_path):
    """The backup is behind the server twice over: an edit waiting in its
    outbox (applied since), and edits made after it. After the restore the
    new enrolment is told the last change the server took under the
    backup's: the waiting edit is dropped, not sent again (no stale value,
    no conflict), and the laptop pulls back everything it had lost by
    restoring."""
    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    coop = make_cooperative(lap.db)
    lap.sync()
    cooperatives.update(lap.db, coop["id"], {"members": 25})  # waiting when the backup is taken
    saved = backup_to(lap.db, tmp_path / "usb.db")
    lap.sync()
    second = make_cooperative(lap.db, registration_number="RC-2022-0002")
    cooperatives.update(lap.db, coop["id"], {"members": 33})
    lap.sync()
    cursor_before = st.get_int(lap.db, "cursor")
    device_before = st.get(lap.db, "device_id")
    lap.db.close()

    restore_from(saved, lap.path)
    lap.db = open_db(lap.path)
    assert st.get(lap.db, "token") is None and st.get(lap.db, "device_id") is None
    assert st.get(lap.db, "previous_device_id") == device_before
    assert st.get_int(lap.db, "cursor") < cursor_before, "the backup's cursor: what came since is pulled again"
    assert st.outbox_count(lap.db) == 1
    account.enrol(lap.db, lap.transport, BASE, "ali", PASSWORD)
    assert st.outbox_count(lap.db) == 0, "the server took it under the backup's enrolment"
    assert st.get(lap.db, "device_id") != device_before and st.get(lap.db, "previous_device_id") is None
    report = lap.sync()

    assert report.pushed == 0
    held = server_rows(server)
    assert len(held) == 2 and held[coop["id"]]["members"] == 33
    for row_id in (coop["id"], second["id"]):  # what the restore took away is back, once
        assert changes.get_row(lap.db, "cooperatives", row_id) is not None
    assert changes.get_row(lap.db, "cooperatives", coop["id"])["members"] == 33
    numbers = [r["registration_number"] for r in st.synced_rows(lap.db, "cooperatives")]
    assert sorted(numbers) == ["RC-2022-0001", "RC-2022-0002"]
    assert st.conflicts(lap.db) == []
    assert lap.sync().pushed == 0
    lap.close()


def test_a_restored_laptop_sends_what_the_server_never_had(server, tmp_path):
    """The laptop died before its next sync: the backup's waiting edits
    never reached the server, and go under the new enrolment."""
    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    coop = make_cooperative(lap.db)
    lap.sync()
    cooperatives.update(lap.db, coop["id"], {"members": 25})
    third = make_cooperative(lap.db, registration_number="RC-2022-0003")
    saved = backup_to(lap.db, tmp_path / "usb.db")
    lap.db.close()

    restore_from(saved, lap.path)
    lap.db = open_db(lap.path)
    assert st.outbox_count(lap.db) == 2
    account.enrol(lap.db, lap.transport, BASE, "ali", PASSWORD)
    assert st.outbox_count(lap.db) == 2, "nothing the server lacks is dropped"
    assert lap.sync().pushed == 2
    held = server_rows(server)
    assert held[coop["id"]]["members"] == 25 and third["id"] in held
    assert st.conflicts(lap.db) == [] and lap.sync().pushed == 0
    lap.close()


def test_a_laptop_enrolling_again_does_not_send_twice_what_the_server_took(server, tmp_path):
    """A push the server applied whose answer never came back (the link
    fell), then a new enrolment (an expired token): the entry is not sent
    again under the new one."""
    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    coop = make_cooperative(lap.db)
    lap.sync()
    cooperatives.update(lap.db, coop["id"], {"members": 25})
    faulty = Faulty(lap.transport)
    faulty.plan = ["drop_response"]
    with pytest.raises(errors.SyncError):
        SyncEngine(lap.db, faulty).run()
    assert st.outbox_count(lap.db) == 1 and server_rows(server)[coop["id"]]["members"] == 25
    account.enrol(lap.db, lap.transport, BASE, "ali", PASSWORD)
    assert st.outbox_count(lap.db) == 0
    assert lap.sync().pushed == 0 and st.conflicts(lap.db) == []
    assert changes.get_row(lap.db, "cooperatives", coop["id"])["members"] == 25
    lap.close()


@pytest.fixture
def moved(server, tmp_path):
    """A cooperative of region 07 followed by its coach and the region's
    coordinator, who has two edits of it waiting when it moves to 01."""
    server.user("ali")
    coach = Laptop(server, tmp_path / "coach.db", "ali")
    coop = make_cooperative(coach.db)
    coach.sync()
    old = Laptop(server, tmp_path / "old.db", server.user("old", "coordinator", "07"))
    old.sync()
    cooperatives.update(old.db, coop["id"], {"members": 41})
    cooperatives.update(old.db, coop["id"], {"president": "Karim"})  # folds into the same entry
    with old.db.atomic():  # a sync tried it before the link fell: a later edit is an entry of its own
        st.mark_sent(old.db, [e["id"] for e in st.outbox_batch(old.db, 10)])
    cooperatives.update(old.db, coop["id"], {"phone": "0611111111"})
    assert st.outbox_count(old.db) == 2
    province = assets.reference().provinces_of("01")[0].code
    cooperatives.update(coach.db, coop["id"], {"region": "01", "province": province})
    coach.sync()
    yield coach, old, coop
    coach.close()
    old.close()


def test_the_old_coordinators_laptop_lets_go_only_once_its_outbox_drained(moved):
    coach, old, coop = moved
    faulty = Faulty(old.transport)
    # One entry per request; the move is learnt with the first answer, and the
    # link drops before the second entry goes.
    faulty.plan = ["ok"] * 1 + ["drop_request"]
    with pytest.raises(errors.SyncError):
        SyncEngine(old.db, faulty, batch=1).run()
    assert st.gone(old.db) == [coop["id"]] and st.outbox_count(old.db) == 1
    assert changes.get_row(old.db, "cooperatives", coop["id"]) is not None, "kept while work waits"
    report = SyncEngine(old.db, faulty, batch=1).run()
    assert report.evicted == [coop["id"]] and st.outbox_count(old.db) == 0
    assert st.synced_rows(old.db, "cooperatives") == []
    # Nothing typed was dropped silently: what the region no longer lets the
    # coordinator change is kept, for them, in conflicts.
    kept = [c["client_value"] for c in st.conflicts(old.db)]
    assert any("members" in (v or {}) for v in kept) and any("phone" in (v or {}) for v in kept)
    assert server_rows(old.server)[coop["id"]]["members"] != 41
    assert old.sync().evicted == []
