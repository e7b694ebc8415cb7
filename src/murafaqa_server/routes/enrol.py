"""``POST /api/v1/enrol``: a laptop's token for a user's credentials."""
from __future__ import annotations

import re
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from murafaqa_protocol.messages import (
    API_PREFIX,
    DEVICE_ID_PATTERN,
    PREVIOUS_DEVICE_HEADER,
    Account,
    EnrolRequest,
    EnrolResponse,
)

from .. import logs, services, throttle
from ..openapi import refusals, request_body
from .bodies import check_header, read_body
from .deps import Db, Rules, SchemaHeader, WorkerPools, client_address
from .errors import ApiError, too_many

router = APIRouter()

# Declared here and read from the request by the route (as the sync route's
# client header is): FastAPI would publish an optional header as "string or
# null", and a client would then send the text "null".
PREVIOUS_DEVICE_PARAMETER: dict[str, Any] = {
    "name": PREVIOUS_DEVICE_HEADER, "in": "header", "required": False,
    "schema": {"type": "string", "pattern": DEVICE_ID_PATTERN},
    "description": "The enrolment this laptop's database had before (a restored backup's, or one whose token "
                   "expired): the answer then carries `previous_last_n`, the last change number the server "
                   "took under it (null when it was not this user's).",
}
_DEVICE_ID = re.compile(DEVICE_ID_PATTERN)


def _previous_device(request: Request) -> str | None:
    value = request.headers.get(PREVIOUS_DEVICE_HEADER)
    if value is not None and not _DEVICE_ID.fullmatch(value):
        raise ApiError(422, "bad_header", f"{PREVIOUS_DEVICE_HEADER} must be a laptop's id, as enrolment gave it.")
    return value


@router.post(f"{API_PREFIX}/enrol", response_model=EnrolResponse, tags=["sync"],
             responses=refusals(401, 408, 413, 422, 426, 429),
             openapi_extra={**request_body(EnrolRequest), "parameters": [PREVIOUS_DEVICE_PARAMETER]})
async def enrol(request: Request, engine: Db, threads: WorkerPools, policy: Rules,
                x_murafaqa_schema: SchemaHeader = None) -> JSONResponse:
    check_header(x_murafaqa_schema)
    body = await read_body(request, EnrolRequest)
    previous_device = _previous_device(request)
    address = client_address(request)
    # Password checks on threads of their own (deps.PASSWORD_THREADS); a
    # blocked name or address is answered before it queues for one.
    try:
        await anyio.to_thread.run_sync(services.check_throttle, engine, body.user, address)
        result = await threads.password.run(services.enrol, engine, body.user, body.password, body.label,
                                            address, policy, previous_device)
    except throttle.Throttled as e:
        raise too_many(e) from None
    if result is None:
        raise ApiError(401, "bad_credentials", "Unknown user, wrong password or disabled account.")
    logs.event("enrol", user=result.user["name"], device=result.device_id,
               previous=previous_device, previous_last_n=result.previous_last_n)
    answer = EnrolResponse(device_id=result.device_id, token=result.token,
                           account=Account(name=result.user["name"], role=result.user["role"],
                                           region=result.user["region"]),
                           previous_last_n=result.previous_last_n)
    # ``previous_last_n`` only to a laptop that asked: an older one forbids
    # unknown fields, even null.
    return JSONResponse(answer.model_dump(exclude={"previous_last_n"} if previous_device is None else set()))
