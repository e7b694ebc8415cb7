"""``GET /api/v1/cooperatives/{key}``: one cooperative, whole."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from murafaqa_protocol.messages import API_PREFIX, CooperativeView

from .. import data
from ..openapi import refusals
from ..scope import Scope
from .deps import Auth, Db
from .errors import ApiError

router = APIRouter()


# ``path``: registration numbers hold slashes (07/2022/00042), sent as
# they are or percent-encoded (the path reaches the route decoded).
@router.get(f"{API_PREFIX}/cooperatives/{{key:path}}", response_model=CooperativeView, tags=["read"],
            responses=refusals(401, 404, 426))
def cooperative(key: str, who: Auth, engine: Db) -> dict[str, Any]:
    """One cooperative with everything that hangs off it (a coordinator's
    look from the web; the laptop gets the same through sync)."""
    with engine.connect() as conn:
        # No key holds a NUL character (PostgreSQL text cannot): none is looked up.
        rec = None if "\x00" in key else data.find_cooperative(conn, key)
        # Outside the scope answers exactly as not found: a caller must not
        # learn which cooperatives exist beyond what they may read.
        if rec is None or not Scope(conn, who).sees(rec.coop_id, rec.region):
            raise ApiError(404, "not_found", f"No cooperative {key!r}.")
        rows = data.cooperative_rows(conn, rec.id)
        coaches = data.coaches_of(conn, rec.id)
    return {"id": rec.id, "coaches": coaches,
            "rows": [{"table": r.tbl, "id": r.id, **r.data} for r in rows]}
