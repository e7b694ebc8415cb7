"""``POST /api/v1/sync``: a laptop's push, then a page of its pull.

A laptop that asks for it (``X-Murafaqa-Stream: pages``, with columns and
zstd) receives the rest of its pull in the same answer: one JSON answer a
line, the first as a single answer would be, then one for each following
page, built while the one before travels, each flushed whole (a cut loses
the page in flight; the laptop asks again from the last one it kept). A
laptop that does not ask gets one page an answer, as before.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from murafaqa_protocol.columns import COLUMNS, PAGES_HEADER, POSITIONS, REFS_HEADER, STREAM_HEADER, STREAMED
from murafaqa_protocol.messages import (
    API_PREFIX,
    CLIENT_HEADER,
    CLIENT_HEADER_PATTERN,
    MAX_PAGE_ROWS,
    ClientReport,
    PullPage,
    PullRequest,
    SyncRequest,
    SyncResponse,
)

from .. import data, logs, merge, pull, set_aside, team
from ..compression import PageStream, accepts_zstd, encoded
from ..openapi import refusals, request_body
from ..policy import token_expiry
from ..scope import Actor
from .bodies import check_schema, decoded
from .deps import Db, Rules, SchemaHeader, Threads, Token, WorkerPools, bearer_token, laptop
from .errors import ApiError

router = APIRouter()

# Declared here and read from the request by the route, not as a FastAPI
# parameter: FastAPI would publish an optional header as "string or null"
# (a client then sends the text "null"), and would check its pattern before
# the token; the route checks it after the token, with the body (422).
CLIENT_PARAMETER: dict[str, Any] = {
    "name": CLIENT_HEADER, "in": "header", "required": False,
    "schema": {"type": "string", "pattern": CLIENT_HEADER_PATTERN},
    "description": "What the laptop tells of itself: its application's version and the changes waiting in its "
                   "outbox when the sync started (`version=0.4.0; pending=12`; more `; key=value` pairs may "
                   "follow). The server keeps them for the laptop; a coordinator's or an administrator's "
                   "laptop that sends it receives `team` with the page that ends its pull.",
}


def _sync_body(raw: bytes, encoding: str) -> SyncRequest:
    body = decoded(raw, encoding, SyncRequest)
    check_schema(body.schema_version)
    try:
        merge.validate(body.mutations)
    except merge.BadPush as e:
        raise ApiError(422, "bad_mutation", str(e)) from None
    return body


def _client_report(header: str | None) -> ClientReport | None:
    """What the laptop told of itself; checked with the body (a bad one is a
    bad request, 422), after the token."""
    if header is None:
        return None
    try:
        return ClientReport.parse(header)
    except ValueError as e:
        raise ApiError(422, "bad_client_header", str(e)) from None


def _exchange(engine: Engine, token: str, raw: bytes, encoding: str, client: str | None, expires: str,
              columns: bool = False, positions: bool = False
              ) -> tuple[Actor, SyncRequest, SyncResponse]:
    """A whole sync in one call on a worker thread (the database calls block),
    on one connection: who the laptop is, what it told of itself and its push
    in one transaction, then its pull page, and its team. Refusals come in
    the order the other routes give them: the token, then the body."""
    # SQLite has one writer anyway: pushes take the sequence lock first. On
    # PostgreSQL pushes decide in parallel; one that meets another on a unique
    # key or a lock cycle is rolled back and run again alone.
    serial = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        try:
            who, body, out = _push(conn, token, raw, encoding, client, expires, serial=serial)
        except DBAPIError:
            if serial:
                raise
            who, body, out = _push(conn, token, raw, encoding, client, expires, serial=True)
        if body.pull is not None:
            # The pull only reads, and under READ COMMITTED a transaction gives
            # its statements no common snapshot: autocommit spares its BEGIN and
            # ROLLBACK round trips.
            conn.execution_options(isolation_level="AUTOCOMMIT")
            out.page = pull.page(conn, who, body.pull, count=columns, columns=columns, positions=positions)
        # Only to a laptop that said what it is (an older one would refuse
        # the field), with the page that ends a pull: once per pull, not with
        # each of its pages, and a pull resumed after a cut link gets it too.
        if client is not None and (out.page is None or not out.page.more):
            out.team = team.members(conn, who)
    return who, body, out


def _push(conn: Connection, token: str, raw: bytes, encoding: str, client: str | None, expires: str, *,
          serial: bool) -> tuple[Actor, SyncRequest, SyncResponse]:
    with conn.begin():
        who = laptop(conn, token)
        body = _sync_body(raw, encoding)
        told = _client_report(client)
        # Before the push: the laptop's row is the first the push locks too.
        # The token's expiry moves forward in the same write: a laptop that
        # syncs never signs in again.
        data.record_sync(conn, who.device_id, told.version if told else None, told.pending if told else None,
                         expires)
        if not (body.mutations or body.resolved):
            return who, body, SyncResponse()
        try:
            with conn.begin_nested():
                results, last_n = merge.push(conn, who, body.mutations, body.resolved, serial=serial)
        except merge.Forbidden as e:
            # Raised inside the transaction: nothing of the push is written.
            raise ApiError(403, "forbidden", str(e)) from None
        except Exception as e:  # noqa: BLE001 - one mutation the merge cannot take must not block the rest
            if isinstance(e, DBAPIError) and not serial:
                raise  # met another push: the whole request again, alone (``_exchange``)
            results, last_n = set_aside.push_one_by_one(conn, who, body.mutations, body.resolved, e)
        set_aside.answer_replays(conn, who, results)
    return who, body, SyncResponse(results=results, last_n=last_n)


@router.post(f"{API_PREFIX}/sync", response_model=SyncResponse, tags=["sync"],
             responses=refusals(401, 403, 408, 413, 422, 426),
             openapi_extra={**request_body(SyncRequest), "parameters": [CLIENT_PARAMETER]})
async def sync(request: Request, engine: Db, threads: WorkerPools, credentials: Token, policy: Rules,
               x_murafaqa_schema: SchemaHeader = None) -> Response:
    token = bearer_token(credentials, x_murafaqa_schema)
    raw = await request.body()
    columns = request.headers.get(PAGES_HEADER, "").strip().lower() == COLUMNS
    accept_encoding = request.headers.get("accept-encoding", "")
    stream = (PageStream() if columns and accepts_zstd(accept_encoding)
              and request.headers.get(STREAM_HEADER, "").strip().lower() == STREAMED else None)
    positions = columns and request.headers.get(REFS_HEADER, "").strip().lower() == POSITIONS
    client = request.headers.get(CLIENT_HEADER)
    who, body, out, answer = await threads.sync.run(
        _answered, engine, token, raw, request.headers.get("content-encoding", ""), client,
        token_expiry(policy), columns, positions, accept_encoding, stream)
    logs.event("sync", user=who.name, device=who.device_id, pushed=len(body.mutations), pulled=_pulled(out.page))
    if stream is None or body.pull is None or out.page is None:
        return answer
    pages = _pages(threads, engine, who, body.pull, out.page, bytes(answer.body), stream, client, positions)
    return StreamingResponse(pages, media_type=NDJSON, headers={"Content-Encoding": "zstd", "Vary": "Accept-Encoding"})


NDJSON = "application/x-ndjson"
# Pages in one answer at most: the token is read again, and the worker let
# go, at least this often.
PAGES_PER_ANSWER = 100
# What a page after the first aims at on the wire: a cut loses the page in
# flight, and pages in one answer cost no round trip, so they can be small.
STREAM_PAGE_BYTES = 16_000


def next_limit(rows: int, size: int, current: int) -> int:
    """The rows of the next page of an answer, judged by the last one (``rows``
    rows in ``size`` bytes), growing by half at most."""
    if rows <= 0 or size <= 0:
        return current
    return max(10, min(MAX_PAGE_ROWS, rows * STREAM_PAGE_BYTES // size, current * 3 // 2))


async def _pages(threads: Threads, engine: Engine, who: Actor, pull_request: PullRequest, page: PullPage, first: bytes,
                 stream: PageStream, client: str | None, positions: bool) -> AsyncIterator[bytes]:
    yield first
    limit, chunk = pull_request.limit, first
    for _ in range(PAGES_PER_ANSWER - 1):
        if not page.more:
            break
        limit = next_limit(_pulled(page), len(chunk), limit)
        ask = PullRequest(cursor=pull_request.cursor, target=page.target, after=page.after, limit=limit)
        out, chunk = await threads.sync.run(_next_page, engine, who, ask, client, positions, stream)
        assert out.page is not None
        page = out.page
        yield chunk
    yield stream.end()


def _next_page(engine: Engine, who: Actor, ask: PullRequest, client: str | None, positions: bool,
               stream: PageStream) -> tuple[SyncResponse, bytes]:
    """A page that follows in the same answer, and its line compressed."""
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        out = SyncResponse(page=pull.page(conn, who, ask, columns=True, positions=positions))
        if client is not None and out.page is not None and not out.page.more:
            out.team = team.members(conn, who)
    return out, stream.line(out.model_dump_json(exclude_defaults=True).encode())


def _answered(engine: Engine, token: str, raw: bytes, encoding: str, client: str | None, expires: str,
              columns: bool, positions: bool, accept_encoding: str, stream: PageStream | None = None
              ) -> tuple[Actor, SyncRequest, SyncResponse, Response]:
    """The exchange and its answer, compressed on the same worker thread
    (the first line of ``stream`` when there is one)."""
    who, body, out = _exchange(engine, token, raw, encoding, client, expires, columns, positions)
    text = out.model_dump_json(exclude_defaults=True).encode()
    if stream is not None and body.pull is not None and out.page is not None:
        return who, body, out, Response(stream.line(text))
    return who, body, out, encoded(text, accept_encoding)


def _pulled(page: PullPage | None) -> int:
    if page is None:
        return 0
    return len(page.changes) + sum(len(b.ids) for b in page.blocks or ())
