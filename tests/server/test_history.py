"""Who changed what: the server keeps every change it accepts, field by
field, in the push's own transaction, append-only (the database refuses an
UPDATE or a DELETE of it); ``GET /cooperatives/{key}/history`` reads a
cooperative's, newest first, in the caller's scope only."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError

from murafaqa_protocol.messages import SCHEMA_VERSION
from murafaqa_server.tables import history
from server.mfq_harness import PASSWORD

REG = "07/2022/00042"


def _enrol(server, user: str) -> tuple[dict[str, str], str]:
    r = server.client.post("/api/v1/enrol", json={"schema_version": SCHEMA_VERSION, "user": user,
                                                  "password": PASSWORD, "label": f"{user}'s laptop"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}, r.json()["device_id"]


def _push(server, headers, *mutations: dict) -> list[dict]:
    r = server.client.post("/api/v1/sync", json={"schema_version": SCHEMA_VERSION, "mutations": list(mutations)},
                           headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["results"]


def _history(server, headers, key: str = REG, **params):
    return server.client.get(f"/api/v1/cooperatives/{key}/history", headers=headers, params=params)


@pytest.fixture
def world(server):
    """Ali's cooperative (region 07) with a plan action; an admin, the
    coordinator of 07, the coordinator of 08 and another coach."""
    for name, role, region in (("ali", "coach", None), ("sara", "coach", None), ("boss", "admin", None),
                               ("coord", "coordinator", "07"), ("coord8", "coordinator", "08")):
        server.user(name, role, region)
    laptops = {name: _enrol(server, name) for name in ("ali", "sara", "boss", "coord", "coord8")}
    coop, action = str(uuid.uuid4()), str(uuid.uuid4())
    results = _push(server, laptops["ali"][0],
                    {"n": 1, "t": "cooperatives", "id": coop, "op": "upsert",
                     "f": {"registration_number": REG, "legal_date": "2022-01-01", "region": "07",
                           "name_fr": "Coopérative Tafoukt", "phone": "0612345678"}, "b": {}},
                    {"n": 2, "t": "plan_actions", "id": action, "op": "upsert",
                     "f": {"cooperative_id": coop, "axis": "marketing", "objective": "Vendre au souk",
                           "progress": 0}, "b": {}})
    assert [r["st"] for r in results] == ["ok", "ok"]
    return {"coop": coop, "action": action, "laptops": laptops, "seq": results[0]["seq"],
            "action_seq": results[1]["seq"]}


def test_an_insert_is_kept_field_by_field_with_who_and_which_laptop(server, world):
    r = _history(server, world["laptops"]["ali"][0])
    assert r.status_code == 200, r.text
    page = r.json()
    assert page["cooperative"] == world["coop"] and page["next"] is None
    created = {e["field"]: e for e in page["entries"] if e["table"] == "cooperatives"}
    assert set(created) == {"registration_number", "legal_date", "region", "name_fr", "phone"}
    name = created["name_fr"]
    assert (name["op"], name["old"], name["new"]) == ("insert", None, "Coopérative Tafoukt")
    assert name["user"] == "ali" and name["device"] == world["laptops"]["ali"][1]
    assert name["row"] == world["coop"] and name["seq"] == world["seq"] and name["at"].endswith("+00:00")
    # A child row belongs to its cooperative's history.
    action = {e["field"]: e for e in page["entries"] if e["table"] == "plan_actions"}
    assert action["objective"]["new"] == "Vendre au souk" and action["progress"]["new"] == 0
    assert action["objective"]["row"] == world["action"]


def test_an_update_keeps_old_and_new_of_the_changed_fields_only(server, world):
    coord_headers, coord_device = world["laptops"]["coord"]
    results = _push(server, coord_headers, {
        "n": 1, "t": "cooperatives", "id": world["coop"], "op": "upsert",
        "f": {"phone": "0699999999", "name_fr": "Coopérative Tafoukt"}, "b": {"phone": world["seq"]}})
    assert results[0]["st"] == "ok"
    newest = _history(server, world["laptops"]["ali"][0]).json()["entries"][0]
    assert (newest["op"], newest["field"], newest["old"], newest["new"]) == ("update", "phone", "0612345678",
                                                                             "0699999999")
    assert newest["user"] == "coord" and newest["device"] == coord_device and newest["seq"] == results[0]["seq"]
    # The unchanged name was sent again: it is no change.
    updates = [e for e in _history(server, coord_headers).json()["entries"] if e["op"] == "update"]
    assert [e["field"] for e in updates] == ["phone"]


def test_a_deletion_is_one_entry_keeping_the_row_as_it_was(server, world):
    results = _push(server, world["laptops"]["ali"][0], {
        "n": 3, "t": "plan_actions", "id": world["action"], "op": "delete", "f": {},
        "b": {"_row": world["action_seq"]}})
    assert results[0]["st"] == "ok"
    newest = _history(server, world["laptops"]["ali"][0]).json()["entries"][0]
    assert (newest["op"], newest["table"], newest["row"], newest["field"], newest["new"]) == (
        "delete", "plan_actions", world["action"], None, None)
    assert newest["old"]["objective"] == "Vendre au souk" and newest["old"]["cooperative_id"] == world["coop"]


def test_a_refused_change_leaves_no_history(server, world):
    """Sara may not touch Ali's cooperative: the server keeps her change in a
    conflict, not in the history of changes it accepted."""
    before = _history(server, world["laptops"]["boss"][0]).json()["entries"]
    results = _push(server, world["laptops"]["sara"][0], {
        "n": 1, "t": "cooperatives", "id": world["coop"], "op": "upsert", "f": {"phone": "0000"}, "b": {}})
    assert results[0]["st"] == "rejected"
    assert _history(server, world["laptops"]["boss"][0]).json()["entries"] == before


def test_pages_newest_first_until_the_end(server, world):
    headers = world["laptops"]["boss"][0]
    everything = _history(server, headers).json()["entries"]
    assert len(everything) == 9
    assert [e["id"] for e in everything] == sorted((e["id"] for e in everything), reverse=True)
    seen, before = [], None
    while True:
        page = _history(server, headers, limit=4, **({"before": before} if before else {})).json()
        seen += page["entries"]
        before = page["next"]
        if before is None:
            break
    assert seen == everything
    assert _history(server, headers, limit=0).status_code == 422


@pytest.mark.parametrize("who", ["boss", "coord", "ali"])
def test_a_cooperative_history_is_read_in_scope_by_registration_number_or_id(server, world, who):
    headers = world["laptops"][who][0]
    by_number = _history(server, headers)
    assert by_number.status_code == 200
    assert _history(server, headers, world["coop"]).json() == by_number.json()


@pytest.mark.parametrize("who", ["sara", "coord8"])
def test_outside_the_scope_the_history_answers_exactly_as_not_found(server, world, who):
    """A coach not assigned to the cooperative, a coordinator of another
    region: the answer a cooperative that does not exist gets."""
    headers = world["laptops"][who][0]
    for key in (REG, world["coop"]):
        hidden = _history(server, headers, key)
        missing = _history(server, headers, key + "-x")
        assert hidden.status_code == missing.status_code == 404
        assert hidden.json() == {"code": "not_found", "detail": f"No cooperative {key!r}."}
        assert missing.json() == {"code": "not_found", "detail": f"No cooperative {key + '-x'!r}."}
    # Assigned, the coach reads it.
    if who == "sara":
        server.assign("sara", world["coop"])
        assert _history(server, headers).status_code == 200


def test_the_history_cannot_be_changed_nor_deleted(server, world):
    """Append-only in the database itself, on SQLite as on PostgreSQL: an
    UPDATE or a DELETE fails whoever runs it, and the entries stay."""
    with server.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM history")).scalar_one()
    assert count == 9
    for statement in ("UPDATE history SET new_value = '\"forged\"'", "DELETE FROM history",
                      f"DELETE FROM history WHERE coop_id = '{world['coop']}'"):
        with pytest.raises(DBAPIError, match="append-only"), server.engine.begin() as conn:
            conn.execute(text(statement))
    with server.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM history")).scalar_one() == count
        assert conn.execute(text("SELECT count(*) FROM history WHERE new_value = '\"forged\"'")).scalar_one() == 0
    # Appending is what it is for.
    with server.engine.begin() as conn:
        conn.execute(insert(history).values(seq=1, at="2026-01-01T00:00:00+00:00", user_id=1, device_id="d",
                                            tbl="cooperatives", row_id="r", op="insert"))


def test_the_data_layer_has_no_way_to_change_the_history():
    """The code path: no statement of the server's modules updates or deletes it."""
    import pathlib

    import murafaqa_server

    root = pathlib.Path(murafaqa_server.__file__).parent
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        for forbidden in ("update(history", "delete(history", "UPDATE history", "DELETE FROM history"):
            assert forbidden not in source, (path.name, forbidden)
