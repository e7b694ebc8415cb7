"""``PUT /api/v1/devices/me/escrow`` and ``POST /api/v1/devices/recover``:
a laptop's database key, kept sealed by the server, and handed back once
for a recovery code an administrator issued (``murafaqa-server device
recover``).

Neither looks at the schema version: a laptop of any version must be able
to get its own key back.
"""
from __future__ import annotations

from fastapi import APIRouter, Request

from murafaqa_protocol.messages import API_PREFIX, EscrowRequest, EscrowResponse, RecoverRequest, RecoverResponse

from .. import data, devices, escrow, logs, throttle
from ..openapi import refusals, request_body
from ..services import Refused
from .bodies import decoded
from .deps import Auth, Db, Rules, WorkerPools, client_address
from .errors import ApiError, too_many

router = APIRouter()


@router.put(f"{API_PREFIX}/devices/me/escrow", response_model=EscrowResponse, tags=["devices"],
            responses=refusals(401, 422, 426, 503), openapi_extra=request_body(EscrowRequest))
async def put_escrow(request: Request, who: Auth, engine: Db, policy: Rules) -> EscrowResponse:
    body = decoded(await request.body(), request.headers.get("content-encoding", ""), EscrowRequest)
    with engine.begin() as conn:
        try:
            devices.store_escrow(conn, who.device_id, body.key, policy)
        except Refused as e:
            conn.rollback()
            raise ApiError(e.status, e.code, str(e)) from None
        except escrow.EscrowError as e:
            conn.rollback()
            logs.event("escrow_unavailable", error=str(e))
            raise ApiError(503, "escrow_unavailable", "The server cannot keep keys now: try again later.") from None
        stored = data.device(conn, who.device_id)
    logs.event("escrow", user=who.name, device=who.device_id)
    assert stored is not None
    return EscrowResponse(escrowed_at=stored["escrowed_at"])


@router.post(f"{API_PREFIX}/devices/recover", response_model=RecoverResponse, tags=["devices"],
             responses=refusals(401, 422, 429, 503), openapi_extra=request_body(RecoverRequest))
async def recover(request: Request, engine: Db, threads: WorkerPools, policy: Rules) -> RecoverResponse:
    body = decoded(await request.body(), request.headers.get("content-encoding", ""), RecoverRequest)
    address = client_address(request)
    try:
        # An argon2 check: on the password threads, as sign-ins.
        key = await threads.password.run(devices.recover, engine, body.device_id, body.code, address, policy)
    except throttle.Throttled as e:
        raise too_many(e) from None
    except escrow.EscrowError as e:
        logs.event("escrow_unavailable", error=str(e), device=body.device_id)
        raise ApiError(503, "escrow_unavailable", "The server cannot open the kept key now: tell the "
                                                  "administrator.") from None
    if key is None:
        raise ApiError(401, "bad_code", "Unknown laptop, or a wrong, expired or used recovery code.")
    logs.event("recovered", device=body.device_id)
    return RecoverResponse(key=key)
