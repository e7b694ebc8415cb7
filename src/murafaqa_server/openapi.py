"""The OpenAPI document: FastAPI's own, completed with what the routes do
themselves.

The POST routes read their raw body (gzip allowed, and the schema version
looked at before the rest), so FastAPI does not see their body models: the
routes name them by reference (``request_body``) and ``install`` adds their
schemas to ``components/schemas``, every reference resolvable there. Each
refusal a route gives is declared with its real body (``ErrorBody``) by
``refusals``; FastAPI's default 422 (``HTTPValidationError``), a body the
server never sends, is removed where FastAPI still adds it (a route with
parameters that cannot fail validation, and thus declares no 422).
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from murafaqa_protocol.messages import ErrorBody

from .limits import BODY_GRACE_S, BODY_MIN_RATE, MAX_BODY_BYTES

REF = "#/components/schemas/{model}"

REFUSALS: dict[int, str] = {
    401: "No token, an unknown, revoked or expired one, or a disabled account (`no_token`, `bad_token`, "
         "`revoked`, `token_expired`, `disabled`; `bad_credentials` at enrolment, `bad_code` for a wrong recovery "
         "code); a laptop revoked as lost is told `device_revoked` and erases its data. Nothing was written.",
    403: "The caller's role may not do this (`forbidden`). Nothing was written.",
    404: "No such cooperative or user, or one outside the caller's scope: the two are answered alike "
         "(`not_found`). Nothing was written.",
    408: f"The request body came too slowly: after {BODY_GRACE_S:.0f} s it must have kept up {BODY_MIN_RATE} bytes "
         "a second on average (`too_slow`). The connection is closed; nothing was written.",
    413: f"The request body is over the server's limit of {MAX_BODY_BYTES} bytes (unpacked, for a gzip body) "
         "(`body_too_large`). Answered before the body is read whole; the connection is closed; nothing was written.",
    422: "A body that is not valid JSON (or gzip), or not the protocol's, or a query parameter out of its bounds "
         "(`bad_body`), or a push naming a table or field the protocol does not know (`bad_mutation`), or an "
         "`X-Murafaqa-Client` header not of its pattern (`bad_client_header`). Nothing was written.",
    429: "Too many failed attempts for this user, address or laptop (`too_many_attempts`): wait the "
         "`Retry-After` seconds. No password or code was checked.",
    503: "The server's escrow key is missing or does not open this laptop's kept key (`escrow_unavailable`). "
         "Nothing was written.",
    426: "The laptop speaks another schema version (`X-Murafaqa-Schema` header, then the body's "
         "`schema_version`): please update the application (`update_required`). Nothing was written.",
}


def refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route that refuses with these statuses."""
    return {status: {"model": ErrorBody, "description": REFUSALS[status]} for status in statuses}


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """The ``openapi_extra`` of a route reading this body itself."""
    return {"requestBody": {
        "required": True,
        "description": "JSON, gzip-compressed or not (`Content-Encoding: gzip`).",
        "content": {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}},
    }}


def install(app: FastAPI, bodies: list[type[BaseModel]]) -> None:
    """Serve FastAPI's document with the schemas of ``bodies`` (and of the
    models they hold) added to its components."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = FastAPI.openapi(app)
            _drop_default_422(doc)
            _, defs = models_json_schema([(m, "validation") for m in bodies], ref_template=REF)
            schemas = doc.setdefault("components", {}).setdefault("schemas", {})
            for name, schema in defs.get("$defs", {}).items():
                if schemas.get(name, schema) != schema:  # one name, two shapes: a client would get one wrong
                    raise RuntimeError(f"two schemas named {name} in the OpenAPI document")
                schemas[name] = schema
            doc["components"]["schemas"] = dict(sorted(schemas.items()))
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _drop_default_422(doc: dict[str, Any]) -> None:
    default = {"$ref": REF.format(model="HTTPValidationError")}
    for ops in doc.get("paths", {}).values():
        for op in ops.values():
            declared = op.get("responses", {}).get("422", {})
            if declared.get("content", {}).get("application/json", {}).get("schema") == default:
                del op["responses"]["422"]
    schemas = doc.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
