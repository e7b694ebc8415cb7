"""The OpenAPI document says what the server does: every reference resolves,
every refusal a route gives is declared with the body it really has, and the
bodies the laptop sends are valid against it. The order of the refusals is
the same on every route."""
from __future__ import annotations

import gzip
import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest

from murafaqa_protocol.messages import SCHEMA_HEADER, SCHEMA_VERSION
from murafaqa_protocol.tables import TABLES
from server.mfq_harness import PASSWORD

V = SCHEMA_VERSION

# What each route answers, and nothing else (FastAPI's own 422 body is never sent).
STATUSES = {
    ("get", "/healthz"): {"200"},
    ("post", "/api/v1/enrol"): {"200", "401", "408", "413", "422", "426", "429"},
    ("post", "/api/v1/sync"): {"200", "401", "403", "408", "413", "422", "426"},
    ("post", "/api/v1/assignments"): {"200", "401", "403", "404", "408", "413", "422", "426"},
    ("get", "/api/v1/cooperatives/{key}"): {"200", "401", "404", "426"},
    ("get", "/api/v1/cooperatives/{key}/history"): {"200", "401", "404", "422", "426"},
    ("get", "/api/v1/set-aside"): {"200", "401", "426"},
    ("get", "/api/v1/me"): {"200", "401", "426"},
    ("post", "/api/v1/logout"): {"200", "401", "426"},
    ("put", "/api/v1/devices/me/escrow"): {"200", "401", "422", "426", "503"},
    ("post", "/api/v1/devices/recover"): {"200", "401", "422", "429", "503"},
}
# The routes a laptop calls with no token: its credentials, or a recovery
# code (its token is inside the database it cannot open).
NO_TOKEN = {"/api/v1/enrol", "/api/v1/devices/recover"}


@pytest.fixture
def doc(server) -> dict[str, Any]:
    return server.client.get("/openapi.json").json()


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                yield v
            else:
                yield from _refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from _refs(v)


def _validator(doc: dict[str, Any], ref: str) -> jsonschema_rs.Validator:
    """A validator of one schema of the document, its references resolved
    against the document itself (as a client generator resolves them)."""
    return jsonschema_rs.validator_for({"$ref": ref, "components": doc["components"]})


def _body_ref(doc: dict[str, Any], path: str) -> str:
    return doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]


def test_every_reference_resolves_in_components(doc):
    schemas = doc["components"]["schemas"]
    refs = set(_refs(doc))
    assert refs, "no reference at all"
    for ref in refs:
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.rsplit("/", 1)[1] in schemas, ref


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from _keys(v)
    elif isinstance(node, list):
        for v in node:
            yield from _keys(v)


def test_bounds_are_published_in_json_schema_terms(doc):
    keys = set(_keys(doc["components"]["schemas"]))
    assert {"minimum", "maximum", "const"} <= keys
    assert not keys & {"ge", "le", "gt", "lt"}


def _strings(node: Any, doc: dict[str, Any], seen: set[str]) -> Iterator[dict[str, Any]]:
    """Every string schema reachable from ``node``, references followed once."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref is not None and ref not in seen:
            seen.add(ref)
            yield from _strings(doc["components"]["schemas"][ref.rsplit("/", 1)[1]], doc, seen)
        if node.get("type") == "string" or "string" in (node.get("type") or ()):
            yield node
        for v in node.values():
            yield from _strings(v, doc, seen)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, doc, seen)


def test_every_text_a_request_body_holds_is_published_without_nul(doc):
    """The server refuses a NUL in any text it is sent: the document says so
    of every string of every request body, or a generated client (or
    schemathesis) sends one as valid data and takes the 422 for a bug."""
    bodies = [op["requestBody"] for ops in doc["paths"].values() for op in ops.values() if "requestBody" in op]
    strings = list(_strings(bodies, doc, set()))
    assert len(strings) > 10
    free = [s for s in strings if "enum" not in s and "const" not in s]  # a closed list holds no NUL
    for schema in free:
        pattern = schema.get("pattern")
        assert pattern is not None, schema
        assert not any(re.search(pattern, text) for text in ("\0", "a\0b", "0" * 64 + "\0")), schema


def test_each_route_declares_the_statuses_it_gives(doc):
    declared = {(method, path): set(op["responses"]) for path, ops in doc["paths"].items()
                for method, op in ops.items()}
    assert declared == STATUSES


def test_refusals_are_declared_with_their_real_body(doc):
    schemas = doc["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and "ValidationError" not in schemas
    assert schemas["ErrorBody"]["required"] == ["code", "detail"]
    for path, ops in doc["paths"].items():
        for op in ops.values():
            for status, response in op["responses"].items():
                if status.startswith("4"):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (path, status)


def test_routes_behind_a_token_declare_it(doc):
    assert doc["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer",
                                                              "description": doc["components"]["securitySchemes"]
                                                              ["bearer"]["description"]}
    for (method, path), statuses in STATUSES.items():
        op = doc["paths"][path][method]
        assert ("security" in op) == ("401" in statuses and path not in NO_TOKEN), path
        # Authorization is no header parameter (OpenAPI ignores one so named)
        assert all(p["name"].lower() != "authorization" for p in op.get("parameters", [])), path


def test_the_laptops_bodies_are_valid_and_other_tables_or_fields_are_not(doc):
    sync_body = _validator(doc, _body_ref(doc, "/api/v1/sync"))
    coop = {"n": 1, "t": "cooperatives", "id": str(uuid.uuid4()), "op": "upsert",
            "f": {"registration_number": "07/2022/00042", "legal_date": "2022-01-01", "region": "07", "members": 7},
            "b": {"members": 3}}
    session = {"n": 2, "t": "coaching_sessions", "id": str(uuid.uuid4()), "op": "delete", "f": {}, "b": {"_row": 9}}
    good = {"schema_version": V, "mutations": [coop, session], "resolved": [3],
            "pull": {"cursor": 0, "target": None, "after": 0, "limit": 2000}}
    assert sync_body.is_valid(good)
    assert sync_body.is_valid({"schema_version": V})
    for bad in ({**coop, "t": "users"}, {**coop, "f": {"password": "x"}}, {**coop, "f": {"notes": {"a": 1}}},
                {**coop, "b": {"nope": 1}}, {**session, "f": {"members": 1}}):
        assert not sync_body.is_valid({"schema_version": V, "mutations": [bad]}), bad
    assert not sync_body.is_valid({"schema_version": V + 1})  # answered 426, not 200
    enrol_body = _validator(doc, _body_ref(doc, "/api/v1/enrol"))
    assert enrol_body.is_valid({"schema_version": V, "user": "ali", "password": "x", "label": "laptop"})
    assign_body = _validator(doc, _body_ref(doc, "/api/v1/assignments"))
    assert assign_body.is_valid({"schema_version": V, "coach": "ali", "cooperatives": ["RC-1"], "active": False})
    assert {v["properties"]["t"]["const"] for v in
            doc["components"]["schemas"]["Mutation"]["oneOf"]} == set(TABLES)


# -- the order of refusals: schema header, token, the body's schema version, the body, the role -------


def _post(server, path: str, raw: bytes, headers: dict[str, str]) -> tuple[int, str]:
    r = server.client.post(path, content=raw, headers={"Content-Type": "application/json", **headers})
    return r.status_code, r.json()["code"]


@pytest.fixture
def tokens(server) -> dict[str, dict[str, str]]:
    out = {}
    for name, role, region in (("ali", "coach", None), ("boss", "admin", None)):
        server.user(name, role, region)
        r = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": name, "password": PASSWORD})
        out[name] = {"Authorization": f"Bearer {r.json()['token']}"}
    return out


MALFORMED = {
    "/api/v1/enrol": {"user": 7, "password": ""},
    "/api/v1/sync": {"mutations": [{"n": 0, "t": "cooperatives"}]},
    "/api/v1/assignments": {"coach": None, "cooperatives": []},
}


@pytest.mark.parametrize("path", list(MALFORMED))
def test_another_schema_version_is_426_whatever_else_the_body_holds(server, tokens, path):
    """An older laptop's messages may be shaped otherwise: it is told to
    update, not that its body is bad."""
    headers = tokens["boss"]
    old = json.dumps({**MALFORMED[path], "schema_version": V - 1}).encode()
    assert _post(server, path, old, headers) == (426, "update_required")
    old_float = json.dumps({**MALFORMED[path], "schema_version": float(V - 1)}).encode()
    assert _post(server, path, old_float, headers) == (426, "update_required")
    assert _post(server, path, gzip.compress(old), {**headers, "Content-Encoding": "gzip"}) == \
        (426, "update_required")
    for version in (V, None, str(V - 1), True, 1.5):  # no integer version to read: the body is judged
        raw = json.dumps({**MALFORMED[path], "schema_version": version}).encode()
        assert _post(server, path, raw, headers) == (422, "bad_body"), version
    assert _post(server, path, b"{not json", headers) == (422, "bad_body")


@pytest.mark.parametrize("path", list(MALFORMED))
def test_the_schema_header_comes_first_on_every_route(server, tokens, path):
    raw = json.dumps({**MALFORMED[path], "schema_version": V}).encode()
    for header in (str(V - 1), "x"):
        assert _post(server, path, raw, {"Authorization": "Bearer nope", SCHEMA_HEADER: header}) == \
            (426, "update_required")
    for path_get in ("/api/v1/me", "/api/v1/cooperatives/RC-1"):
        r = server.client.get(path_get, headers={**tokens["boss"], SCHEMA_HEADER: str(V + 1)})
        assert r.status_code == 426


def test_the_token_comes_before_the_body_and_the_body_before_the_role(server, tokens):
    raw = json.dumps({**MALFORMED["/api/v1/assignments"], "schema_version": V}).encode()
    assert _post(server, "/api/v1/assignments", raw, {"Authorization": "Bearer nope"}) == (401, "bad_token")
    assert _post(server, "/api/v1/assignments", raw, tokens["ali"]) == (422, "bad_body")
    good = json.dumps({"schema_version": V, "coach": "ali", "cooperatives": ["RC-1"]}).encode()
    assert _post(server, "/api/v1/assignments", good, tokens["ali"]) == (403, "forbidden")


def test_the_role_comes_before_the_scope(server, tokens):
    """A role that may assign, and a cooperative out of its scope: 404, as one
    that does not exist (never 403: that would say it exists)."""
    r = server.client.post("/api/v1/sync", headers=tokens["ali"], json={"schema_version": V, "mutations": [
        {"n": 1, "t": "cooperatives", "id": str(uuid.uuid4()), "op": "upsert",
         "f": {"registration_number": "RC-1", "legal_date": "2022-01-01", "region": "07"}, "b": {}}]})
    assert r.json()["results"][0]["st"] == "ok"
    good = json.dumps({"schema_version": V, "coach": "ali", "cooperatives": ["RC-1"]}).encode()
    for region, answer in (("08", (404, "not_found")), ("07", (200, None))):
        server.user(f"coord{region}", "coordinator", region)
        enrolled = server.client.post("/api/v1/enrol", json={"schema_version": V, "user": f"coord{region}",
                                                              "password": PASSWORD})
        headers = {"Authorization": f"Bearer {enrolled.json()['token']}"}
        r = server.client.post("/api/v1/assignments", content=good,
                               headers={"Content-Type": "application/json", **headers})
        assert (r.status_code, r.json().get("code")) == answer


# -- what the fuzzer found ---------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    {"mutations": [{"n": 2**63, "t": "cooperatives", "id": "c1", "op": "delete", "f": {}, "b": {}}]},
    {"mutations": [{"n": 1, "t": "cooperatives", "id": "c1", "op": "delete", "f": {}, "b": {"_row": 2**63}}]},
    {"resolved": [2**31]},  # conflict ids are 32-bit
    {"resolved": [-(2**31) - 1]},
    {"pull": {"cursor": 2**63}},
    {"pull": {"cursor": 0, "target": 2**63, "after": 0}},
    {"pull": {"cursor": 0, "after": 2**63}},
], ids=["n", "base", "resolved", "resolved-negative", "cursor", "target", "after"])
def test_numbers_beyond_what_the_database_stores_are_a_bad_body(server, tokens, body):
    r = server.client.post("/api/v1/sync", json={"schema_version": V, **body}, headers=tokens["ali"])
    assert (r.status_code, r.json()["code"]) == (422, "bad_body")


def test_the_frameworks_own_refusals_have_the_same_body(server, tokens):
    r = server.client.get("/api/v1/cooperatives/a%0Ab", headers=tokens["boss"])  # no route takes a newline
    assert r.status_code == 404 and r.json() == {"code": "not_found", "detail": "Not Found"}
    r = server.client.get("/api/v1/nothing")
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = server.client.delete("/api/v1/sync")
    assert r.status_code == 405 and r.json() == {"code": "method_not_allowed", "detail": "Method Not Allowed"}
    assert "POST" in r.headers["allow"]


@pytest.mark.parametrize(("path", "body"), [
    ("/api/v1/sync", {"schema_version": V, "pull": {"cursor": 0, "after": False}}),
    ("/api/v1/sync", {"schema_version": V, "pull": {"cursor": "0"}}),
    ("/api/v1/sync", {"schema_version": str(V)}),
    ("/api/v1/assignments", {"schema_version": V, "coach": "ali", "cooperatives": ["RC-1"], "active": "yes"}),
    ("/api/v1/enrol", {"schema_version": V, "user": "ali", "password": PASSWORD, "label": 7}),
], ids=["bool-for-int", "string-for-int", "string-version", "string-for-bool", "int-for-str"])
def test_a_value_of_another_json_type_is_a_bad_body(server, tokens, path, body):
    """The document's types are the wire's: a JSON value of another type is
    refused, not converted."""
    r = server.client.post(path, json=body, headers=tokens["boss"])
    assert (r.status_code, r.json()["code"]) == (422, "bad_body")


def test_an_integral_number_is_an_integer_as_json_schema_says(server, tokens):
    r = server.client.post("/api/v1/sync", json={"schema_version": float(V), "resolved": [2.0], "mutations": [
        {"n": 3.0, "t": "cooperatives", "id": "c1", "op": "delete", "f": {}, "b": {"_row": 0.0}}],
        "pull": {"cursor": 0.0, "limit": 10.0}}, headers=tokens["boss"])
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["n"] == 3
