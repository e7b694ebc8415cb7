"""``GET /api/v1/set-aside``: the mutations the server could not apply, kept
with their reason (``murafaqa_server.set_aside``), for a coordinator to see
what was typed in their region and did not go through."""
from __future__ import annotations

from fastapi import APIRouter

from murafaqa_protocol.messages import API_PREFIX, SetAsideView

from .. import data
from ..openapi import refusals
from .deps import Auth, Db

router = APIRouter()

LATEST = 500  # the most recent ones: a list for a person to read, not an export


@router.get(f"{API_PREFIX}/set-aside", response_model=list[SetAsideView], tags=["read"],
            responses=refusals(401, 426))
def set_aside(who: Auth, engine: Db) -> list[SetAsideView]:
    """The latest first (at most 500). An administrator sees all of them, a
    coordinator those of their region (and their own), a coach their own."""
    with engine.connect() as conn:
        found = data.set_aside_seen(conn, who, LATEST)
    return [SetAsideView(id=r["id"], user=r["user"], device_id=r["device_id"], n=r["n"], t=r["tbl"],
                         row=r["row_id"], op=r["op"], region=r["region"], content=r["content"],
                         reason=r["reason"], at=r["created_at"]) for r in found]
