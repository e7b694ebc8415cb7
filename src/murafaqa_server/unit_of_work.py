"""A push's unit of work: the rows it read (locked), the decisions held in
memory, and every write done at the end, once the real sequences are taken.

Sequences are provisional (PROVISIONAL + k) while deciding; ``flush`` takes
as many real ones at once (which takes the sequence lock), maps the
provisional ones onto them and writes. The lock is thus held only for the
writes and the commit, and pushes touching different rows decide in
parallel; sequences still commit in order and with no gap.

What a mutation may do is not decided here (``rules``): this module only
reads through the push's own writes and writes them.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from murafaqa_protocol.messages import Mutation, MutationResult

from . import data
from .data import Record
from .scope import Actor, Scope

PROVISIONAL = 10**15  # sequences handed out before the real ones are known


class UnitOfWork:
    def __init__(self, conn: Connection, actor: Actor) -> None:
        self.conn = conn
        self.actor = actor
        self.scope = Scope(conn, actor)
        self.seq = PROVISIONAL
        self.results: list[MutationResult] = []
        self.cache: dict[str, Record | None] = {}
        self.pending: dict[str, Record] = {}
        self.inserted: set[str] = set()
        self.conflicts: list[dict[str, Any]] = []
        self.assignments: list[tuple[str, int]] = []  # cooperative, provisional sequence
        self.regions: list[tuple[str, str | None, str | None, int]] = []  # id, from, to, seq
        self.ukeys: dict[str, Record | None] = {}

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    # -- reads through this push's own writes ------------------------------------------
    def preload(self, row_ids: set[str], lock: bool) -> None:
        found = data.get_records(self.conn, row_ids, lock=lock)
        for rid in row_ids:
            self.cache.setdefault(rid, found.get(rid))

    def get(self, row_id: str) -> Record | None:
        if row_id not in self.cache:
            self.cache[row_id] = data.get_record(self.conn, row_id)
        return self.cache[row_id]

    def put(self, rec: Record, *, new: bool = False) -> None:
        self.cache[rec.id] = rec
        self.pending[rec.id] = rec
        if new:
            self.inserted.add(rec.id)

    def _overlay(self, rows: list[Record], keep: Callable[[Record], bool]) -> list[Record]:
        out: dict[str, Record | None] = {r.id: self.cache.get(r.id, r) or r for r in rows}
        out.update(self.pending)
        return [r for r in out.values() if r is not None and not r.deleted and keep(r)]

    def prefetch_ukeys(self, keys: set[str]) -> None:
        """The holders of the unique keys a push's new rows will claim, in one query."""
        found = data.records_by_ukeys(self.conn, keys)
        self.ukeys.update({k: found.get(k) for k in keys})

    def by_ukey(self, key: str) -> Record | None:
        holder = self.ukeys[key] if key in self.ukeys else data.record_by_ukey(self.conn, key)
        found = self._overlay([holder] if holder else [], lambda r: r.ukey == key)
        return found[0] if found else None

    def live_in_cooperative(self, coop_id: str, tbl: str | None = None) -> list[Record]:
        return self._overlay(data.live_in_cooperative(self.conn, coop_id, tbl),
                             lambda r: r.coop_id == coop_id and (tbl is None or r.tbl == tbl))

    def live_mentioning(self, row_id: str, tables: list[str], coop_id: str | None = None) -> list[Record]:
        return self._overlay(data.live_mentioning(self.conn, row_id, tables, coop_id),
                             lambda r: r.tbl in tables and row_id in r.data.values()
                             and (coop_id is None or r.coop_id == coop_id))

    # -- scope ------------------------------------------------------------------
    def sees(self, rec: Record | None) -> bool:
        return rec is not None and self.scope.sees(rec.coop_id, rec.region)

    def assign_self(self, coop_id: str, seq: int) -> None:
        """A coach's new cooperative is theirs: in their scope at once, the
        assignment written with the rest."""
        self.assignments.append((coop_id, seq))
        self.scope.add_cooperative(coop_id)

    # -- conflicts -----------------------------------------------------------------
    def conflict(self, m: Mutation, kind: str, *, rec: Record | None = None, field_name: str | None = None,
                 server: Any = None, client: Any = None, coop_id: str | None = None,
                 region: str | None = None) -> None:
        """A conflict to write, scoped as the row it is about (``rec``) or as
        given."""
        self.conflicts.append({"seq": self.next_seq(), "device_id": self.actor.device_id, "n": m.n,
                               "user_id": self.actor.user_id, "tbl": m.t, "row_id": m.id,
                               "coop_id": rec.coop_id if rec else coop_id, "region": rec.region if rec else region,
                               "field": field_name, "kind": kind, "server_value": server, "client_value": client})

    # -- the end: real sequences, then every write --------------------------------------
    def flush(self, resolved: list[int]) -> None:
        """Take the real sequences, then write everything: all that runs
        under the sequence lock, which every push waits for."""
        # Locked before the sequence, so that whether a resolution takes one is known.
        to_resolve = data.lock_open_conflicts(self.conn, self.actor, resolved) if resolved else []
        used = self.seq - PROVISIONAL + (1 if to_resolve else 0)
        if not used:
            return  # nothing was decided that takes a sequence: nothing to write
        top = data.advance_sequence(self.conn, used)
        base = top - used

        def real(v: int) -> int:
            return base + (v - PROVISIONAL) if v > PROVISIONAL else v

        for rec in self.pending.values():
            rec.seq, rec.cseq = real(rec.seq), real(rec.cseq)
            rec.versions = {f: real(v) for f, v in rec.versions.items()}
        for res in self.results:
            res.seq = real(res.seq)
            if res.vs:
                res.vs = {f: real(v) for f, v in res.vs.items()}
            if res.srv:
                res.srv = {f: [v[0], real(v[1])] for f, v in res.srv.items()}
        data.write_records(self.conn, [r for rid, r in self.pending.items() if rid in self.inserted],
                           [r for rid, r in self.pending.items() if rid not in self.inserted])
        # Who changed what, field by field, in the same transaction as the change.
        at = data.now()
        data.add_history(self.conn, [e for rid, r in self.pending.items()
                                     for e in data.history_entries(r, rid in self.inserted, self.actor.user_id,
                                                                   self.actor.device_id, at)])
        for coop_id, left, region, seq in self.regions:
            data.set_cooperative_region(self.conn, coop_id, region)
            data.add_region_move(self.conn, coop_id, left, real(seq))
        data.add_conflicts(self.conn, [{**c, "seq": real(c["seq"])} for c in self.conflicts])
        for coop_id, seq in self.assignments:
            data.assign(self.conn, self.actor.user_id, coop_id, True, real(seq))
        if to_resolve:
            data.resolve_conflicts(self.conn, to_resolve, top)
