"""The HTTP API, one router per resource, over the data layer, merge and
pull modules (``deps``: what the routes depend on).

Every refusal is JSON ``{"code", "detail"}``: 401 no or bad token (or a
disabled user, a revoked laptop, an expired token), 403 a role that may not, 404 not found or
outside scope (alike), 422 bad body, 426 a laptop whose schema is not this
server's ("please update the application"), 429 too many failed
sign-ins or recovery codes (``Retry-After``), 503 the escrow key unusable. Nothing is written on any of
them. They come in one order on every route: the schema header, the token,
the body's schema version, the body, the role and scope.
"""
from __future__ import annotations

from fastapi import APIRouter

from . import accounts, assignments, cooperatives, devices, enrol, health, history, set_aside, sync

# In the order the OpenAPI document lists them (and matched: the history's
# path before the cooperative's, which would take it whole).
ROUTERS: list[APIRouter] = [health.router, enrol.router, sync.router, assignments.router, history.router,
                            cooperatives.router, set_aside.router, accounts.router, devices.router]
