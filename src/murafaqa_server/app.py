"""The HTTP API: thin routes over the data layer, merge and pull modules.

Every refusal is JSON ``{"code", "detail"}``: 401 no or bad token (or a
disabled user, a revoked laptop), 403 a role that may not, 404 not found or
outside scope (alike), 422 bad body, 426 a laptop whose schema is not this
server's ("please update the application"). Nothing is written on any of
them. They come in one order on every route: the schema header, the token,
the body's schema version, the body, the role and scope.
"""
from __future__ import annotations

import gzip
import time
import zlib
from typing import Annotated, Any, Callable, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from murafaqa_protocol.messages import (
    API_PREFIX,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    Account,
    AssignRequest,
    AssignResponse,
    CooperativeView,
    EnrolRequest,
    EnrolResponse,
    SyncRequest,
    SyncResponse,
)

from . import data, logs, merge, pull, scope, security, services
from .data import Actor
from .openapi import install, refusals, request_body


class RequestLog:
    """One structured log event per HTTP request (method, path, status,
    milliseconds). Plain ASGI: unlike ``@app.middleware("http")`` it adds no
    task and no stream per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # unless the response starts: an exception escaped

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            logs.event("request", method=scope["method"], path=scope["path"], status=status,
                       ms=round((time.perf_counter() - start) * 1000, 1))


Body = TypeVar("Body", bound=BaseModel)
Result = TypeVar("Result")

# Syncs one worker process runs at once: one. A sync is mostly Python, and a
# process runs one thread's Python at a time, so a second thread adds no
# throughput; it only takes turns at the interpreter with the first (and
# with the event loop) and lengthens every sync, the push holding the
# sequence lock included. Measured with 50 laptops at once on 2 cores and
# 4 workers: p95 ~210 ms with 1 thread, ~270 with 4, ~320 with 8. Scale
# with worker processes (WORKERS); the other syncs wait on the event loop,
# their bodies already read.
SYNC_THREADS = 1

# Password checks one worker process runs at once: one. An argon2 check
# takes 64 MiB and ~0.2 CPU-s, over four threads (its lanes), so a single
# check already keeps two cores busy; checks side by side only slow each
# other, the syncs and the health probe. The others wait on the event loop
# with their bodies read: a burst of sign-ins (wrong passwords included)
# costs each worker process one check at a time, whatever its size.
# Enrolments are rare: once per laptop.
PASSWORD_THREADS = 1


class WorkerThreads:
    """Blocking calls on worker threads, at most ``n`` at once."""

    def __init__(self, n: int) -> None:
        self.n = n
        self._limiter: anyio.CapacityLimiter | None = None

    async def run(self, fn: Callable[..., Result], *args: Any) -> Result:
        if self._limiter is None:  # made here: it needs the running event loop
            self._limiter = anyio.CapacityLimiter(self.n)
        return await anyio.to_thread.run_sync(fn, *args, limiter=self._limiter)


class ApiError(HTTPException):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(status_code=status, detail=detail)
        self.code = code


def _error(status: int, code: str, detail: str) -> JSONResponse:
    return JSONResponse({"code": code, "detail": detail}, status_code=status)


def _check_schema(version: int | None) -> None:
    if version != SCHEMA_VERSION:
        raise ApiError(426, "update_required",
                       f"This server speaks schema {SCHEMA_VERSION}, the laptop sent {version}: "
                       "please update the application (nothing was changed).")


def _decoded(raw: bytes, encoding: str, model: type[Body]) -> Body:
    """A JSON body, gunzipped when the laptop compressed it (2G links)."""
    if encoding.lower() == "gzip":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error):
            raise ApiError(422, "bad_body", "The body is not valid gzip.") from None
    try:
        head = model.model_validate_json(raw) if raw else None
    except ValueError as e:
        version = _schema_from_raw(raw)
        if version is not None and version != SCHEMA_VERSION:
            _check_schema(version)
        raise ApiError(422, "bad_body", f"Invalid request body: {str(e).splitlines()[0]} ({_first_error(e)})") \
            from None
    if head is None:
        raise ApiError(422, "bad_body", "A JSON body is required.")
    return head


async def _body(request: Request, model: type[Body]) -> Body:
    return _decoded(await request.body(), request.headers.get("content-encoding", ""), model)


def _schema_from_raw(raw: bytes) -> int | None:
    """The schema version of a body that is not valid: an older laptop's
    messages may be shaped otherwise, and it must hear "update", not "bad
    body". Only a JSON integer (2.0 included) is a version; anything else is
    a bad body."""
    import json

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


def _check_header(schema_header: str | None) -> None:
    """The first check of every route: a laptop naming another schema in its
    header is told to update before anything else is looked at."""
    if schema_header is not None:
        try:
            _check_schema(int(schema_header))
        except ValueError:
            _check_schema(None)


def _bearer(credentials: HTTPAuthorizationCredentials | None, schema_header: str | None) -> str:
    """The laptop token of a request, refused before any database work when
    the laptop speaks another schema or sent no token."""
    _check_header(schema_header)
    if credentials is None:
        raise ApiError(401, "no_token", "No laptop token: enrol this laptop first.")
    return credentials.credentials.strip()


# Declared as a security scheme, not as a header parameter (OpenAPI ignores a
# header parameter named Authorization); refusals stay ours (401, our body).
bearer = HTTPBearer(scheme_name="bearer", auto_error=False,
                    description="The laptop token given by POST /api/v1/enrol.")
Token = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
SchemaHeader = Annotated[str | None, Header(
    alias=SCHEMA_HEADER, json_schema_extra={"const": str(SCHEMA_VERSION)},
    description="The schema version the laptop speaks; another one is answered 426.")]


def _laptop(conn: Connection, token: str) -> Actor:
    """The laptop behind a token: refused at once when the token is unknown or
    revoked, or its user disabled (checked on every call)."""
    found = data.device_by_token(conn, security.token_hash(token))
    if found is None:
        raise ApiError(401, "bad_token", "Unknown laptop token: enrol this laptop again.")
    if found["revoked_at"]:
        raise ApiError(401, "revoked", "This laptop's access was revoked: enrol it again.")
    if found["disabled"]:
        raise ApiError(401, "disabled", f"The account {found['name']} is disabled: ask the administrator.")
    return Actor(found["user_id"], found["name"], found["role"], found["region"], found["device_id"])


def current_actor(request: Request, credentials: Token, x_murafaqa_schema: SchemaHeader = None) -> Actor:
    """The laptop behind a request (the routes other than /sync)."""
    token = _bearer(credentials, x_murafaqa_schema)
    with request.app.state.engine.connect() as conn:
        return _laptop(conn, token)


Auth = Annotated[Actor, Depends(current_actor)]


def _sync_body(raw: bytes, encoding: str) -> SyncRequest:
    body = _decoded(raw, encoding, SyncRequest)
    _check_schema(body.schema_version)
    try:
        merge.validate(body.mutations)
    except merge.BadPush as e:
        raise ApiError(422, "bad_mutation", str(e)) from None
    return body


def _exchange(engine: Engine, token: str, raw: bytes, encoding: str) -> tuple[Actor, SyncRequest, SyncResponse]:
    """A whole sync in one call on a worker thread (the database calls block),
    on one connection: who the laptop is and its push in one transaction, then
    its pull page. Refusals come in the order the other routes give them: the
    token, then the body."""
    # SQLite has one writer anyway: pushes take the sequence lock first. On
    # PostgreSQL pushes decide in parallel; one that meets another on a unique
    # key or a lock cycle is rolled back and run again alone.
    serial = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        try:
            who, body, out = _push(conn, token, raw, encoding, serial=serial)
        except DBAPIError:
            if serial:
                raise
            who, body, out = _push(conn, token, raw, encoding, serial=True)
        if body.pull is not None:
            # The pull only reads, and under READ COMMITTED a transaction gives
            # its statements no common snapshot: autocommit spares its BEGIN and
            # ROLLBACK round trips.
            conn.execution_options(isolation_level="AUTOCOMMIT")
            out.page = pull.page(conn, who, body.pull)
    return who, body, out


def _push(conn: Connection, token: str, raw: bytes, encoding: str, *, serial: bool
          ) -> tuple[Actor, SyncRequest, SyncResponse]:
    with conn.begin():
        who = _laptop(conn, token)
        body = _sync_body(raw, encoding)
        if not (body.mutations or body.resolved):
            return who, body, SyncResponse()
        results, last_n = merge.push(conn, who, body.mutations, body.resolved, serial=serial)
    return who, body, SyncResponse(results=results, last_n=last_n)


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="Murafaqa central server", version=str(SCHEMA_VERSION),
                  description="Sync server of Murafaqa Desktop: enrolment, push/pull sync, assignments.")
    app.add_middleware(GZipMiddleware, minimum_size=600)
    app.add_middleware(RequestLog)
    app.state.engine = engine
    sync_threads = WorkerThreads(SYNC_THREADS)
    password_threads = WorkerThreads(PASSWORD_THREADS)
    health_threads = WorkerThreads(1)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status_code, exc.code, str(exc.detail))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        """The framework's own refusals (a path no route matches, a method a
        route does not take) in the body of every other refusal."""
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        response = _error(exc.status_code, code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "bad_body", f"Invalid request: {where}: {first.get('msg', 'invalid')}")

    def _sequence() -> int:
        with engine.connect() as conn:
            return data.current_sequence(conn)

    @app.get("/healthz", tags=["ops"])
    async def healthz() -> dict[str, Any]:
        # A thread of its own: a probe answers whatever fills the shared pool.
        seq = await health_threads.run(_sequence)
        return {"status": "ok", "schema_version": SCHEMA_VERSION, "sequence": seq}

    @app.post(f"{API_PREFIX}/enrol", response_model=EnrolResponse, tags=["sync"],
              responses=refusals(401, 422, 426), openapi_extra=request_body(EnrolRequest))
    async def enrol(request: Request, x_murafaqa_schema: SchemaHeader = None) -> EnrolResponse:
        _check_header(x_murafaqa_schema)
        body: EnrolRequest = await _body(request, EnrolRequest)
        _check_schema(body.schema_version)
        result = await password_threads.run(services.enrol, engine, body.user, body.password, body.label)
        if result is None:
            raise ApiError(401, "bad_credentials", "Unknown user, wrong password or disabled account.")
        device_id, token, user = result
        logs.event("enrol", user=user["name"], device=device_id)
        return EnrolResponse(device_id=device_id, token=token,
                             account=Account(name=user["name"], role=user["role"], region=user["region"]))

    @app.post(f"{API_PREFIX}/sync", response_model=SyncResponse, tags=["sync"],
              responses=refusals(401, 422, 426), openapi_extra=request_body(SyncRequest))
    async def sync(request: Request, credentials: Token, x_murafaqa_schema: SchemaHeader = None) -> Response:
        token = _bearer(credentials, x_murafaqa_schema)
        raw = await request.body()
        who, body, out = await sync_threads.run(_exchange, engine, token, raw,
                                                request.headers.get("content-encoding", ""))
        logs.event("sync", user=who.name, device=who.device_id, pushed=len(body.mutations),
                   pulled=len(out.page.changes) if out.page else 0)
        return Response(out.model_dump_json(exclude_defaults=True), media_type="application/json")

    @app.post(f"{API_PREFIX}/assignments", response_model=AssignResponse, tags=["accounts"],
              responses=refusals(401, 403, 404, 422, 426), openapi_extra=request_body(AssignRequest))
    async def assignments(request: Request, who: Auth) -> AssignResponse:
        body: AssignRequest = await _body(request, AssignRequest)
        _check_schema(body.schema_version)
        if who.role not in ("coordinator", "admin"):
            raise ApiError(403, "forbidden", "Only a coordinator or an administrator assigns cooperatives.")
        with engine.begin() as conn:
            try:
                changed = services.assign(conn, body.coach, body.cooperatives, body.active, by=who)
            except services.Refused as e:
                conn.rollback()
                raise ApiError(e.status, e.code, str(e)) from None
        return AssignResponse(changed=changed)

    # ``path``: registration numbers hold slashes (07/2022/00042), sent as
    # they are or percent-encoded (the path reaches the route decoded).
    @app.get(f"{API_PREFIX}/cooperatives/{{key:path}}", response_model=CooperativeView, tags=["read"],
             responses=refusals(401, 404, 426))
    def cooperative(key: str, who: Auth) -> dict[str, Any]:
        """One cooperative with everything that hangs off it (a coordinator's
        look from the web; the laptop gets the same through sync)."""
        with engine.connect() as conn:
            rec = data.find_cooperative(conn, key)
            # Outside the scope answers exactly as not found: a caller must not
            # learn which cooperatives exist beyond what they may read.
            if rec is None or not scope.Scope(conn, who).sees(rec.coop_id, rec.region):
                raise ApiError(404, "not_found", f"No cooperative {key!r}.")
            rows = data.cooperative_rows(conn, rec.id)
            coaches = data.coaches_of(conn, rec.id)
        return {"id": rec.id, "coaches": coaches,
                "rows": [{"table": r.tbl, "id": r.id, **r.data} for r in rows]}

    @app.get(f"{API_PREFIX}/me", response_model=Account, tags=["accounts"], responses=refusals(401, 426))
    def me(who: Auth) -> Account:
        return Account(name=who.name, role=who.role, region=who.region)  # type: ignore[arg-type]

    @app.post(f"{API_PREFIX}/logout", tags=["accounts"], responses=refusals(401, 426))
    def logout(who: Auth) -> dict[str, str]:
        with engine.begin() as conn:
            data.revoke_devices(conn, device_id=who.device_id)
        return {"status": "revoked"}

    install(app, [EnrolRequest, SyncRequest, AssignRequest])
    return app
