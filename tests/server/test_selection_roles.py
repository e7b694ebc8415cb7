"""Calls, applications and decisions on the server: a call is the whole
programme's, its places and its applications are their region's; only a
coordinator or an administrator writes a call or a decision (a coach's push
doing so is refused whole with 403), a coach records applications and
ratings for the cooperatives in their scope."""
from __future__ import annotations

import uuid

import pytest

from murafaqa_server import data
from server.test_api import coop_mutation, enrol, server_state, sync

CALL = {"tranche": 4, "phase": 2, "title": "AMI", "opens_on": "2026-04-01", "closes_on": "2026-06-30",
        "reference_date": None}


def up(n: int, table: str, row_id: str, base: dict | None = None, **fields) -> dict:
    return {"n": n, "t": table, "id": row_id, "op": "upsert", "f": fields, "b": base or {}}


def application(n: int, app_id: str, call_id: str, coop_id: str, **extra) -> dict:
    return up(n, "applications", app_id, call_id=call_id, cooperative_id=coop_id, received_on="2026-05-01",
              complete=1, **extra)


def seen_ids(server, user: str) -> set[str]:
    """What a new laptop of the user pulls (a laptop is not sent back its own rows)."""
    r = sync(server, enrol(server, user), pull={"cursor": 0})
    assert r.status_code == 200, r.text
    return {c["id"] for c in r.json()["page"]["changes"]}


@pytest.fixture
def selection(server):
    """ali coaches a cooperative of region 07; coord manages 07, coord8 08; the
    call covers 07 and 08; ali has applied his cooperative."""
    server.user("ali")
    server.user("coord", "coordinator", "07")
    server.user("coord8", "coordinator", "08")
    server.user("boss", "admin")
    h = {u: enrol(server, u) for u in ("ali", "coord", "coord8", "boss")}
    coop, call, app = (str(uuid.uuid4()) for _ in range(3))
    p07, p08 = str(uuid.uuid4()), str(uuid.uuid4())
    r = sync(server, h["boss"], [up(1, "calls", call, **CALL)])
    assert r.json()["results"][0]["st"] == "ok"
    assert sync(server, h["coord"], [up(1, "call_places", p07, call_id=call, region="07", places=40)]
                ).json()["results"][0]["st"] == "ok"
    assert sync(server, h["coord8"], [up(1, "call_places", p08, call_id=call, region="08", places=35)]
                ).json()["results"][0]["st"] == "ok"
    r = sync(server, h["ali"], [coop_mutation(1, coop, "RC-A"), application(2, app, call, coop)])
    assert [x["st"] for x in r.json()["results"]] == ["ok", "ok"], r.text
    return {"h": h, "coop": coop, "call": call, "app": app, "p07": p07, "p08": p08}


def test_everyone_sees_the_call_and_only_their_region_s_places_and_applications(server, selection):
    s = selection
    assert seen_ids(server, "ali") >= {s["call"], s["p07"], s["coop"], s["app"]}
    assert s["p08"] not in seen_ids(server, "ali")
    assert seen_ids(server, "coord") >= {s["call"], s["p07"], s["app"]}
    coord8 = seen_ids(server, "coord8")
    assert s["call"] in coord8 and s["p08"] in coord8
    assert not {s["p07"], s["app"], s["coop"]} & coord8
    assert seen_ids(server, "boss") >= {s["call"], s["p07"], s["p08"], s["app"]}


def test_a_coach_s_decision_is_refused_with_403_and_nothing_of_the_push_is_written(server, selection):
    s = selection
    before = server_state(server)
    ratings = up(3, "application_ratings", str(uuid.uuid4()), application_id=s["app"], criterion="social_impact",
                 rating=2, evidence="constat")
    decision = up(4, "applications", s["app"], decision="retained", decision_reason=None)
    r = sync(server, s["h"]["ali"], [ratings, decision])
    assert r.status_code == 403, r.text
    assert r.json()["code"] == "forbidden"
    assert server_state(server) == before
    # The same rating alone goes through: a coach rates the applications in their scope.
    assert sync(server, s["h"]["ali"], [ratings]).json()["results"][0]["st"] == "ok"


@pytest.mark.parametrize("mutation", [
    lambda _s: up(3, "calls", str(uuid.uuid4()), **CALL),
    lambda s: up(3, "calls", s["call"], title="Autre"),
    lambda s: up(3, "call_places", s["p07"], places=99),
    lambda s: {"n": 3, "t": "calls", "id": s["call"], "op": "delete", "f": {}, "b": {}},
    lambda s: application(3, str(uuid.uuid4()), s["call"], s["coop"], decision="rejected",
                          decision_reason="x"),
    lambda s: up(3, "applications", s["app"], withdrawn_on="2026-08-01"),
], ids=["new call", "call edit", "places", "call deletion", "new decided application", "withdrawal"])
def test_a_coach_writes_no_call_no_places_and_no_decision(server, selection, mutation):
    s = selection
    before = server_state(server)
    r = sync(server, s["h"]["ali"], [mutation(s)])
    assert r.status_code == 403, r.text
    assert server_state(server) == before


def test_a_coach_may_send_a_decision_field_unchanged(server, selection):
    """A laptop sends the fields it edits; a decision field with the server's
    own value (empty here) writes nothing and is no decision."""
    s = selection
    r = sync(server, s["h"]["ali"], [up(3, "applications", s["app"], received_on="2026-05-02", decision=None)])
    assert r.status_code == 200 and r.json()["results"][0]["st"] == "ok"


def test_the_coordinator_of_the_region_decides_and_one_of_another_region_cannot(server, selection):
    s = selection
    base = dict.fromkeys(("decision", "decision_reason", "decided_by", "decided_on"), 10**6)
    r = sync(server, s["h"]["coord"], [up(2, "applications", s["app"], base, decision="retained",
                                          decided_by="coord", decided_on="2026-07-05")])
    assert r.status_code == 200 and r.json()["results"][0]["st"] == "ok"
    with server.engine.connect() as conn:
        assert data.get_record(conn, s["app"]).data["decision"] == "retained"
    r = sync(server, s["h"]["coord8"], [up(2, "applications", s["app"], base, decision="rejected",
                                           decision_reason="x")])
    assert r.status_code == 200 and r.json()["results"][0]["st"] == "rejected"
    with server.engine.connect() as conn:
        assert data.get_record(conn, s["app"]).data["decision"] == "retained"
    # Nor may they put places in a region not theirs.
    r = sync(server, s["h"]["coord8"], [up(3, "call_places", str(uuid.uuid4()), call_id=s["call"], region="07",
                                           places=3)])
    assert r.json()["results"][0]["st"] == "rejected"


def test_a_coach_records_no_application_for_a_cooperative_out_of_scope(server, selection):
    s = selection
    server.user("sara")
    sara = enrol(server, "sara")
    r = sync(server, sara, [application(1, str(uuid.uuid4()), s["call"], s["coop"])])
    assert r.json()["results"][0]["st"] == "rejected"


def test_a_place_s_region_stays_its_own(server, selection):
    s = selection
    r = sync(server, s["h"]["coord"], [up(2, "call_places", s["p07"], {"region": 10**6}, region="08")])
    assert r.json()["results"][0]["st"] == "conflict"
    assert s["p07"] not in seen_ids(server, "coord8")


def test_the_programme_s_mark_is_no_region_a_laptop_may_send(server, selection):
    s = selection
    r = sync(server, s["h"]["boss"], [up(2, "call_places", str(uuid.uuid4()), call_id=s["call"], region="*",
                                         places=1)])
    assert r.status_code == 422
