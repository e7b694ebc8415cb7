"""Schemathesis against the in-process server, generated from its own OpenAPI
document: every route, with the token of each role, on a server holding a
few cooperatives. No answer is a 5xx, every answer is one the document
declares with the body it declares, data outside the document is refused, and
the generated sync bodies reach the merge with mutations.

``MURAFAQA_FUZZ_EXAMPLES`` sets the cases per route, role and mode (positive
data, negative data); the run is deterministic (derandomized) unless
``MURAFAQA_FUZZ_SEED`` draws other cases (tests/fuzzing.py).
"""
from __future__ import annotations

import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import Phase, given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from fuzzing import EXAMPLES, fuzz
from murafaqa_protocol.messages import SCHEMA_VERSION
from murafaqa_server import merge, throttle
from server.mfq_harness import PASSWORD

ROLES = {"coach": "ali", "coordinator": "coord", "admin": "boss"}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance, negative_data_rejection, positive_data_acceptance]
# The project's settings, the command line's too (426 among the refusals of invalid data)
CONFIG = Path(__file__).resolve().parents[2] / "schemathesis.toml"


def _enrol(server, user: str) -> str:
    r = server.client.post("/api/v1/enrol", json={"schema_version": SCHEMA_VERSION, "user": user,
                                                  "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()["token"]


REGISTRATIONS = ("07/2022/00001", "07/2022/00002", "07/2021/00003", "08/2023/00004")


def _coops(*regs: str) -> list[dict[str, Any]]:
    return [{"n": n, "t": "cooperatives", "id": str(uuid.uuid4()), "op": "upsert",
             "f": {"registration_number": reg, "legal_date": "2022-01-01", "region": reg[:2]}, "b": {}}
            for n, reg in enumerate(regs, 1)]


def _seed(server) -> None:
    """Two coaches with cooperatives of their own in region 07, one in 08, a
    training session; a coordinator of 07 and an administrator."""
    server.user("ali")
    server.user("sara")
    server.user("coord", "coordinator", "07")
    server.user("boss", "admin")
    training = {"n": 1, "t": "training_sessions", "id": str(uuid.uuid4()), "op": "upsert",
                "f": {"module_code": "M1", "held_on": "2024-03-01", "region": "07"}, "b": {}}
    for user, mutations in (
            ("ali", _coops(*REGISTRATIONS[:2])),
            ("sara", _coops(*REGISTRATIONS[2:])),
            ("coord", [training])):
        token = _enrol(server, user)
        r = server.client.post("/api/v1/sync", json={"schema_version": SCHEMA_VERSION, "mutations": mutations},
                               headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200 and {x["st"] for x in r.json()["results"]} == {"ok"}, r.text


def _fuzz(server, op, mode: GenerationMode, user: str, token: str, statuses: Counter[tuple[str, int]],
          examples: int = EXAMPLES, **fixed: Any) -> None:
    """Generated requests to one route, as one user, each checked; ``fixed``
    holds parameters given rather than generated."""

    @fuzz(examples, phases=[Phase.explicit, Phase.generate])
    @given(case=op.as_strategy(generation_mode=mode, **fixed))
    def run(case):
        # Logging out revokes the token it is sent with, and a laptop's pushes
        # numbered below its last one are replays: those routes get a new laptop.
        fresh = op.path in ("/api/v1/logout", "/api/v1/sync")
        headers = {"Authorization": f"Bearer {_enrol(server, user) if fresh else token}"}
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)
        statuses[(op.label, response.status_code)] += 1

    run()


@pytest.mark.slow
def test_generated_requests_of_every_role_get_declared_answers_and_reach_the_merge(server, monkeypatch):
    _seed(server)
    tokens = {role: _enrol(server, user) for role, user in ROLES.items()}
    schema = schemathesis.openapi.from_asgi("/openapi.json", server.client.app,
                                            config=schemathesis.Config.from_path(CONFIG))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} == {
        "GET /healthz", "POST /api/v1/enrol", "POST /api/v1/sync", "POST /api/v1/assignments",
        "GET /api/v1/cooperatives/{key}", "GET /api/v1/cooperatives/{key}/history",
        "GET /api/v1/set-aside",
        "GET /api/v1/me", "POST /api/v1/logout", "PUT /api/v1/devices/me/escrow",
        "POST /api/v1/devices/recover"}
    # Generated sign-ins and recovery codes fail by the hundred from one
    # address: throttled, the run's own enrolments would be refused. The
    # throttle has tests of its own (test_security.py).
    monkeypatch.setattr(throttle, "THRESHOLD", 10**9)

    pushed: Counter[str] = Counter()  # what became of the mutations that reached the merge
    real_push = merge.push

    def counting_push(conn, actor, mutations, resolved, **kw):
        results, last_n = real_push(conn, actor, mutations, resolved, **kw)
        pushed.update(r.st for r in results)
        return results, last_n

    monkeypatch.setattr(merge, "push", counting_push)
    statuses: Counter[tuple[str, int]] = Counter()
    for role, user in ROLES.items():
        for op in operations:
            negatable = bool(op.body) or any(True for _ in op.iter_parameters())
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE) if negatable else (GenerationMode.POSITIVE,):
                # the merge is where the work is: more pushes
                examples = 3 * EXAMPLES if op.path == "/api/v1/sync" and mode.is_positive else EXAMPLES
                _fuzz(server, op, mode, user, tokens[role], statuses, examples)
            # generated keys name no cooperative: the real ones too
            if op.path in ("/api/v1/cooperatives/{key}", "/api/v1/cooperatives/{key}/history"):
                for reg in REGISTRATIONS:
                    _fuzz(server, op, GenerationMode.POSITIVE, user, tokens[role], statuses, examples=2,
                          path_parameters={"key": reg})
    cases = sum(statuses.values())

    print(f"\n{cases} cases; answers: {dict(sorted(statuses.items()))}; mutations merged: {dict(pushed)}")
    assert pushed["ok"] + pushed["conflict"] > 0, pushed  # generated mutations were applied...
    assert pushed["rejected"] > 0, pushed  # ...and refused, by the merge itself (not a 422 before it)
    for label in ("POST /api/v1/sync", "GET /api/v1/me", "POST /api/v1/logout", "GET /api/v1/cooperatives/{key}",
                  "GET /api/v1/cooperatives/{key}/history", "PUT /api/v1/devices/me/escrow"):
        assert statuses[(label, 200)] > 0, label
