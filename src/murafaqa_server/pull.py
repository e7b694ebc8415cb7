"""Building a pull page: what changed since the laptop's cursor, in its scope.

The target (the sequence reached when the first page was asked for) is
fixed for the whole pull; pages are cut by row position, so a link that
drops resumes from the last page received. A row changed again while the
pull runs is either still ahead (it comes with its newer fields) or
behind (its sequence is past the target: the next pull brings it).
Only changed fields travel; a row the laptop cannot have yet (created
since the cursor, resurrected, or in a newly assigned cooperative) travels
whole. Fields this laptop wrote itself in its last write are not echoed.

A laptop that asks for them gets the page in columns, and references to
rows it holds from this pull by position (``murafaqa_protocol.columns``).
A row of an earlier page is said held when it is at or before ``after``,
has not changed since the pull began (its sequence is within the target,
so it travelled as it is now), belongs to a cooperative of this page, and
travels in this pull (``_change``). Should that judgement ever be wrong,
the laptop finds no row at the position and asks for the page again
without positions: nothing wrong is ever applied.
"""
from __future__ import annotations

from sqlalchemy import Connection

from murafaqa_protocol.columns import REFERENCES, Positions, to_blocks
from murafaqa_protocol.messages import Change, ConflictOut, PullPage, PullRequest
from murafaqa_protocol.tables import TABLES

from . import data
from .data import Actor, Record


def _change(rec: Record, cursor: int, whole: bool, me: str) -> Change | None:
    if rec.deleted:
        return Change(t=rec.tbl, id=rec.id, s=rec.seq, d=True)
    mine = rec.origin == me and rec.origin is not None
    if whole or rec.cseq > cursor:
        if mine and rec.cseq == rec.seq and not whole:
            return None  # created by this laptop and untouched since: it has it
        fields = {f: rec.data.get(f) for f in TABLES[rec.tbl].fields}
        versions = {f: rec.versions.get(f, 0) for f in fields}
        w = True
    else:
        fields = {f: v for f, v in rec.data.items()
                  if rec.versions.get(f, 0) > cursor and not (mine and rec.versions.get(f) == rec.seq)}
        if not fields:
            return None
        versions = {f: rec.versions.get(f, 0) for f in fields}
        w = False
    odd = {f: s for f, s in versions.items() if s != rec.seq}
    return Change(t=rec.tbl, id=rec.id, s=rec.seq, f=fields, v=odd or None, w=w)


# Rows of earlier pages looked up at once, at most this many per statement.
_LOOKUP = 1000


def _held(conn: Connection, actor: Actor, req: PullRequest, target: int, whole: set[str],
          sent: list[tuple[Record, Change]]) -> dict[str, int]:
    """The rows of earlier pages of this pull that this page refers to and
    that the laptop holds (see above): id -> position."""
    if not req.after:
        return {}
    here = {c.id for _, c in sent}
    coops = {r.coop_id for r, _ in sent if r.coop_id}
    wanted = sorted({v for _, c in sent for k in REFERENCES.get(c.t, ())
                     if isinstance(v := (c.f or {}).get(k), str) and v not in here})
    held: dict[str, int] = {}
    for i in range(0, len(wanted), _LOOKUP):
        for rec in data.get_records(conn, wanted[i:i + _LOOKUP]).values():
            if rec.pk is not None and rec.pk <= req.after and rec.seq <= target and rec.coop_id in coops \
                    and _change(rec, req.cursor, rec.coop_id in whole, actor.device_id) is not None:
                held[rec.id] = rec.pk
    return held


def page(conn: Connection, actor: Actor, req: PullRequest, *, count: bool = False, columns: bool = False,
         positions: bool = False) -> PullPage:
    """``count``: with the first page (no target yet), how many rows the
    whole pull holds; ``columns``: the rows in blocks; ``positions``: and
    references by position (with ``columns`` only)."""
    target = req.target if req.target is not None else data.current_sequence(conn)
    cursor = req.cursor
    whole: set[str] = set()
    gone: set[str] = set()
    regions: set[str] | None = None
    coops: set[str] | None = None
    if actor.role == "coach":
        mine = data.coach_assignments(conn, actor.user_id)
        # A cooperative the coach was assigned by creating it (the assignment
        # took the creation's sequence) travels as ordinary changes.
        whole = {a.coop_id for a in mine if a.active and a.seq > cursor and a.seq != a.cseq}
        gone = {a.coop_id for a in mine if not a.active and a.seq > cursor}
        # Once, for the rows and the conflicts.
        regions = {a.region for a in mine if a.active and a.region} | ({actor.region} if actor.region else set())
        coops = {a.coop_id for a in mine if a.active}
    elif actor.role == "coordinator" and actor.region:
        gone = data.moved_out_of(conn, actor.region, cursor)  # dropped once the laptop's outbox has drained
    rows = data.changes_page(conn, actor, cursor, req.after, req.limit + 1, whole, regions, coops)
    more = len(rows) > req.limit
    rows = rows[: req.limit]
    sent = [(r, c) for r in rows if (c := _change(r, cursor, r.coop_id in whole, actor.device_id)) is not None]
    changes = [c for _, c in sent]
    after = rows[-1].pk if rows else req.after
    result = PullPage(target=target, after=after or 0, more=more, changes=changes)
    if columns:
        at = Positions({c.id: r.pk for r, c in sent if r.pk is not None},
                       _held(conn, actor, req, target, whole, sent)) if positions else None
        result.blocks, result.changes, result.positions = to_blocks(changes, positions=at), [], positions
    if count and req.target is None:
        result.rows = (len(rows) if not more
                       else data.count_changes(conn, actor, cursor, req.after, whole, regions, coops))
    if not more:
        result.conflicts = [
            ConflictOut(id=c["id"], seq=c["seq"], t=c["tbl"], row=c["row_id"], field=c["field"], kind=c["kind"],
                        server=c["server_value"], client=c["client_value"], user=c["user"],
                        at=c["created_at"], resolved=bool(c["resolved"]))
            for c in data.conflicts_since(conn, actor, cursor, regions, coops)]
        result.gone = sorted(gone)
    return result
