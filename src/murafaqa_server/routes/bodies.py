"""Reading a request's body and schema version, the way every route does.

The POST routes read their raw body themselves: a laptop on a 2G link may
gzip it, and an older laptop's body must be answered "update" (426) rather
than "bad body" (422), so the schema version is looked at before the rest.
"""
from __future__ import annotations

import json
import zlib
from typing import TypeVar

from fastapi import Request
from pydantic import BaseModel

from murafaqa_protocol.messages import SCHEMA_VERSION

from .. import limits
from ..limits import too_large
from .errors import ApiError

Body = TypeVar("Body", bound=BaseModel)


def check_schema(version: int | None) -> None:
    if version != SCHEMA_VERSION:
        raise ApiError(426, "update_required",
                       f"This server speaks schema {SCHEMA_VERSION}, the laptop sent {version}: "
                       "please update the application (nothing was changed).")


def check_header(schema_header: str | None) -> None:
    """The first check of every route: a laptop naming another schema in its
    header is told to update before anything else is looked at."""
    if schema_header is not None:
        try:
            check_schema(int(schema_header))
        except ValueError:
            check_schema(None)


def gunzipped(raw: bytes, limit: int) -> bytes:
    """``raw`` unpacked (one gzip member or several, as gzip.decompress),
    refused once it would pass ``limit`` bytes: a few kilobytes of gzip can
    unpack to gigabytes, and are never unpacked whole."""
    out = bytearray()
    rest = raw
    try:
        while rest:
            unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            out += unpacker.decompress(rest, limit + 1 - len(out))
            if len(out) > limit or unpacker.unconsumed_tail:
                raise too_large(limit)
            if not unpacker.eof:
                raise zlib.error("truncated")
            rest = unpacker.unused_data.lstrip(b"\0")  # gzip.decompress skips padding between members too
    except zlib.error:
        raise ApiError(422, "bad_body", "The body is not valid gzip.") from None
    return bytes(out)


def decoded(raw: bytes, encoding: str, model: type[Body], limit: int | None = None) -> Body:
    """A JSON body, gunzipped when the laptop compressed it (2G links), at
    most ``limit`` bytes once unpacked (by default the server's body limit)."""
    if encoding.lower() == "gzip":
        raw = gunzipped(raw, limits.MAX_BODY_BYTES if limit is None else limit)
    try:
        head = model.model_validate_json(raw) if raw else None
    except ValueError as e:
        version = _schema_from_raw(raw)
        if version is not None and version != SCHEMA_VERSION:
            check_schema(version)
        raise ApiError(422, "bad_body", f"Invalid request body: {str(e).splitlines()[0]} ({_first_error(e)})") \
            from None
    if head is None:
        raise ApiError(422, "bad_body", "A JSON body is required.")
    return head


async def read_body(request: Request, model: type[Body]) -> Body:
    """The request's body as ``model``, its schema version checked."""
    body = decoded(await request.body(), request.headers.get("content-encoding", ""), model)
    check_schema(getattr(body, "schema_version", None))
    return body


def _schema_from_raw(raw: bytes) -> int | None:
    """The schema version of a body that is not valid: an older laptop's
    messages may be shaped otherwise, and it must hear "update", not "bad
    body". Only a JSON integer (2.0 included) is a version; anything else is
    a bad body."""
    try:
        value = json.loads(raw).get("schema_version")
    except (ValueError, AttributeError):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _first_error(e: Exception) -> str:
    errors = getattr(e, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            loc = ".".join(str(p) for p in found[0].get("loc", ()))
            return f"{loc}: {found[0].get('msg')}"
    return "see the protocol"
