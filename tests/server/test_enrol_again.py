"""A laptop enrolling again (a restored backup, an expired token) says which
enrolment its database had; the server tells it the last change it took
under that one, and only when it was the same user's. An older laptop,
which does not ask, never sees the new field (it forbids unknown ones)."""
from __future__ import annotations

import uuid

from murafaqa_protocol.messages import PREVIOUS_DEVICE_HEADER, SCHEMA_VERSION, EnrolResponse
from server.mfq_harness import PASSWORD

V = SCHEMA_VERSION


def _enrol(server, user: str, previous: str | None = None):
    headers = {PREVIOUS_DEVICE_HEADER: previous} if previous is not None else {}
    return server.client.post("/api/v1/enrol", json={"schema_version": V, "user": user, "password": PASSWORD},
                              headers=headers)


def _push(server, token: str, numbers: range) -> None:
    coop = str(uuid.uuid4())
    mutations = [{"n": n, "t": "cooperatives", "id": coop, "op": "upsert",
                  "f": {"registration_number": "RC-1", "legal_date": "2022-01-01", "region": "07",
                        "members": 10 + n}, "b": {}} for n in numbers]
    r = server.client.post("/api/v1/sync", json={"schema_version": V, "mutations": mutations},
                           headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text


def test_the_previous_enrolment_s_last_change_is_told_to_its_user_only(server):
    server.user("ali")
    server.user("sara")
    first = _enrol(server, "ali").json()
    assert "previous_last_n" not in first, "a laptop that did not ask gets the answer it always got"
    EnrolResponse.model_validate(first)
    _push(server, first["token"], range(1, 8))

    again = _enrol(server, "ali", first["device_id"])
    assert again.status_code == 200 and again.json()["previous_last_n"] == 7
    assert again.json()["device_id"] != first["device_id"]

    # another user's laptop, or one the server does not know: nothing to tell
    assert _enrol(server, "sara", first["device_id"]).json()["previous_last_n"] is None
    assert _enrol(server, "ali", str(uuid.uuid4())).json()["previous_last_n"] is None


def test_a_malformed_previous_enrolment_is_refused_and_enrols_nothing(server):
    server.user("ali")
    with server.engine.connect() as conn:
        before = conn.exec_driver_sql("SELECT count(*) FROM devices").scalar()
    r = _enrol(server, "ali", "x' OR 1=1 --")
    assert r.status_code == 422 and r.json()["detail"]
    with server.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM devices").scalar() == before
