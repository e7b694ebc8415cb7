"""The team the server last told this laptop of: each coach a coordinator
(their region's) or an administrator (every region) follows, their
cooperatives, and what their most recently synced laptop told at that sync.

Written by the sync engine in the sync's final transaction, replacing the
whole team; read by the dashboard, which computes sessions this month and
overdue from this laptop's own rows of those cooperatives. Local: never
synced. A sync that brings no team (a coach's, or an older server's) leaves
the last one as it was: ``received_at`` says how old it is.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from murafaqa_protocol.messages import TeamMember

from . import sync_state
from .rows import fetch_all


@dataclass(frozen=True)
class Member:
    coach: str
    region: str | None
    cooperative_ids: tuple[str, ...]  # assigned to the coach, in this laptop's scope
    last_sync: str | None  # ISO time of that coach's laptop's last sync; None: never synced
    app_version: str | None  # None: that laptop did not say (an older application)
    pending_at_last_sync: int | None  # changes waiting on that laptop when that sync started
    received_at: str  # when this laptop received it (the end of its sync)


def replace(db: Database, team: Iterable[TeamMember], received_at: str) -> None:
    """The team as the server told it now, in place of the last one (call
    inside the sync's transaction)."""
    db.execute("DELETE FROM team_members")
    sync_state.put(db, team_received_at=received_at)
    db.conn.executemany(
        "INSERT INTO team_members (coach, region, cooperative_ids, last_sync, app_version, pending_at_last_sync, "
        "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [[m.coach, m.region, json.dumps(sorted(m.cooperatives)), m.last_sync, m.app_version,
          m.pending_at_last_sync, received_at] for m in team])


def members(db: Database) -> list[Member]:
    """The last team received, by coach name (empty: none received yet, or
    a team of no one)."""
    return [Member(coach=r["coach"], region=r["region"], cooperative_ids=tuple(json.loads(r["cooperative_ids"])),
                   last_sync=r["last_sync"], app_version=r["app_version"],
                   pending_at_last_sync=r["pending_at_last_sync"], received_at=r["received_at"])
            for r in fetch_all(db, "SELECT * FROM team_members ORDER BY coach")]


def received_at(db: Database) -> str | None:
    """When the last team was received (None: never), also when it held no one."""
    return sync_state.get(db, "team_received_at")
