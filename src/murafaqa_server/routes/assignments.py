"""``POST /api/v1/assignments``: a coordinator hands cooperatives of their
region to a coach (an administrator, any)."""
from __future__ import annotations

from fastapi import APIRouter, Request

from murafaqa_protocol.messages import API_PREFIX, AssignRequest, AssignResponse

from .. import services
from ..openapi import refusals, request_body
from .bodies import read_body
from .deps import Auth, Db
from .errors import ApiError

router = APIRouter()


@router.post(f"{API_PREFIX}/assignments", response_model=AssignResponse, tags=["accounts"],
             responses=refusals(401, 403, 404, 408, 413, 422, 426), openapi_extra=request_body(AssignRequest))
async def assignments(request: Request, who: Auth, engine: Db) -> AssignResponse:
    body = await read_body(request, AssignRequest)
    if who.role not in ("coordinator", "admin"):
        raise ApiError(403, "forbidden", "Only a coordinator or an administrator assigns cooperatives.")
    with engine.begin() as conn:
        try:
            changed = services.assign(conn, body.coach, body.cooperatives, body.active, by=who)
        except services.Refused as e:
            conn.rollback()
            raise ApiError(e.status, e.code, str(e)) from None
    return AssignResponse(changed=changed)
