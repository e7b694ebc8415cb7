"""The local store: schema from empty, pragmas, edits and outbox together."""
import json
import subprocess
import sys
import textwrap

import pytest

from factories import make_cooperative
from murafaqa_desktop.services import coaching, cooperatives, plans
from murafaqa_desktop.store import changes, integrity, outbox
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.store.migrations import MIGRATIONS


def test_migrations_from_empty_create_the_schema_once(db_path):
    db = open_db(db_path)
    applied = [m.name for m in MIGRATIONS.applied(db)]
    assert applied and applied[0] == "m001_initial"
    assert {"cooperatives", "outbox", "field_versions", "coaching_sessions", "cooperatives_fts"} <= set(
        db.table_names())
    db.close()
    again = open_db(db_path)  # re-opening applies nothing twice
    assert [m.name for m in MIGRATIONS.applied(again)] == applied
    assert MIGRATIONS.pending(again) == []


def test_the_pragmas_that_protect_a_coach_s_work(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_ids_are_uuid7_made_here(db):
    import uuid

    coop = make_cooperative(db)
    assert uuid.UUID(coop["id"]).version == 7


def test_an_edit_and_its_outbox_entry_are_written_together(db):
    coop = make_cooperative(db)
    [entry] = outbox.entries(db)
    assert entry["tbl"] == "cooperatives" and entry["row_id"] == coop["id"] and entry["op"] == "upsert"
    assert entry["fields"]["name_ar"] == "تعاونية الأمل"
    assert set(entry["base"]) == set(entry["fields"]) and set(entry["base"].values()) == {0}
    assert "rid" not in entry["fields"] and "updated_at" not in entry["fields"]


def test_a_failure_between_the_row_and_the_outbox_leaves_nothing(db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(changes, "_record", broken)
    with pytest.raises(RuntimeError):
        make_cooperative(db)
    assert db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 0
    assert outbox.pending_count(db) == 0


def test_writes_outside_a_transaction_are_refused(db):
    with pytest.raises(RuntimeError, match="atomic"):
        changes.insert(db, "cooperatives", {"registration_number": "X"})


def test_a_killed_process_keeps_what_was_committed_and_nothing_half_written(db_path):
    script = textwrap.dedent(f"""
        import os, signal
        from murafaqa_desktop.store.db import open_db
        from murafaqa_desktop.store import changes
        from murafaqa_desktop.services import cooperatives
        db = open_db({str(db_path)!r})
        base = dict(name_ar="تعاونية", legal_date="2022-01-01", region="01")
        cooperatives.create(db, dict(base, registration_number="COMMITTED"))
        with db.atomic():
            row = changes.insert(db, "cooperatives", dict(base, registration_number="HALF"))
            changes.update(db, "cooperatives", row["id"], {{"name_fr": "jamais"}})
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    db = open_db(db_path)
    regs = [r[0] for r in db.execute("SELECT registration_number FROM cooperatives")]
    assert regs == ["COMMITTED"]
    assert [e["fields"]["registration_number"] for e in outbox.entries(db)] == ["COMMITTED"]
    assert integrity.problems(db) == []


def test_later_edits_of_a_field_fold_into_the_unsent_entry(db):
    coop = make_cooperative(db)
    cooperatives.update(db, coop["id"], {"members": 25})
    cooperatives.update(db, coop["id"], {"members": 30, "commune": "Aït Ourir"})
    [entry] = outbox.entries(db)
    assert entry["fields"]["members"] == 30 and entry["fields"]["commune"] == "Aït Ourir"


def test_edits_never_fold_into_an_entry_a_push_has_carried(db):
    coop = make_cooperative(db)
    db.execute("UPDATE outbox SET sent = 1")
    db.execute("INSERT INTO field_versions VALUES ('cooperatives', ?, 'members', 41)", [coop["id"]])
    cooperatives.update(db, coop["id"], {"members": 30})
    cooperatives.update(db, coop["id"], {"members": 31})
    entries = outbox.entries(db)
    assert len(entries) == 2
    assert entries[1]["fields"] == {"members": 31} and entries[1]["base"] == {"members": 41}
    assert entries[0]["fields"]["members"] == 20  # what was sent stays exactly what was sent


def test_an_edit_that_changes_nothing_writes_nothing(db):
    coop = make_cooperative(db)
    assert cooperatives.update(db, coop["id"], {"members": 20, "name_ar": "تعاونية الأمل"}) == {}
    assert outbox.pending_count(db) == 1


def test_create_then_delete_offline_sends_nothing(db):
    coop = make_cooperative(db)
    action = plans.add_action(db, coop["id"], {"axis": "marketing", "objective": "Salon régional"})
    coaching.log_session(db, coop["id"], {"held_on": "2024-02-01"},
                         reviews=[{"action_id": action["id"], "progress": 20}])
    cooperatives.delete(db, coop["id"])
    assert outbox.pending_count(db) == 0
    assert db.execute("SELECT count(*) FROM plan_actions").fetchone()[0] == 0
    assert integrity.problems(db) == []


def test_deleting_a_row_the_server_knows_queues_a_deletion(db):
    coop = make_cooperative(db)
    db.execute("UPDATE outbox SET sent = 1")
    db.execute("INSERT INTO field_versions VALUES ('cooperatives', ?, 'name_ar', 7)", [coop["id"]])
    cooperatives.delete(db, coop["id"])
    last = outbox.entries(db)[-1]
    assert last["op"] == "delete" and last["row_id"] == coop["id"] and last["base"] == {"_row": 7}


def test_check_reports_a_broken_outbox(db):
    make_cooperative(db)
    db.execute("UPDATE outbox SET fields = ?", [json.dumps({"name_fr": "x", "members": 1})])
    db.execute("UPDATE outbox SET base = ?", [json.dumps({"name_fr": 0})])
    found = integrity.problems(db)
    assert any("without a base version" in line for line in found)
