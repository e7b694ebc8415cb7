"""What the routes depend on: the database engine, the laptop behind a
request, and the worker threads their blocking calls run on."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine

from murafaqa_protocol.messages import SCHEMA_HEADER, SCHEMA_VERSION

from .. import data, security
from ..policy import Policy
from ..scope import Actor
from .bodies import check_header
from .errors import ApiError

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

# The health check's: a thread of its own, so that it answers whatever
# fills the shared pool.
HEALTH_THREADS = 1


class WorkerThreads:
    """Blocking calls on worker threads, at most ``n`` at once."""

    def __init__(self, n: int) -> None:
        self.n = n
        self._limiter: anyio.CapacityLimiter | None = None

    async def run(self, fn: Callable[..., Result], *args: Any) -> Result:
        if self._limiter is None:  # made here: it needs the running event loop
            self._limiter = anyio.CapacityLimiter(self.n)
        return await anyio.to_thread.run_sync(fn, *args, limiter=self._limiter)


class Threads:
    """The worker threads of one application."""

    def __init__(self) -> None:
        self.sync = WorkerThreads(SYNC_THREADS)
        self.password = WorkerThreads(PASSWORD_THREADS)
        self.health = WorkerThreads(HEALTH_THREADS)


# The dependencies below that only read the application's state are async:
# a plain function would be run on the shared thread pool, which the health
# check, for one, must not wait for.

async def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def _policy(request: Request) -> Policy:
    policy: Policy = request.app.state.policy
    return policy


async def _threads(request: Request) -> Threads:
    threads: Threads = request.app.state.threads
    return threads


Db = Annotated[Engine, Depends(_engine)]
WorkerPools = Annotated[Threads, Depends(_threads)]
Rules = Annotated[Policy, Depends(_policy)]

# Declared as a security scheme, not as a header parameter (OpenAPI ignores a
# header parameter named Authorization); refusals stay ours (401, our body).
bearer = HTTPBearer(scheme_name="bearer", auto_error=False,
                    description="The laptop token given by POST /api/v1/enrol.")
Token = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
SchemaHeader = Annotated[str | None, Header(
    alias=SCHEMA_HEADER, json_schema_extra={"const": str(SCHEMA_VERSION)},
    description="The schema version the laptop speaks; another one is answered 426.")]


def bearer_token(credentials: HTTPAuthorizationCredentials | None, schema_header: str | None) -> str:
    """The laptop token of a request, refused before any database work when
    the laptop speaks another schema or sent no token."""
    check_header(schema_header)
    if credentials is None:
        raise ApiError(401, "no_token", "No laptop token: enrol this laptop first.")
    return credentials.credentials.strip()


def laptop(conn: Connection, token: str) -> Actor:
    """The laptop behind a token: refused at once when the token is unknown,
    revoked or expired, or its user disabled (checked on every call).

    A laptop an administrator revoked as lost is told so in a code of its
    own, ``device_revoked``: it erases its data on hearing it. Its user's
    account being disabled comes next (the account may be enabled again,
    the laptop enrolled again: its data stays)."""
    found = data.device_by_token(conn, security.token_hash(token))
    if found is None:
        raise ApiError(401, "bad_token", "Unknown laptop token: enrol this laptop again.")
    if found["revoked_why"] == "lost":
        raise ApiError(401, "device_revoked", "This laptop was revoked by the administrator: its data is erased.")
    if found["disabled"]:
        raise ApiError(401, "disabled", f"The account {found['name']} is disabled: ask the administrator.")
    if found["revoked_at"]:
        raise ApiError(401, "revoked", "This laptop's access was revoked: enrol it again.")
    if found["token_expires_at"] is not None and found["token_expires_at"] <= data.now():
        raise ApiError(401, "token_expired", "This laptop has not synced for too long: sign in again.")
    return Actor(found["user_id"], found["name"], found["role"], found["region"], found["device_id"])


def current_actor(engine: Db, credentials: Token, x_murafaqa_schema: SchemaHeader = None) -> Actor:
    """The laptop behind a request (the routes other than /sync, which looks
    it up in its push's transaction)."""
    token = bearer_token(credentials, x_murafaqa_schema)
    with engine.connect() as conn:
        return laptop(conn, token)


Auth = Annotated[Actor, Depends(current_actor)]


def client_address(request: Request) -> str | None:
    """The caller's address, as the throttling counts it. Behind the TLS
    proxy, uvicorn sets it from X-Forwarded-For when the proxy's address is
    in FORWARDED_ALLOW_IPS (docs/deploy.md)."""
    return request.client.host if request.client else None
