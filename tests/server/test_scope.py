"""The scope is declared once: the predicate pushes use and the SQL pulls use
agree, row by row, for every role, on a small hand-built set of rows (rows
with and without a cooperative, with and without a region, assigned and
unassigned cooperatives, conflicts of the caller and of others)."""
from __future__ import annotations

import pytest

from murafaqa_server import data, scope
from murafaqa_server.data import Record

# cooperative -> region; ali is assigned A and C, and B was taken from him.
COOPERATIVES = {"A": "07", "B": "07", "C": "08", "D": None}
TRAININGS = {"T07": "07", "T08": "08", "T09": "09", "T--": None}
# A call for applications is the whole programme's; its places are their region's.
CALLS = {"CALL": scope.PROGRAMME}
PLACES = {"CP07": "07", "CP09": "09"}

# What each of them sees: hand-written, so that predicate and SQL agreeing
# on a wrong declaration would still fail.
EXPECTED = {
    "boss": {*COOPERATIVES, *(f"{c}-fin" for c in COOPERATIVES), *TRAININGS, *CALLS, *PLACES},
    "coord": {"A", "A-fin", "B", "B-fin", "T07", "CALL", "CP07"},
    "ali": {"A", "A-fin", "C", "C-fin", "T07", "T08", "CALL", "CP07"},  # his cooperatives' regions
    "nadia": {"T09", "CALL", "CP09"},  # her own region; no cooperative
}


def _record(tbl: str, row_id: str, coop_id: str | None, region: str | None, seq: int) -> Record:
    return Record(tbl=tbl, id=row_id, data={}, versions={}, seq=seq, cseq=seq, coop_id=coop_id, region=region)


@pytest.fixture
def actors(server) -> dict[str, data.Actor]:
    server.user("ali")
    server.user("nadia", "coach", "09")
    server.user("coord", "coordinator", "07")
    server.user("boss", "admin")
    with server.engine.begin() as conn:
        users = {u["name"]: u for u in data.list_users(conn)}
        rows = [_record("cooperatives", c, c, region, 1) for c, region in COOPERATIVES.items()]
        rows += [_record("financing", f"{c}-fin", c, region, 2) for c, region in COOPERATIVES.items()]
        rows += [_record("training_sessions", t, None, region, 3) for t, region in TRAININGS.items()]
        rows += [_record("calls", c, None, region, 3) for c, region in CALLS.items()]
        rows += [_record("call_places", c, None, region, 3) for c, region in PLACES.items()]
        data.insert_records(conn, rows)
        ali = users["ali"]["id"]
        for coop_id in ("A", "B", "C"):
            data.assign(conn, ali, coop_id, True, 4)
        data.assign(conn, ali, "B", False, 5)
        # Every row's conflict, once by ali and once by nadia.
        conflicts = [{"seq": 6, "device_id": f"laptop-{u}", "n": n, "user_id": users[u]["id"], "tbl": r.tbl,
                      "row_id": r.id, "coop_id": r.coop_id, "region": r.region, "field": None, "kind": "conflict",
                      "server_value": None, "client_value": None}
                     for u in ("ali", "nadia") for n, r in enumerate(rows, 1)]
        data.add_conflicts(conn, conflicts)
        data.save_sequence(conn, 6)
    return {name: data.Actor(u["id"], name, u["role"], u["region"]) for name, u in users.items()}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_predicate_and_sql_agree_on_rows(server, actors, who):
    actor = actors[who]
    with server.engine.connect() as conn:
        every = data.all_live(conn)
        by_sql = {r.id for r in data.changes_page(conn, actor, 0, 0, 1000, set())}
        seen = scope.Scope(conn, actor)
        by_predicate = {r.id for r in every if seen.sees(r.coop_id, r.region)}
    assert len(every) == 15
    assert by_sql == by_predicate == EXPECTED[who]


@pytest.mark.parametrize("who", list(EXPECTED))
def test_predicate_and_sql_agree_on_conflicts(server, actors, who):
    """A conflict is seen in the scope of its row, and by its author always."""
    actor = actors[who]
    with server.engine.connect() as conn:
        every = data.all_conflicts(conn)
        by_sql = {c["id"] for c in data.conflicts_since(conn, actor, 0)}
        seen = scope.Scope(conn, actor)
        by_predicate = {c["id"] for c in every if seen.sees(c["coop_id"], c["region"], c["user_id"])}
        own = {c["id"] for c in every if c["user_id"] == actor.user_id}
        in_scope = {c["id"] for c in every if c["row_id"] in EXPECTED[who]}
    assert len(every) == 30
    assert by_sql == by_predicate == in_scope | own


def test_a_cooperative_added_in_the_unit_of_work_is_in_scope_at_once(server, actors):
    """A coach's new cooperative is theirs before its assignment is written
    (the push that creates it may create its rows too)."""
    with server.engine.connect() as conn:
        seen = scope.Scope(conn, actors["nadia"])
        assert not seen.sees("NEW", "09")
        seen.add_cooperative("NEW")
        assert seen.sees("NEW", "09") and seen.sees("NEW", None)
