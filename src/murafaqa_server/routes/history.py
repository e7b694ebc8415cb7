"""``GET /api/v1/cooperatives/{key}/history``: who changed what on a
cooperative and on every row that hangs off it, newest first, in pages."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from murafaqa_protocol.messages import (
                                        API_PREFIX,
                                        DEFAULT_HISTORY_ENTRIES,
                                        INT64_MAX,
                                        MAX_HISTORY_ENTRIES,
                                        HistoryPage,
)

from .. import data
from ..openapi import refusals
from ..scope import Scope
from .deps import Auth, Db
from .errors import ApiError

router = APIRouter()

Limit = Annotated[int, Query(ge=1, le=MAX_HISTORY_ENTRIES, description="Entries per page.")]
Before = Annotated[int | None, Query(ge=1, le=INT64_MAX,
                                     description="Only entries older than this one (a page's `next`).")]


# Registered before ``/cooperatives/{key:path}``, whose key would otherwise
# swallow the "/history" (registration numbers hold slashes).
@router.get(f"{API_PREFIX}/cooperatives/{{key:path}}/history", response_model=HistoryPage, tags=["read"],
            responses=refusals(401, 404, 422, 426))
def cooperative_history(key: str, who: Auth, engine: Db, limit: Limit = DEFAULT_HISTORY_ENTRIES,
                        before: Before = None) -> dict[str, Any]:
    """Every change the server accepted on a cooperative and its rows
    (sessions, ratings, plan, diagnosis, financing, attendance): a
    coordinator reads those of their region, a coach those of their
    cooperatives; any other answers exactly as a cooperative that does not
    exist."""
    with engine.connect() as conn:
        rec = None if "\x00" in key else data.find_cooperative(conn, key)
        if rec is None or not Scope(conn, who).sees(rec.coop_id, rec.region):
            raise ApiError(404, "not_found", f"No cooperative {key!r}.")
        found = data.cooperative_history(conn, rec.id, before, limit + 1)
    entries = found[:limit]
    return {"cooperative": rec.id,
            "entries": [{"id": e.id, "seq": e.seq, "at": e.at, "user": e.user, "device": e.device_id,
                         "table": e.tbl, "row": e.row_id, "op": e.op, "field": e.field, "old": e.old, "new": e.new}
                        for e in entries],
            "next": entries[-1].id if len(found) > limit else None}
