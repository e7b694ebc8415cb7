"""The team a coordinator or an administrator follows, sent with a sync.

Who is in a coordinator's team: every active coach whose own region is the
coordinator's, and every active coach with a cooperative assigned in that
region. The first so that a coach of the region with nothing assigned yet
shows (with no cooperatives: someone to give work to); the second because
coaches do cross regions, and the coordinator follows the work done in
their region whoever does it. Each coach's cooperatives are only those the
coordinator sees (the pull's own scope clause): the laptop holds exactly
those, so it computes sessions and overdue from its own rows, and no id of
another region leaves the server. An administrator's team is every active
coach with all their cooperatives. A coach has no team.

Per coach, the laptop that synced last: when, which version of the
application it ran, and how many changes were waiting on it when that sync
started (``X-Murafaqa-Client``; nothing when it runs an older application).
"""
from __future__ import annotations

from sqlalchemy import Connection

from murafaqa_protocol.messages import TeamMember

from . import data
from .scope import Actor

ROLES_WITH_A_TEAM = ("coordinator", "admin")


def members(conn: Connection, actor: Actor) -> list[TeamMember] | None:
    """The actor's team, by coach name; None for a role that has none."""
    if actor.role not in ROLES_WITH_A_TEAM:
        return None
    if actor.role == "coordinator" and not actor.region:
        return []  # sees no cooperative, follows no one
    assigned = data.assigned_in_scope(conn, actor)
    region = actor.region if actor.role == "coordinator" else None
    coaches = data.coaches(conn, region, also=assigned)
    laptops = data.last_laptop_reports(conn, (c.user_id for c in coaches))
    out = []
    for coach in coaches:
        told = laptops.get(coach.user_id)
        out.append(TeamMember(
            coach=coach.name, region=coach.region, cooperatives=assigned.get(coach.user_id, []),
            last_sync=told.last_sync_at if told else None, app_version=told.app_version if told else None,
            pending_at_last_sync=told.pending_at_last_sync if told else None))
    return out
