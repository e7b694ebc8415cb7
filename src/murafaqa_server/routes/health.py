"""``GET /healthz``: the server answers and reaches its database."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import Engine

from murafaqa_protocol.messages import SCHEMA_VERSION

from .. import data
from .deps import Db, WorkerPools

router = APIRouter()


def _sequence(engine: Engine) -> int:
    with engine.connect() as conn:
        return data.current_sequence(conn)


@router.get("/healthz", tags=["ops"])
async def healthz(engine: Db, threads: WorkerPools) -> dict[str, Any]:
    # A thread of its own: a probe answers whatever fills the shared pool.
    seq = await threads.health.run(_sequence, engine)
    return {"status": "ok", "schema_version": SCHEMA_VERSION, "sequence": seq}
