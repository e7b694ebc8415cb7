"""The HTTP application: middleware, the refusals' body, the routers
(``routes``: one per resource, and what they depend on)."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from murafaqa_protocol.messages import (
    SCHEMA_VERSION,
    AssignRequest,
    EnrolRequest,
    EscrowRequest,
    RecoverRequest,
    SyncRequest,
)

from .limits import BodyLimits
from .openapi import install
from .policy import Policy
from .request_log import RequestLog
from .routes import ROUTERS
from .routes.deps import Threads
from .routes.errors import ApiError, error_response


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    response = error_response(exc.status_code, exc.code, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


async def _http_error(_request: Request, exc: Exception) -> Response:
    """The framework's own refusals (a path no route matches, a method a
    route does not take) in the body of every other refusal."""
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    response = error_response(exc.status_code, code, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


async def _validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()))
    return error_response(422, "bad_body", f"Invalid request: {where}: {first.get('msg', 'invalid')}")


def create_app(engine: Engine, policy: Policy | None = None) -> FastAPI:
    """``policy``: the security settings (by default read from the
    environment, as ``Settings``)."""
    app = FastAPI(title="Murafaqa central server", version=str(SCHEMA_VERSION),
                  description="Sync server of Murafaqa Desktop: enrolment, push/pull sync, assignments, key escrow.")
    app.add_middleware(BodyLimits)  # innermost: the request log notes its refusals
    app.add_middleware(GZipMiddleware, minimum_size=600)
    app.add_middleware(RequestLog)
    app.state.engine = engine
    app.state.threads = Threads()
    app.state.policy = policy or Policy()
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation)
    for router in ROUTERS:
        app.include_router(router)
    install(app, [EnrolRequest, SyncRequest, AssignRequest, EscrowRequest, RecoverRequest])
    return app
