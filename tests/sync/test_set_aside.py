"""One mutation the server cannot apply, whatever the error, no longer blocks
a laptop's sync: it is set aside with its reason (on the server for the
coordinator of its region, on the laptop for its user), and the rest goes on.
On SQLite and on PostgreSQL."""
from __future__ import annotations

import json

import pytest
from sqlalchemy.exc import DataError

from factories import make_cooperative
from murafaqa_desktop.services import cooperatives
from murafaqa_desktop.store import changes
from murafaqa_desktop.store import outbox as outbox_store
from murafaqa_desktop.store import set_aside as aside_store
from murafaqa_protocol.messages import SCHEMA_HEADER, SCHEMA_VERSION
from murafaqa_server import data
from murafaqa_server.rules import Rules
from server.mfq_harness import BASE, PASSWORD, Laptop
from sync.faults import Faulty
from sync.test_cli_sync import wired  # noqa: F401 - the fixture


def three_new_cooperatives(lap: Laptop) -> list[dict]:
    return [make_cooperative(lap.db, registration_number=f"RC-2022-000{i}") for i in (1, 2, 3)]


def live_ids(server) -> set[str]:
    with server.engine.connect() as conn:
        return {r.id for r in data.all_live(conn)}


def token_of(server, user: str) -> str:
    answer = server.client.post("/api/v1/enrol", json={"schema_version": SCHEMA_VERSION, "user": user,
                                                       "password": PASSWORD})
    return answer.json()["token"]


def set_aside_seen_by(server, user: str) -> list[dict]:
    answer = server.client.get("/api/v1/set-aside", headers={"Authorization": f"Bearer {token_of(server, user)}",
                                                             SCHEMA_HEADER: str(SCHEMA_VERSION)})
    assert answer.status_code == 200, answer.text
    return answer.json()


@pytest.fixture
def failing_rule(monkeypatch):
    """The merge raises, for one row id, an error no rule foresaw."""
    doomed: set[str] = set()
    real = Rules.apply

    def apply(self, m):
        if m.id in doomed:
            raise RuntimeError("unforeseen state of the row")
        return real(self, m)

    monkeypatch.setattr(Rules, "apply", apply)
    return doomed


def test_an_unexpected_failure_of_the_merge_sets_one_mutation_aside_and_the_rest_goes_on(
        server, tmp_path, failing_rule):
    server.user("ali", "coach", "07")
    server.user("karim", "coordinator", "07")
    server.user("nadia", "coordinator", "01")
    lap = Laptop(server, tmp_path / "ali.db", "ali")
    first, doomed, third = three_new_cooperatives(lap)
    failing_rule.add(doomed["id"])

    report = lap.sync()

    assert live_ids(server) == {first["id"], third["id"]}, "the two others were applied"
    assert report.set_aside == 1 and report.pushed == 2
    assert outbox_store.pending_count(lap.db) == 0, "nothing left to block the next sync"
    [kept] = aside_store.entries(lap.db)
    assert (kept["row_id"], kept["reason"]) == (doomed["id"], aside_store.SERVER)
    assert kept["fields"]["registration_number"] == "RC-2022-0002"
    local = changes.get_row(lap.db, "cooperatives", doomed["id"])
    assert local is not None and local["registration_number"] == "RC-2022-0002", "the row stays as typed"

    # The coordinator of its region sees it, with its reason and content; another region's does not.
    [seen] = set_aside_seen_by(server, "karim")
    assert (seen["row"], seen["t"], seen["user"], seen["region"]) == (doomed["id"], "cooperatives", "ali", "07")
    assert "RuntimeError" in seen["reason"] and seen["content"]["f"]["registration_number"] == "RC-2022-0002"
    assert set_aside_seen_by(server, "nadia") == []
    assert [s["row"] for s in set_aside_seen_by(server, "ali")] == [doomed["id"]]

    # Later edits go through as usual: the queue is not blocked.
    cooperatives.update(lap.db, first["id"], {"members": 33})
    again = lap.sync()
    assert again.set_aside == 0 and again.pushed == 1
    with server.engine.connect() as conn:
        assert {r.id: r.data for r in data.all_live(conn)}[first["id"]]["members"] == 33


def test_a_write_the_database_refuses_sets_that_mutation_aside(server, tmp_path, monkeypatch):
    """The failure comes at the end, in the push's writes (a DBAPI error: on
    PostgreSQL the push is first tried again alone, then one by one)."""
    server.user("ali", "coach", "07")
    lap = Laptop(server, tmp_path / "ali.db", "ali")
    first, doomed, third = three_new_cooperatives(lap)
    real = data.write_records

    def write_records(conn, new, changed):
        if any(r.id == doomed["id"] for r in new):
            raise DataError("INSERT INTO records …", {}, ValueError("value out of range"))
        return real(conn, new, changed)

    monkeypatch.setattr(data, "write_records", write_records)
    report = lap.sync()
    assert live_ids(server) == {first["id"], third["id"]}
    assert report.set_aside == 1
    with server.engine.connect() as conn:
        [row] = conn.execute(data.select(data.set_aside)).mappings().all()
    assert row["row_id"] == doomed["id"] and "DataError" in row["reason"]


def test_a_resent_push_whose_answer_was_lost_keeps_the_entry_aside(server, tmp_path, failing_rule):
    server.user("ali", "coach", "07")
    lap = Laptop(server, tmp_path / "ali.db", "ali")
    first, doomed, third = three_new_cooperatives(lap)
    failing_rule.add(doomed["id"])
    faulty = Faulty(lap.transport)
    faulty.plan = ["drop_response"]
    lap.transport = faulty
    with pytest.raises(Exception):  # noqa: B017 - the lost answer
        lap.sync()
    report = lap.sync()
    assert report.set_aside == 1
    assert changes.get_row(lap.db, "cooperatives", doomed["id"]) is not None, "not taken for a row gone"
    assert [e["row_id"] for e in aside_store.entries(lap.db)] == [doomed["id"]]
    with server.engine.connect() as conn:
        assert len(conn.execute(data.select(data.set_aside)).all()) == 1, "recorded once"


def test_an_entry_the_protocol_cannot_carry_is_set_aside_on_the_laptop_before_sending(server, tmp_path):
    """A server refuses a whole body holding one (422): resent as is, it
    would block every later sync."""
    server.user("ali", "coach", "07")
    lap = Laptop(server, tmp_path / "ali.db", "ali")
    first, broken, third = three_new_cooperatives(lap)
    entry = [e for e in outbox_store.entries(lap.db) if e["row_id"] == broken["id"]][0]
    fields = {**entry["fields"], "president": "Fatima\x00"}  # text no message may carry
    with lap.db.atomic():
        lap.db.execute("UPDATE outbox SET fields = ? WHERE id = ?", [json.dumps(fields), entry["id"]])

    report = lap.sync()

    assert live_ids(server) == {first["id"], third["id"]}
    assert report.set_aside == 1 and outbox_store.pending_count(lap.db) == 0
    [kept] = aside_store.entries(lap.db)
    assert kept["reason"] == aside_store.INVALID and "NUL" in kept["detail"]
    assert lap.sync().set_aside == 0


def test_murafaqa_sync_says_what_was_set_aside(wired, tmp_path, failing_rule, monkeypatch, capsys):  # noqa: F811
    from murafaqa_desktop import cli
    from murafaqa_desktop.store.db import open_db

    server = wired
    server.user("ali", "coach", "07")
    path = tmp_path / "ali.db"
    db = open_db(path)
    first, doomed, third = [make_cooperative(db, registration_number=f"RC-{i}") for i in (1, 2, 3)]
    db.close()
    failing_rule.add(doomed["id"])
    monkeypatch.setenv("MURAFAQA_PASSWORD", PASSWORD)
    assert cli.main(["sync", "--db", str(path), "--server", BASE, "--user", "ali"]) == 0
    assert "1 modification(s) mise(s) de côté" in capsys.readouterr().out
