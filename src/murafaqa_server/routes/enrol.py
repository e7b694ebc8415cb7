"""``POST /api/v1/enrol``: a laptop's token for a user's credentials."""
from __future__ import annotations

import anyio.to_thread
from fastapi import APIRouter, Request

from murafaqa_protocol.messages import API_PREFIX, Account, EnrolRequest, EnrolResponse

from .. import logs, services, throttle
from ..openapi import refusals, request_body
from .bodies import check_header, read_body
from .deps import Db, Rules, SchemaHeader, WorkerPools, client_address
from .errors import ApiError, too_many

router = APIRouter()


@router.post(f"{API_PREFIX}/enrol", response_model=EnrolResponse, tags=["sync"],
             responses=refusals(401, 408, 413, 422, 426, 429), openapi_extra=request_body(EnrolRequest))
async def enrol(request: Request, engine: Db, threads: WorkerPools, policy: Rules,
                x_murafaqa_schema: SchemaHeader = None) -> EnrolResponse:
    check_header(x_murafaqa_schema)
    body = await read_body(request, EnrolRequest)
    address = client_address(request)
    # Password checks on threads of their own (deps.PASSWORD_THREADS); a
    # blocked name or address is answered before it queues for one.
    try:
        await anyio.to_thread.run_sync(services.check_throttle, engine, body.user, address)
        result = await threads.password.run(services.enrol, engine, body.user, body.password, body.label,
                                            address, policy)
    except throttle.Throttled as e:
        raise too_many(e) from None
    if result is None:
        raise ApiError(401, "bad_credentials", "Unknown user, wrong password or disabled account.")
    device_id, token, user = result
    logs.event("enrol", user=user["name"], device=device_id)
    return EnrolResponse(device_id=device_id, token=token,
                         account=Account(name=user["name"], role=user["role"], region=user["region"]))
