"""The team a coordinator or an administrator receives with a sync: each
coach in scope, their cooperatives, and what their most recently synced
laptop told (when, its version, the changes waiting on it) — on SQLite and
PostgreSQL. Only a laptop that says what it is (``X-Murafaqa-Client``)
receives it: an older one would refuse the field."""
from __future__ import annotations

import datetime as dt
import itertools
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from murafaqa_protocol.messages import CLIENT_HEADER, SCHEMA_VERSION
from murafaqa_server import data
from murafaqa_server.tables import devices
from server.mfq_harness import PASSWORD

V = SCHEMA_VERSION
FIRST_PAGE: dict[str, Any] = {"cursor": 0}


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The server's clock a minute further at each reading: which laptop
    synced last is then never a tie of the same second."""
    start = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)
    ticks = itertools.count()
    monkeypatch.setattr(data, "now", lambda: (start + dt.timedelta(minutes=next(ticks))).isoformat())


def enrol(server, user: str) -> dict[str, str]:
    r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def cooperative(n: int, region: str) -> dict[str, Any]:
    return {"n": n, "t": "cooperatives", "id": str(uuid.uuid4()), "op": "upsert",
            "f": {"registration_number": f"{region}/2024/{uuid.uuid4().hex[:6]}", "legal_date": "2022-01-01",
                  "region": region}, "b": {}}


def sync(server, laptop: dict[str, str], mutations=(), *, client: str | None = None,
         pull: dict[str, Any] | None = FIRST_PAGE, status: int = 200) -> dict[str, Any]:
    headers = {**laptop, **({CLIENT_HEADER: client} if client is not None else {})}
    body: dict[str, Any] = {"schema_version": V, "mutations": list(mutations)}
    if pull is not None:
        body["pull"] = pull
    r = server.client.post("/api/v1/sync", json=body, headers=headers)
    assert r.status_code == status, r.text
    out: dict[str, Any] = r.json()
    return out


def laptop_rows(server, user: str) -> list[dict[str, Any]]:
    with server.engine.connect() as conn:
        user_id = data.user_by_name(conn, user)["id"]
        q = (select(devices.c.last_sync_at, devices.c.app_version, devices.c.pending_at_last_sync)
             .where(devices.c.user_id == user_id).order_by(devices.c.created_at))
        return [dict(r) for r in conn.execute(q).mappings()]


@pytest.fixture
def programme(server):
    """Region 07's coordinator follows: Ali (07, two cooperatives of 07, two
    laptops), Nadia (07, nothing assigned, never synced), Sara (08, one
    cooperative in 07 and one in 08). Omar (08, a cooperative of 08) runs an
    older application that says nothing of itself. Karim (07) is disabled."""
    for name, region in (("ali", "07"), ("nadia", "07"), ("sara", "08"), ("omar", "08"), ("karim", "07")):
        server.user(name, "coach", region)
    server.user("coord", "coordinator", "07")
    server.user("coord8", "coordinator", "08")
    server.user("boss", "admin")
    ali_old, ali = enrol(server, "ali"), enrol(server, "ali")
    a1, a2, s7, s8, o8, k7 = (cooperative(1, "07"), cooperative(2, "07"), cooperative(1, "07"), cooperative(2, "08"),
                              cooperative(1, "08"), cooperative(1, "07"))
    sync(server, ali_old, client="version=0.3.0; pending=9")
    sync(server, ali, [a1, a2], client="version=0.4.0; pending=2")
    sync(server, enrol(server, "sara"), [s7, s8], client="version=0.4.0; pending=5")
    sync(server, enrol(server, "omar"), [o8])
    sync(server, enrol(server, "karim"), [k7], client="version=0.4.0; pending=1")
    server.disable("karim")
    return {"a1": a1["id"], "a2": a2["id"], "s7": s7["id"], "s8": s8["id"], "o8": o8["id"]}


def by_coach(team: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {m["coach"]: m for m in team}


def test_each_laptop_keeps_what_it_told_at_its_last_sync(server, programme):
    old, new = laptop_rows(server, "ali")
    assert (old["app_version"], old["pending_at_last_sync"]) == ("0.3.0", 9)
    assert (new["app_version"], new["pending_at_last_sync"]) == ("0.4.0", 2)
    assert new["last_sync_at"] > old["last_sync_at"]
    with server.engine.connect() as conn:  # what `murafaqa-server device list --json` shows
        listed = {(d["name"], d["app_version"], d["pending_at_last_sync"]) for d in data.list_devices(conn)}
    assert {("ali", "0.3.0", 9), ("ali", "0.4.0", 2), ("omar", None, None)} <= listed
    [omar] = laptop_rows(server, "omar")
    assert omar["last_sync_at"] is not None and (omar["app_version"], omar["pending_at_last_sync"]) == (None, None)
    # a later sync says it again: what was waiting then, not before
    ali = enrol(server, "ali")
    sync(server, ali, client="version=0.4.1; pending=0")
    assert (laptop_rows(server, "ali")[-1]["app_version"], laptop_rows(server, "ali")[-1]["pending_at_last_sync"]) \
        == ("0.4.1", 0)


def test_a_coordinator_sees_the_coaches_of_their_region_and_those_working_in_it(server, programme):
    team = sync(server, enrol(server, "coord"), client="version=0.4.0; pending=0")["team"]
    assert [m["coach"] for m in team] == ["ali", "nadia", "sara"]  # not Omar (08, nothing in 07), not Karim (disabled)
    m = by_coach(team)
    assert sorted(m["ali"]["cooperatives"]) == sorted([programme["a1"], programme["a2"]])
    assert (m["ali"]["region"], m["ali"]["app_version"], m["ali"]["pending_at_last_sync"]) == ("07", "0.4.0", 2)
    assert m["nadia"] == {"coach": "nadia", "region": "07"}  # nothing assigned, never synced
    # Sara's cooperative of 08 is not the coordinator's to know of
    assert (m["sara"]["region"], m["sara"]["cooperatives"]) == ("08", [programme["s7"]])
    assert (m["sara"]["app_version"], m["sara"]["pending_at_last_sync"]) == ("0.4.0", 5)
    assert m["sara"]["last_sync"] == laptop_rows(server, "sara")[0]["last_sync_at"]

    team8 = by_coach(sync(server, enrol(server, "coord8"), client="version=0.4.0; pending=0")["team"])
    assert set(team8) == {"sara", "omar"}
    assert team8["sara"]["cooperatives"] == [programme["s8"]]
    assert team8["omar"]["cooperatives"] == [programme["o8"]]
    assert team8["omar"]["last_sync"] is not None and "app_version" not in team8["omar"]  # an older application


def test_an_administrator_sees_every_coach_of_every_region(server, programme):
    team = by_coach(sync(server, enrol(server, "boss"), client="version=0.4.0; pending=0")["team"])
    assert set(team) == {"ali", "nadia", "sara", "omar"}
    assert sorted(team["sara"]["cooperatives"]) == sorted([programme["s7"], programme["s8"]])
    assert team["ali"]["app_version"] == "0.4.0"


def test_a_coach_never_receives_a_team(server, programme):
    answer = sync(server, enrol(server, "ali"), client="version=0.4.0; pending=0")
    assert "team" not in answer and answer["page"]["changes"]


def test_a_laptop_that_does_not_say_what_it_is_gets_no_team_and_syncs_as_before(server, programme):
    answer = sync(server, enrol(server, "coord"))
    assert "team" not in answer
    assert {c["id"] for c in answer["page"]["changes"]} >= {programme["a1"], programme["s7"]}


def test_a_team_of_no_one_is_said_as_such(server, programme):
    server.user("coord5", "coordinator", "05")
    assert sync(server, enrol(server, "coord5"), client="version=0.4.0; pending=0")["team"] == []


def test_the_team_comes_with_the_page_that_ends_a_pull(server, programme):
    coord = enrol(server, "coord")
    page = sync(server, coord, client="version=0.4.0; pending=0", pull={"cursor": 0, "limit": 1})
    assert page["page"]["more"] and "team" not in page["page"] and "team" not in page
    pages = 1
    while True:
        p = page["page"]
        page = sync(server, coord, client="version=0.4.0; pending=0",
                    pull={"cursor": 0, "target": p["target"], "after": p["after"], "limit": 1})
        pages += 1
        if not page["page"].get("more"):
            break
        assert "team" not in page
    assert pages > 2 and [m["coach"] for m in page["team"]] == ["ali", "nadia", "sara"]
    # a request that asks for no pull (a push alone) has no page to wait for: it gets the team
    alone = sync(server, coord, [cooperative(1, "07")], client="version=0.4.0; pending=1", pull=None)
    assert "page" not in alone and len(alone["team"]) == 3


def test_an_unassigned_or_deleted_cooperative_leaves_the_coachs_list(server, programme):
    server.assign("ali", programme["a1"], active=False)
    ali = enrol(server, "ali")
    sync(server, ali, [{"n": 1, "t": "cooperatives", "id": programme["a2"], "op": "delete", "f": {},
                        "b": {"_row": 10**6}}], client="version=0.4.0; pending=1")
    team = by_coach(sync(server, enrol(server, "coord"), client="version=0.4.0; pending=0")["team"])
    assert "cooperatives" not in team["ali"]  # an empty list, left out as every default


@pytest.mark.parametrize("header", ["version=0.4.0", "pending=3; version=0.4.0", "version=0.4.0; pending=-1",
                                    "version=; pending=1", "version=0.4.0; pending=1; x", "0.4.0 12"])
def test_a_header_not_of_its_pattern_is_refused_and_nothing_is_written(server, programme, header):
    coord = enrol(server, "coord")
    with server.engine.connect() as conn:
        before = (data.current_sequence(conn), len(data.all_live(conn)))
    answer = sync(server, coord, [cooperative(1, "07")], client=header, status=422)
    assert answer["code"] == "bad_client_header"
    with server.engine.connect() as conn:
        assert (data.current_sequence(conn), len(data.all_live(conn))) == before
    assert laptop_rows(server, "coord")[-1]["last_sync_at"] is None


def test_what_a_laptop_tells_is_kept_with_its_push_or_not_at_all(server, programme):
    """A push refused whole (a table the protocol does not know) keeps
    nothing of what the laptop told either: one transaction."""
    coord = enrol(server, "coord")
    bad = {"n": 1, "t": "no_such_table", "id": str(uuid.uuid4()), "op": "upsert", "f": {}, "b": {}}
    assert sync(server, coord, [bad], client="version=0.4.0; pending=1", status=422)["code"] == "bad_mutation"
    assert laptop_rows(server, "coord")[-1] == {"last_sync_at": None, "app_version": None,
                                                "pending_at_last_sync": None}


def test_the_token_is_checked_before_the_header(server, programme):
    r = server.client.post("/api/v1/sync", json={"schema_version": V}, headers={CLIENT_HEADER: "nonsense"})
    assert r.status_code == 401


def test_a_newer_laptop_may_tell_more_than_this_server_reads(server, programme):
    boss = enrol(server, "boss")
    assert "team" in sync(server, boss, client="version=0.5.0; pending=4; os=windows-10")
    assert laptop_rows(server, "boss")[-1]["app_version"] == "0.5.0"


# -- the OpenAPI document says it --------------------------------------------------------------

def _doc_validator(doc: dict[str, Any], schema: dict[str, Any]):
    import jsonschema_rs

    return jsonschema_rs.validator_for({**schema, "components": doc["components"]})


def test_the_document_declares_the_header_with_the_pattern_the_server_reads(server, programme):
    doc = server.client.get("/openapi.json").json()
    [param] = [p for p in doc["paths"]["/api/v1/sync"]["post"]["parameters"] if p["name"] == CLIENT_HEADER]
    assert param["in"] == "header" and not param["required"]
    header = _doc_validator(doc, param["schema"])
    for value in ("version=0.4.0; pending=12", "version=0.5.0;pending=0; os=windows-10"):
        assert header.is_valid(value)
    for value in ("version=0.4.0", "version=0.4.0; pending=-1", "0.4.0 12"):
        assert not header.is_valid(value)
        assert sync(server, enrol(server, "boss"), client=value, status=422)["code"] == "bad_client_header"


def test_a_team_answer_is_one_the_document_declares(server, programme):
    doc = server.client.get("/openapi.json").json()
    schema = doc["paths"]["/api/v1/sync"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    answer = sync(server, enrol(server, "boss"), client="version=0.4.0; pending=0")
    assert answer["team"] and _doc_validator(doc, schema).is_valid(answer)
    member = doc["components"]["schemas"]["TeamMember"]
    assert set(member["properties"]) == {"coach", "region", "cooperatives", "last_sync", "app_version",
                                         "pending_at_last_sync"}
    assert not _doc_validator(doc, schema).is_valid({**answer, "team": [{"coach": "x", "secret": 1}]})
