"""The HTTP API: authentication, scope on every endpoint, clear refusals
with nothing written, health and OpenAPI."""
from __future__ import annotations

import gzip
import json
import logging
import uuid

import pytest

from murafaqa_protocol.messages import SCHEMA_HEADER, SCHEMA_VERSION
from murafaqa_server import data
from server.mfq_harness import PASSWORD

V = SCHEMA_VERSION


def enrol(server, user: str) -> dict[str, str]:
    r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def coop_mutation(n: int, coop_id: str, reg: str = "RC-1", **fields) -> dict:
    f = {"registration_number": reg, "legal_date": "2022-01-01", "region": "07", **fields}
    return {"n": n, "t": "cooperatives", "id": coop_id, "op": "upsert", "f": f, "b": {}}


def sync(server, headers, mutations=(), pull=None, **extra):
    body = {"schema_version": V, "mutations": list(mutations), **extra}
    if pull is not None:
        body["pull"] = pull
    return server.client.post("/api/v1/sync", json=body, headers=headers)


def server_state(server):
    with server.engine.connect() as conn:
        return ([(r.id, r.data, r.seq) for r in data.all_live(conn)], data.all_conflicts(conn),
                data.current_sequence(conn))


@pytest.fixture
def world(server):
    """Two coaches, each with one cooperative of their own, and a coordinator of region 07."""
    server.user("ali")
    server.user("sara")
    server.user("coord", "coordinator", "07")
    server.user("coord8", "coordinator", "08")
    server.user("boss", "admin")
    ali, sara = enrol(server, "ali"), enrol(server, "sara")
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    assert sync(server, ali, [coop_mutation(1, mine, "RC-A")]).status_code == 200
    assert sync(server, sara, [coop_mutation(1, theirs, "RC-B")]).status_code == 200
    return {"ali": ali, "sara": sara, "mine": mine, "theirs": theirs}


def test_every_request_is_logged_with_its_status(server, caplog):
    with caplog.at_level(logging.INFO, logger="murafaqa_server"):
        server.client.get("/healthz")
        sync(server, {"Authorization": "Bearer nope"})
    events = [r.fields for r in caplog.records if r.getMessage() == "request"]
    assert [(e["method"], e["path"], e["status"]) for e in events] == [
        ("GET", "/healthz", 200), ("POST", "/api/v1/sync", 401)]
    assert all(e["ms"] >= 0 for e in events)


def test_dead_database_connections_fail_no_request(world, server):
    """PostgreSQL restarted, or a firewall cut idle connections: the pool's
    connections are dead, and every request still succeeds."""
    if server.kind != "postgres":
        pytest.skip("SQLite has no connection to lose")
    held = [server.engine.connect() for _ in range(4)]
    pids = [c.exec_driver_sql("SELECT pg_backend_pid()").scalar() for c in held]
    for c in held:
        c.close()
    with server.engine.connect() as killer:  # one of them, which survives
        for pid in pids:
            killer.exec_driver_sql(f"SELECT pg_terminate_backend({pid}) WHERE {pid} <> pg_backend_pid()")
    for n in range(4):
        assert server.client.get("/api/v1/me", headers=world["ali"]).status_code == 200
        r = sync(server, world["ali"], [{"n": 20 + n, "t": "cooperatives", "id": world["mine"], "op": "upsert",
                                         "f": {"members": n}, "b": {"members": 10**6}}], pull={"cursor": 0})
        assert r.status_code == 200 and r.json()["results"][0]["st"] == "ok"


def test_healthz_and_openapi(server):
    r = server.client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    spec = server.client.get("/openapi.json").json()
    assert "/api/v1/sync" in spec["paths"] and "/api/v1/enrol" in spec["paths"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic x"}])
def test_no_token_or_a_bad_one_is_401_and_writes_nothing(world, server, headers):
    before = server_state(server)
    r = sync(server, headers, [coop_mutation(2, str(uuid.uuid4()), "RC-Z")], pull={"cursor": 0})
    assert r.status_code == 401 and r.json()["detail"]
    assert server_state(server) == before


def test_bad_credentials_at_enrolment(server):
    server.user("ali")
    r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": "ali", "password": "wrong"})
    assert r.status_code == 401 and r.json()["code"] == "bad_credentials"


def test_a_disabled_user_is_refused_at_once(world, server):
    server.disable("ali")
    r = sync(server, world["ali"], pull={"cursor": 0})
    assert r.status_code == 401 and r.json()["code"] in ("disabled", "revoked")
    r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": "ali", "password": PASSWORD})
    assert r.status_code == 401


def test_a_revoked_token_is_refused_at_once(world, server):
    assert server.client.post("/api/v1/logout", headers=world["ali"]).status_code == 200
    r = sync(server, world["ali"], pull={"cursor": 0})
    assert r.status_code == 401 and r.json()["code"] == "revoked"


def test_bad_bodies_are_422_and_write_nothing(world, server):
    before = server_state(server)
    cases = [
        b"{not json",
        json.dumps({"schema_version": V, "mutations": [{"n": 0, "t": "cooperatives"}]}).encode(),
        json.dumps({"schema_version": V, "mutations": [
            coop_mutation(5, str(uuid.uuid4()), "RC-Q"),
            {"n": 6, "t": "nope", "id": "x", "op": "upsert", "f": {}, "b": {}}]}).encode(),
        json.dumps({"schema_version": V, "mutations": [
            {**coop_mutation(7, str(uuid.uuid4()), "RC-Q"), "f": {"password": "x"}}]}).encode(),
        json.dumps({"schema_version": V, "mutations": [
            {**coop_mutation(8, str(uuid.uuid4()), "RC-Q"), "f": {"notes": {"a": 1}}}]}).encode(),
    ]
    for raw in cases:
        r = server.client.post("/api/v1/sync", content=raw, headers={**world["ali"],
                                                                       "Content-Type": "application/json"})
        assert r.status_code == 422, raw
        assert r.json()["detail"]
    r = server.client.post("/api/v1/sync", content=b"garbage", headers={**world["ali"], "Content-Encoding": "gzip"})
    assert r.status_code == 422
    assert server_state(server) == before


def test_refusals_come_in_order_schema_header_then_token_then_body(world, server):
    def post(headers):
        r = server.client.post("/api/v1/sync", content=b"{not json", headers=headers)
        return r.status_code, r.json()["code"]

    assert post({"Authorization": "Bearer nope", SCHEMA_HEADER: str(V - 1)}) == (426, "update_required")
    assert post({}) == (401, "no_token")
    assert post({"Authorization": "Bearer nope"}) == (401, "bad_token")
    assert post(world["ali"]) == (422, "bad_body")


def test_gzip_bodies_are_accepted(world, server):
    other_laptop = enrol(server, "ali")  # Ali's first laptop already holds what it created
    raw = gzip.compress(json.dumps({"schema_version": V, "pull": {"cursor": 0}}).encode())
    r = server.client.post("/api/v1/sync", content=raw, headers={**other_laptop, "Content-Encoding": "gzip"})
    assert r.status_code == 200 and r.json()["page"]["changes"]


def test_an_old_laptop_is_told_to_update(world, server):
    before = server_state(server)
    r = server.client.post("/api/v1/sync", json={"schema_version": V - 1, "mutations": [
        coop_mutation(9, str(uuid.uuid4()), "RC-OLD")]}, headers={**world["ali"], SCHEMA_HEADER: str(V - 1)})
    assert r.status_code == 426 and "update" in r.json()["detail"]
    r = server.client.post("/api/v1/sync", json={"schema_version": V + 1}, headers=world["ali"])
    assert r.status_code == 426
    assert server_state(server) == before


def test_a_coach_reads_only_assigned_cooperatives(world, server):
    r = sync(server, enrol(server, "ali"), pull={"cursor": 0})
    ids = {c["id"] for c in r.json()["page"]["changes"]}
    assert world["mine"] in ids and world["theirs"] not in ids
    assert server.client.get(f"/api/v1/cooperatives/{world['theirs']}", headers=world["ali"]).status_code == 404
    assert server.client.get("/api/v1/cooperatives/RC-B", headers=world["ali"]).status_code == 404
    assert server.client.get(f"/api/v1/cooperatives/{world['mine']}", headers=world["ali"]).status_code == 200


def test_a_coach_cannot_write_an_unassigned_cooperative(world, server):
    theirs = world["theirs"]
    before = server_state(server)
    edits = [
        {"n": 10, "t": "cooperatives", "id": theirs, "op": "upsert", "f": {"members": 99}, "b": {"members": 99}},
        {"n": 11, "t": "plan_actions", "id": str(uuid.uuid4()), "op": "upsert",
         "f": {"cooperative_id": theirs, "axis": "marketing", "objective": "x"}, "b": {}},
        {"n": 12, "t": "cooperatives", "id": theirs, "op": "delete", "f": {}, "b": {"_row": 99}},
    ]
    r = sync(server, world["ali"], edits)
    assert r.status_code == 200
    assert [x["st"] for x in r.json()["results"]] == ["rejected"] * 3
    assert all(x["why"] == "forbidden" for x in r.json()["results"])
    live, conflicts, _ = server_state(server)
    assert live == before[0]  # no data written; the refused work is kept in conflicts for a human
    assert [c["kind"] for c in conflicts[len(before[1]):]] == ["forbidden"] * 3
    # ... and those conflicts never show the other coach's cooperative to Ali.
    page = sync(server, world["ali"], pull={"cursor": 0}).json()["page"]
    assert all(c["row"] != theirs or c.get("server") is None for c in page.get("conflicts", []))


def test_only_coordinators_assign_and_only_in_their_region(world, server):
    coord, coord8, boss = enrol(server, "coord"), enrol(server, "coord8"), enrol(server, "boss")
    body = {"schema_version": V, "coach": "ali", "cooperatives": ["RC-B"]}
    assert server.client.post("/api/v1/assignments", json=body, headers=world["ali"]).status_code == 403
    r = server.client.post("/api/v1/assignments", json=body, headers=coord8)
    assert r.status_code == 404 and r.json() == {"code": "not_found", "detail": "no cooperative 'RC-B'"}
    r = server.client.post("/api/v1/assignments", json=body, headers=coord)
    assert r.status_code == 200 and r.json()["changed"] == [world["theirs"]]
    assert server.client.get("/api/v1/cooperatives/RC-B", headers=world["ali"]).status_code == 200
    r = server.client.post("/api/v1/assignments", json={**body, "coach": "coord"}, headers=boss)
    assert r.status_code == 422  # a coordinator is not a coach
    r = server.client.post("/api/v1/assignments", json={**body, "cooperatives": ["RC-NONE"]}, headers=boss)
    assert r.status_code == 404


def test_assigning_another_regions_cooperative_answers_as_one_that_does_not_exist(world, server):
    """A coordinator learns nothing of the cooperatives of other regions, not
    even that they exist: the answer is the same, byte for byte, before the
    cooperative exists and once it does (in another region)."""
    coord8 = enrol(server, "coord8")
    body = {"schema_version": V, "coach": "ali", "cooperatives": ["RC-NEW"]}
    before = server.client.post("/api/v1/assignments", json=body, headers=coord8)
    assert sync(server, world["sara"], [coop_mutation(2, str(uuid.uuid4()), "RC-NEW")]).json()["results"][0]["st"] \
        == "ok"
    after = server.client.post("/api/v1/assignments", json=body, headers=coord8)
    assert (before.status_code, after.status_code) == (404, 404)
    assert before.content == after.content
    assert before.headers["content-type"] == after.headers["content-type"]
    with server.engine.connect() as conn:  # and nothing was assigned
        mine = data.coach_assignments(conn, data.user_by_name(conn, "ali")["id"])
    assert [a.coop_id for a in mine] == [world["mine"]]


def test_a_coordinator_sees_their_region_only(world, server):
    coord8 = enrol(server, "coord8")
    page = sync(server, coord8, pull={"cursor": 0}).json()["page"]
    assert page.get("changes", []) == []
    coord = enrol(server, "coord")
    ids = {c["id"] for c in sync(server, coord, pull={"cursor": 0}).json()["page"]["changes"]}
    assert ids == {world["mine"], world["theirs"]}


def test_a_replayed_push_changes_nothing(world, server):
    m = [coop_mutation(20, str(uuid.uuid4()), "RC-R"),
         {"n": 21, "t": "cooperatives", "id": world["mine"], "op": "upsert", "f": {"members": 5},
          "b": {"members": 1}}]
    first = sync(server, world["ali"], m).json()
    after_first = server_state(server)
    again = sync(server, world["ali"], m).json()
    assert server_state(server) == after_first
    assert [r["st"] for r in again["results"]] == ["replay", "replay"]
    assert first["last_n"] == again["last_n"] == 21


def test_the_sequence_has_no_gap(world, server):
    for n in range(30, 40):
        sync(server, world["ali"], [{"n": n, "t": "cooperatives", "id": world["mine"], "op": "upsert",
                                     "f": {"members": n}, "b": {"members": 10**6}}])
    with server.engine.connect() as conn:
        seqs = sorted({r.seq for r in data.all_live(conn)} | {c["seq"] for c in data.all_conflicts(conn)})
        assert data.current_sequence(conn) == seqs[-1]
    # every sequence below the current one was used by a row, a conflict or an assignment
    assert len(seqs) <= seqs[-1]


def test_a_coach_sees_the_trainings_of_their_regions_only(world, server):
    boss = enrol(server, "boss")
    sessions = {"07": str(uuid.uuid4()), "08": str(uuid.uuid4())}
    sync(server, boss, [{"n": i + 1, "t": "training_sessions", "id": sid, "op": "upsert",
                         "f": {"module_code": "G1", "held_on": "2024-01-01", "region": region}, "b": {}}
                        for i, (region, sid) in enumerate(sessions.items())])
    ids = {c["id"] for c in sync(server, enrol(server, "ali"), pull={"cursor": 0}).json()["page"]["changes"]}
    assert sessions["07"] in ids and sessions["08"] not in ids


def test_a_resolution_takes_one_sequence_once_and_only_in_scope(world, server):
    refused = {"n": 40, "t": "cooperatives", "id": world["theirs"], "op": "upsert", "f": {"members": 3}, "b": {}}
    assert sync(server, world["ali"], [refused]).json()["results"][0]["why"] == "forbidden"
    _, conflicts, top = server_state(server)
    assert conflicts[-1]["kind"] == "forbidden" and not conflicts[-1]["resolved"]
    sync(server, world["sara"], resolved=[conflicts[-1]["id"]])  # not hers
    assert server_state(server)[1:] == (conflicts, top)
    for _ in range(2):  # the second time, nothing is left to resolve
        assert sync(server, world["ali"], resolved=[conflicts[-1]["id"]]).status_code == 200
        _, after, seq = server_state(server)
        assert seq == top + 1 and after[-1]["resolved"] and after[-1]["seq"] == seq


def test_a_push_may_delete_a_session_and_log_another_under_its_number(world, server):
    def session(n: int, row_id: str) -> dict:
        return {"n": n, "t": "coaching_sessions", "id": row_id, "op": "upsert", "b": {},
                "f": {"cooperative_id": world["mine"], "number": 1, "held_on": "2024-01-01", "author": "ali"}}

    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    assert sync(server, world["ali"], [session(50, first)]).json()["results"][0]["st"] == "ok"
    r = sync(server, world["ali"], [{"n": 51, "t": "coaching_sessions", "id": first, "op": "delete", "f": {},
                                     "b": {"_row": 10**6}}, session(52, second)])
    assert r.status_code == 200 and [x["st"] for x in r.json()["results"]] == ["ok", "ok"]
    live = {row_id: fields for row_id, fields, _seq in server_state(server)[0]}
    assert first not in live and live[second]["number"] == 1


def test_a_push_may_move_unique_keys_between_its_rows(world, server):
    """A coach who finds two registration numbers swapped fixes them through
    a third value; the push carries the three edits at once and goes through
    (it used to fail on the unique index, and block every later sync)."""
    other = str(uuid.uuid4())
    assert sync(server, world["ali"], [coop_mutation(60, other, "RC-Z")]).status_code == 200
    top = server_state(server)[2]

    def renumber(n: int, coop_id: str, reg: str) -> dict:
        return {"n": n, "t": "cooperatives", "id": coop_id, "op": "upsert", "f": {"registration_number": reg},
                "b": {"registration_number": top}}

    r = sync(server, world["ali"], [renumber(61, world["mine"], "RC-TMP"), renumber(62, other, "RC-A"),
                                    renumber(63, world["mine"], "RC-Z")])
    assert r.status_code == 200, r.text
    assert [x["st"] for x in r.json()["results"]] == ["ok", "ok", "ok"]
    live, conflicts, _ = server_state(server)
    numbers = {row_id: fields["registration_number"] for row_id, fields, _seq in live}
    assert numbers[world["mine"]] == "RC-Z" and numbers[other] == "RC-A"
    assert conflicts == []
    # and a number still held by another cooperative stays refused, as a conflict
    r = sync(server, world["ali"], [renumber(64, other, "RC-Z")])
    assert r.json()["results"][0]["st"] == "conflict"
    assert numbers == {row_id: f["registration_number"] for row_id, f, _s in server_state(server)[0]}
