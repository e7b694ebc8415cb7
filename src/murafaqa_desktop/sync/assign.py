"""A coordinator assigns cooperatives to a coach from the desktop.

The server checks the role and the region; the coach's laptop receives the
cooperative whole at its next sync (or lets it go once its outbox drained)."""
from __future__ import annotations

import httpx
from sqlite_utils import Database

from murafaqa_protocol.messages import SCHEMA_VERSION, AssignRequest, AssignResponse

from .account import transport_for


def assign(db: Database, coach: str, cooperatives: list[str], *, active: bool = True,
           client: httpx.Client | None = None) -> list[str]:
    """Assign (or, with ``active=False``, unassign) cooperatives by id or
    registration number; returns the ids whose assignment changed."""
    transport = transport_for(db, client=client)
    try:
        answer: AssignResponse = transport.post(
            "/assignments", AssignRequest(schema_version=SCHEMA_VERSION, coach=coach,
                                          cooperatives=list(cooperatives), active=active), AssignResponse)
    finally:
        if client is None:
            transport.close()
    return answer.changed
