"""Text PostgreSQL cannot store is refused before it reaches the database:
a NUL character anywhere a client sends text, a region code longer than its
column. Each used to end in a 500 on PostgreSQL (SQLite took it); now both
databases answer 4xx with the error body, and nothing is written."""
from __future__ import annotations

import uuid
from typing import Any

from murafaqa_protocol.messages import SCHEMA_VERSION
from server.mfq_harness import PASSWORD

V = SCHEMA_VERSION


def _token(server, user: str) -> dict[str, str]:
    r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _push(server, headers: dict[str, str], fields: dict[str, Any], row_id: str | None = None):
    mutation = {"n": 1, "t": "cooperatives", "id": row_id or str(uuid.uuid4()), "op": "upsert", "f": fields,
                "b": {}}
    return server.client.post("/api/v1/sync", json={"schema_version": V, "mutations": [mutation]},
                              headers=headers)


def _coop(**fields: Any) -> dict[str, Any]:
    return {"registration_number": "07/2024/00001", "legal_date": "2024-01-01", "region": "07", **fields}


def _sequence(server) -> int:
    return server.client.get("/healthz").json()["sequence"]


def test_a_nul_character_in_a_field_is_a_bad_body_and_nothing_is_written(server):
    server.user("boss", "admin")
    boss = _token(server, "boss")
    before = _sequence(server)
    for fields in (_coop(registration_number="07/2024/\x0000001"), _coop(name_fr="Tafoukt\x00"),
                   _coop(notes="a\x00b")):
        r = _push(server, boss, fields)
        assert r.status_code == 422, r.text
        assert r.json()["code"] == "bad_body" and "NUL" in r.json()["detail"]
    assert _sequence(server) == before


def test_an_edit_bringing_a_nul_into_a_unique_key_is_refused_too(server):
    server.user("boss", "admin")
    boss = _token(server, "boss")
    row_id = str(uuid.uuid4())
    assert _push(server, boss, _coop(), row_id).status_code == 200
    before = _sequence(server)
    r = server.client.post("/api/v1/sync", json={"schema_version": V, "mutations": [
        {"n": 2, "t": "cooperatives", "id": row_id, "op": "upsert",
         "f": {"registration_number": "07/2024/\x00"}, "b": {"registration_number": before}}]}, headers=boss)
    assert r.status_code == 422 and r.json()["code"] == "bad_body"
    assert _sequence(server) == before


def test_a_region_longer_than_a_region_code_is_refused(server):
    server.user("boss", "admin")
    boss = _token(server, "boss")
    r = _push(server, boss, _coop(region="07-casablanca"))
    assert r.status_code == 422 and r.json()["code"] == "bad_mutation" and "region" in r.json()["detail"]
    training = {"n": 1, "t": "training_sessions", "id": str(uuid.uuid4()), "op": "upsert",
                "f": {"module_code": "M1", "held_on": "2024-03-01", "region": "x" * 9}, "b": {}}
    r = server.client.post("/api/v1/sync", json={"schema_version": V, "mutations": [training]}, headers=boss)
    assert r.status_code == 422 and r.json()["code"] == "bad_mutation"


def test_a_nul_in_a_name_or_a_key_is_a_refusal_not_a_failure(server):
    server.user("boss", "admin")
    boss = _token(server, "boss")
    r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": "bo\x00ss", "password": PASSWORD})
    assert r.status_code in (401, 422), r.text
    r = server.client.post("/api/v1/assignments", json={"schema_version": V, "coach": "a\x00li",
                                                        "cooperatives": ["07/\x00"]}, headers=boss)
    assert 400 <= r.status_code < 500, r.text
    r = server.client.get("/api/v1/cooperatives/07%2F2024%00", headers=boss)
    assert r.status_code == 404, r.text
    r = server.client.get("/api/v1/cooperatives/07%2F2024%C0", headers=boss)  # not UTF-8 once decoded
    assert 400 <= r.status_code < 500, r.text
