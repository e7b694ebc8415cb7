"""``GET /api/v1/me`` and ``POST /api/v1/logout``: the laptop's account, and
its token revoked."""
from __future__ import annotations

from fastapi import APIRouter

from murafaqa_protocol.messages import API_PREFIX, Account

from .. import data
from ..openapi import refusals
from .deps import Auth, Db

router = APIRouter()


@router.get(f"{API_PREFIX}/me", response_model=Account, tags=["accounts"], responses=refusals(401, 426))
def me(who: Auth) -> Account:
    return Account(name=who.name, role=who.role, region=who.region)  # type: ignore[arg-type]


@router.post(f"{API_PREFIX}/logout", tags=["accounts"], responses=refusals(401, 426))
def logout(who: Auth, engine: Db) -> dict[str, str]:
    with engine.begin() as conn:
        data.revoke_devices(conn, device_id=who.device_id, why="logout")
    return {"status": "revoked"}
