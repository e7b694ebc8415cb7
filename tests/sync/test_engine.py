"""The sync engine against the in-process server (SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest

from factories import make_cooperative
from murafaqa_desktop.services import coaching, cooperatives, plans
from murafaqa_desktop.store import changes, local
from murafaqa_desktop.store import outbox as outbox_store
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.sync import account, errors
from murafaqa_desktop.sync.engine import SyncEngine, SyncReport
from murafaqa_desktop.sync.transport import HttpTransport
from murafaqa_server import data
from server.mfq_harness import BASE, PASSWORD, Laptop, coaches_sharing_a_cooperative
from sync.faults import Faulty


def rows(laptop: Laptop, table: str) -> list[dict]:
    return st.synced_rows(laptop.db, table)


@pytest.fixture
def pair(server, tmp_path):
    """Two coaches' laptops sharing one cooperative."""
    a, b, coop = coaches_sharing_a_cooperative(server, tmp_path)
    yield a, b, coop
    a.close()
    b.close()


def test_small_sync_is_one_round_trip_and_copies_converge(pair):
    a, b, coop = pair
    assert rows(a, "cooperatives") == rows(b, "cooperatives")
    report = a.sync()
    assert report.round_trips == 1 and report.pushed == 0 and report.pulled == 0


def test_edits_of_different_fields_both_survive(pair):
    a, b, coop = pair
    cooperatives.update(a.db, coop["id"], {"members": 30})
    cooperatives.update(b.db, coop["id"], {"president": "Karima"})
    a.sync(), b.sync(), a.sync()
    for lap in (a, b):
        row = changes.get_row(lap.db, "cooperatives", coop["id"])
        assert (row["members"], row["president"]) == (30, "Karima")
    assert st.conflicts(a.db) == [] and st.conflicts(b.db) == []


def test_same_field_to_another_value_keeps_the_server_value_and_records_a_conflict(pair, server):
    a, b, coop = pair
    cooperatives.update(a.db, coop["id"], {"members": 30})
    cooperatives.update(b.db, coop["id"], {"members": 44})
    a.sync()
    report = b.sync()
    assert report.conflicts_new == 1
    a.sync()
    for lap in (a, b):
        assert changes.get_row(lap.db, "cooperatives", coop["id"])["members"] == 30
        [c] = st.conflicts(lap.db)
        assert (c["field"], c["server_value"], c["client_value"], c["kind"]) == ("members", 30, 44, "conflict")
    coordinator = server.user("coord", "coordinator", "07")
    c_lap = Laptop(server, a.path.parent / "c.db", coordinator)
    c_lap.sync()
    assert [c["client_value"] for c in st.conflicts(c_lap.db)] == [44]


def test_same_field_to_the_same_value_is_no_conflict(pair):
    a, b, coop = pair
    cooperatives.update(a.db, coop["id"], {"members": 30})
    cooperatives.update(b.db, coop["id"], {"members": 30})
    a.sync(), b.sync()
    assert st.conflicts(b.db) == [] and outbox_store.pending_count(b.db) == 0


def test_resolving_a_conflict_is_an_ordinary_edit(pair):
    a, b, coop = pair
    cooperatives.update(a.db, coop["id"], {"members": 30})
    cooperatives.update(b.db, coop["id"], {"members": 44})
    a.sync(), b.sync()
    [c] = st.conflicts(b.db)
    from murafaqa_desktop.sync import conflicts as resolve

    resolve.resolve(b.db, c["id"], 40)
    assert outbox_store.pending_count(b.db) == 1 and st.conflicts(b.db) == []
    b.sync(), a.sync()
    assert changes.get_row(a.db, "cooperatives", coop["id"])["members"] == 40
    assert st.conflicts(a.db) == []  # the resolution reached the other laptop


def test_delete_against_edit_is_a_conflict_and_the_row_comes_back(pair):
    a, b, coop = pair
    action = plans.add_action(a.db, coop["id"], {"axis": "marketing", "objective": "Vendre en ligne"})
    a.sync(), b.sync()
    plans.update_action(a.db, action["id"], {"owner": "Fatima"})
    plans.delete_action(b.db, action["id"])
    a.sync()
    b.sync()
    row = changes.get_row(b.db, "plan_actions", action["id"])
    assert row is not None and row["owner"] == "Fatima"
    assert [c["kind"] for c in st.conflicts(b.db)] == ["delete_vs_edit"]


def test_a_deletion_reaches_the_other_laptop_with_its_children(pair):
    a, b, coop = pair
    action = plans.add_action(a.db, coop["id"], {"axis": "marketing", "objective": "Vendre"})
    a.sync(), b.sync()
    cooperatives.delete(a.db, coop["id"])
    a.sync(), b.sync()
    assert rows(b, "cooperatives") == [] and rows(b, "plan_actions") == []
    assert changes.get_row(b.db, "plan_actions", action["id"]) is None


def test_create_then_delete_offline_sends_nothing(pair):
    a, b, coop = pair
    action = plans.add_action(a.db, coop["id"], {"axis": "marketing", "objective": "x"})
    plans.delete_action(a.db, action["id"])
    assert outbox_store.pending_count(a.db) == 0
    assert a.sync().pushed == 0


def test_two_laptops_numbering_the_same_session_keep_both(pair):
    a, b, coop = pair
    s_a = coaching.log_session(a.db, coop["id"], {"held_on": "2024-03-01", "topics": "[]"})
    s_b = coaching.log_session(b.db, coop["id"], {"held_on": "2024-03-02", "topics": "[]"})
    assert s_a["number"] == s_b["number"] == 1
    a.sync(), b.sync(), a.sync()
    for lap in (a, b):
        sessions = {r["id"]: r["number"] for r in rows(lap, "coaching_sessions")}
        assert sessions == {s_a["id"]: 1, s_b["id"]: 2}
        assert local.get_meta is not None
        assert coaching.progress(lap.db, coop["id"]).done == 2
    assert [c["kind"] for c in st.conflicts(b.db)] == ["renumbered"]


def test_coaching_progress_cache_follows_pulled_sessions(pair):
    a, b, coop = pair
    coaching.log_session(a.db, coop["id"], {"held_on": "2024-03-01", "topics": "[]"})
    a.sync(), b.sync()
    done = b.db.execute("SELECT done FROM coaching_progress WHERE cooperative_id = ?", [coop["id"]]).fetchone()
    assert done == (1,)


def test_the_same_cooperative_created_on_two_laptops_keeps_both(server, tmp_path):
    server.user("ali")
    server.user("sara")
    a = Laptop(server, tmp_path / "a.db", "ali")
    b = Laptop(server, tmp_path / "b.db", "sara")
    c1 = make_cooperative(a.db)
    c2 = make_cooperative(b.db)
    a.sync()
    b.sync()
    reg = changes.get_row(b.db, "cooperatives", c2["id"])["registration_number"]
    assert reg.startswith("RC-2022-0001~") and c1["registration_number"] == "RC-2022-0001"
    [c] = st.conflicts(b.db)
    assert (c["kind"], c["field"], c["client_value"]) == ("duplicate", "registration_number", "RC-2022-0001")


def test_a_lost_response_is_resent_without_duplicates(pair, server):
    a, b, coop = pair
    faulty = Faulty(a.transport)
    engine = SyncEngine(a.db, faulty)
    coaching.log_session(a.db, coop["id"], {"held_on": "2024-03-01", "topics": "[]"})
    cooperatives.update(a.db, coop["id"], {"members": 31})
    faulty.plan = ["drop_response"]
    with pytest.raises(errors.SyncError) as e:
        engine.run()
    assert e.value.kind == "network"
    assert outbox_store.pending_count(a.db) == 2
    cooperatives.update(a.db, coop["id"], {"members": 32})  # a later edit: a new entry
    faulty.plan = ["duplicate"]
    engine.run()
    assert outbox_store.pending_count(a.db) == 0
    b.sync()
    assert len(rows(b, "coaching_sessions")) == 1
    assert changes.get_row(b.db, "cooperatives", coop["id"])["members"] == 32
    with server.engine.connect() as conn:
        assert len([r for r in data.all_live(conn) if r.tbl == "coaching_sessions"]) == 1
        assert data.all_conflicts(conn) == []


def test_a_paged_pull_cut_in_the_middle_resumes_from_the_last_page(server, tmp_path):
    server.user("ali")
    server.user("sara")
    a = Laptop(server, tmp_path / "a.db", "ali")
    ids = [make_cooperative(a.db, registration_number=f"RC-{i:04d}")["id"] for i in range(12)]
    a.sync()
    server.assign("sara", *ids)
    b = Laptop(server, tmp_path / "b.db", "sara")
    faulty = Faulty(b.transport)
    engine = SyncEngine(b.db, faulty, page_rows=5)
    faulty.plan = ["ok", "drop_request"]
    with pytest.raises(errors.SyncError):
        engine.run()
    assert st.staged_count(b.db) == 5 and st.get_int(b.db, "cursor") == 0
    assert rows(b, "cooperatives") == []  # nothing shows before the end
    cooperatives.update(a.db, ids[0], {"members": 77})  # changes while the pull is cut
    a.sync()
    faulty.sent.clear()
    engine.run()
    assert [body.pull.after for _, body in faulty.sent][0] > 0  # resumed, not restarted
    assert len(faulty.sent) == 2
    b.sync()
    assert rows(b, "cooperatives") == rows(a, "cooperatives")


def test_a_newly_assigned_cooperative_arrives_whole(server, tmp_path):
    server.user("ali")
    server.user("sara")
    a = Laptop(server, tmp_path / "a.db", "ali")
    coop = make_cooperative(a.db)
    plans.add_action(a.db, coop["id"], {"axis": "marketing", "objective": "x"})
    coaching.log_session(a.db, coop["id"], {"held_on": "2024-03-01", "topics": "[]"})
    a.sync()
    b = Laptop(server, tmp_path / "b.db", "sara")
    b.sync()
    assert rows(b, "cooperatives") == []
    server.assign("sara", coop["id"])
    b.sync()
    for t in ("cooperatives", "plan_actions", "coaching_sessions"):
        assert rows(b, t) == rows(a, t) and rows(b, t)


def test_an_unassigned_cooperative_leaves_only_after_the_outbox_drained(pair, server):
    a, b, coop = pair
    cooperatives.update(b.db, coop["id"], {"members": 50})
    server.assign("sara", coop["id"], active=False)
    faulty = Faulty(b.transport)
    engine = SyncEngine(b.db, faulty)
    # Sara's edit reached no one yet; the unassignment is known; her edit is refused, kept in a conflict.
    report = engine.run()
    assert report.evicted == [coop["id"]]
    assert rows(b, "cooperatives") == []
    assert [c["kind"] for c in st.conflicts(b.db)] == ["forbidden"]
    assert st.conflicts(b.db)[0]["client_value"] == {"members": 50}


def test_eviction_waits_for_pending_work(pair, server):
    a, b, coop = pair
    server.assign("sara", coop["id"], active=False)
    faulty = Faulty(b.transport)
    engine = SyncEngine(b.db, faulty, batch=1)
    with b.db.atomic():
        st.add_gone(b.db, [coop["id"]])
    cooperatives.update(b.db, coop["id"], {"members": 50})
    cooperatives.update(b.db, coop["id"], {"president": "X"})  # folds into the same entry
    report = SyncReport()
    with b.db.atomic():
        engine._evict(report)
    assert report.evicted == [] and rows(b, "cooperatives")


def test_schema_mismatch_says_update_the_application(pair, monkeypatch):
    a, b, coop = pair
    import murafaqa_desktop.sync.engine as engine_mod
    import murafaqa_desktop.sync.transport as transport_mod

    monkeypatch.setattr(engine_mod, "SCHEMA_VERSION", 0)
    monkeypatch.setattr(transport_mod, "SCHEMA_VERSION", 0)
    cooperatives.update(a.db, coop["id"], {"members": 30})
    with pytest.raises(errors.SyncError) as e:
        a.sync()
    assert e.value.kind == "update" and "Mettez à jour" in e.value.fr
    assert outbox_store.pending_count(a.db) == 1


def test_a_demo_database_is_never_pushed(demo_db, server):
    transport = HttpTransport(BASE, client=server.client)
    with pytest.raises(errors.SyncError) as e:
        SyncEngine(demo_db, transport).run()
    assert e.value.kind == "refused" and "démonstration" in e.value.fr
    server.user("ali")
    with pytest.raises(errors.SyncError):
        account.enrol(demo_db, transport, BASE, "ali", "secret-pass-1")


def test_a_database_belongs_to_one_user(pair):
    a, b, coop = pair
    with pytest.raises(errors.SyncError) as e:
        account.enrol(a.db, a.transport, BASE, "sara", "secret-pass-1")
    assert "ali" in e.value.fr
    assert account.account_db_path("sara") != account.account_db_path("ali")


def test_offline_login(pair):
    a, _b, _coop = pair
    assert account.offline_login(a.db, "ali", "secret-pass-1")
    assert not account.offline_login(a.db, "ali", "wrong")
    assert not account.offline_login(a.db, "sara", "secret-pass-1")


def test_a_revoked_laptop_is_refused_at_once(pair, server):
    a, b, coop = pair
    server.disable("ali")
    with pytest.raises(errors.SyncError) as e:
        a.sync()
    assert e.value.kind == "auth"


def test_a_coordinator_assigns_from_the_desktop(server, tmp_path):
    from murafaqa_desktop.sync.assign import assign

    server.user("ali")
    server.user("sara")
    server.user("coord", "coordinator", "07")
    a = Laptop(server, tmp_path / "a.db", "ali")
    coop = make_cooperative(a.db)
    a.sync()
    c = Laptop(server, tmp_path / "c.db", "coord")
    assert assign(c.db, "sara", ["RC-2022-0001"], client=server.client) == [coop["id"]]
    b = Laptop(server, tmp_path / "b.db", "sara")
    b.sync()
    assert rows(b, "cooperatives") == rows(a, "cooperatives")
    with pytest.raises(errors.SyncError) as e:
        assign(b.db, "ali", [coop["id"]], client=server.client)  # a coach may not
    assert e.value.kind == "forbidden"


def test_an_unassignment_during_a_paged_pull_still_takes_the_cooperative_away(server, tmp_path):
    server.user("ali")
    server.user("sara")
    a = Laptop(server, tmp_path / "a.db", "ali")
    ids = [make_cooperative(a.db, registration_number=f"RC-{i:04d}")["id"] for i in range(6)]
    a.sync()
    server.assign("sara", *ids)
    b = Laptop(server, tmp_path / "b.db", "sara")
    faulty = Faulty(b.transport)
    engine = SyncEngine(b.db, faulty, page_rows=2)
    faulty.plan = ["ok", "drop_request"]
    with pytest.raises(errors.SyncError):
        engine.run()
    staged_ids = {r["id"] for r in st.staged(b.db)}
    server.assign("sara", *staged_ids, active=False)
    engine.run()
    assert {r["id"] for r in rows(b, "cooperatives")} == set(ids) - staged_ids


def test_a_cooperative_moved_to_another_region_reaches_its_coordinator_whole(server, tmp_path):
    server.user("ali")
    server.user("coord8", "coordinator", "08")
    a = Laptop(server, tmp_path / "a.db", "ali")
    coop = make_cooperative(a.db)
    plans.add_action(a.db, coop["id"], {"axis": "marketing", "objective": "x"})
    a.sync()
    c = Laptop(server, tmp_path / "c.db", "coord8")
    c.sync()
    assert rows(c, "cooperatives") == []
    cooperatives.update(a.db, coop["id"], {"region": "08", "province": None})
    a.sync()
    report = c.sync()
    assert report.unapplied == []
    for t in ("cooperatives", "plan_actions"):
        assert rows(c, t) == rows(a, t) and rows(c, t)


def test_a_restored_backup_enrols_again_and_loses_nothing_typed_after_it(server, tmp_path):
    """A backup holds older mutation numbers than the server has applied from
    this laptop: pushed under the same enrolment, what is typed after the
    restore would be taken for replays and dropped."""
    from murafaqa_desktop.store.backup import backup_to, restore_from
    from murafaqa_desktop.store.db import open_db

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    coop = make_cooperative(lap.db)
    lap.sync()
    saved = backup_to(lap.db, tmp_path / "saved.db")
    for members in (31, 32, 33):  # numbered after the backup, applied by the server
        cooperatives.update(lap.db, coop["id"], {"members": members})
        lap.sync()
    lap.db.close()
    restore_from(saved, lap.path)
    lap.db = open_db(lap.path)
    assert st.get(lap.db, "token") is None, "the restored database must enrol again before it syncs"
    with pytest.raises(errors.SyncError):
        lap.sync()
    assert st.get(lap.db, "server") and account.enrolled_user(lap.db) == "ali"  # kept to fill the form
    plans.add_action(lap.db, coop["id"], {"axis": "marketing", "objective": "Après la restauration"})
    cooperatives.update(lap.db, coop["id"], {"president": "Khadija"})
    account.enrol(lap.db, lap.transport, BASE, "ali", PASSWORD)
    lap.sync()
    with server.engine.connect() as conn:
        held = {r.id: r.data for r in data.all_live(conn)}
    assert held[coop["id"]]["president"] == "Khadija"
    assert any(d.get("objective") == "Après la restauration" for d in held.values())
    assert outbox_store.pending_count(lap.db) == 0
    lap.close()


def test_a_cooperative_that_moves_region_leaves_the_old_coordinators_laptop(server, tmp_path):
    from murafaqa_desktop import assets

    server.user("ali")
    coach = Laptop(server, tmp_path / "coach.db", "ali")
    coop = make_cooperative(coach.db)
    coach.sync()
    old = Laptop(server, tmp_path / "old.db", server.user("old", "coordinator", coop["region"]))
    new = Laptop(server, tmp_path / "new.db", server.user("new", "coordinator", "01"))
    old.sync(), new.sync()
    assert [r["id"] for r in rows(old, "cooperatives")] == [coop["id"]] and rows(new, "cooperatives") == []

    province = assets.reference().provinces_of("01")[0].code
    cooperatives.update(coach.db, coop["id"], {"region": "01", "province": province})
    coach.sync()
    report = old.sync()
    assert rows(old, "cooperatives") == [], "the old region's coordinator no longer holds it"
    assert report.round_trips >= 1
    new.sync()
    assert [r["region"] for r in rows(new, "cooperatives")] == ["01"]  # and the new one has it whole
    assert old.sync().pulled == 0  # told once, not on every sync
    for lap in (coach, old, new):
        lap.close()


def test_new_rows_go_in_a_batch_and_a_batch_with_a_row_that_cannot_go_in_falls_back_to_one_by_one(
        server, tmp_path):
    """A first sync's rows go in a few statements a table; when one of them
    cannot go in yet (here a parent this laptop does not hold), the others
    still do, one by one, and that one stays staged for the next sync."""
    from murafaqa_desktop.store.ids import new_id

    server.user("ali")
    a = Laptop(server, tmp_path / "a.db", "ali")
    coop = make_cooperative(a.db)
    a.sync()
    fields = dict.fromkeys(("position", "indicator", "owner", "due_date", "status", "estimated_cost", "progress"))
    good = [{"t": "plan_actions", "id": new_id(), "s": 90 + i, "w": True,
             "f": {**fields, "cooperative_id": coop["id"], "axis": "marketing", "objective": f"Vendre {i}"}}
            for i in range(3)]
    orphan = {"t": "plan_actions", "id": new_id(), "s": 95, "w": True,
              "f": {**fields, "cooperative_id": new_id(), "axis": "marketing", "objective": "Sans coopérative"}}
    with a.db.atomic():
        st.stage(a.db, [*good, orphan])
        report = SyncReport()
        SyncEngine(a.db, a.transport)._apply_staged(report)
    assert sorted(r["objective"] for r in rows(a, "plan_actions")) == ["Vendre 0", "Vendre 1", "Vendre 2"]
    assert report.unapplied == [f"plan_actions:{orphan['id']}"]
    assert [r["id"] for r in st.staged(a.db)] == [orphan["id"]]
    assert st.versions(a.db, "plan_actions", good[0]["id"])["objective"] == 90
