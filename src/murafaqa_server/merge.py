"""Applying a laptop's push: the field-level merge, in one transaction.

Rules (docs/sync.md):
* a field whose server sequence is not newer than the laptop's base is
  applied; changed meanwhile to the same value, nothing to do; to another
  value, the server keeps its value and a conflict records both;
* deleting a row edited meanwhile, editing a deleted row: conflicts;
* coaching sessions are their author's: others' edits are recorded, not
  applied; a session number already taken on the cooperative moves the
  session to the next free number (a conflict says so); past 12, the session
  is refused and kept whole in the conflict;
* a registration number already taken by another cooperative gets a suffix
  (two laptops created the same cooperative offline): both survive, a
  conflict asks a human to merge them;
* a row outside the user's scope is refused, kept in a conflict, and
  answered exactly as an id the server never held: a refusal says nothing of
  a row the caller may not see, not even that it exists (``unseen``);
* nothing is ever dropped silently, and every mutation gets a result.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from murafaqa_protocol.messages import Mutation, MutationResult
from murafaqa_protocol.tables import TABLES, TableSpec

from . import data
from .data import Actor, Record

MAX_SESSION_NUMBER = 12


class BadPush(ValueError):
    """The body names a table or a field the protocol does not know: 422."""


def validate(mutations: list[Mutation]) -> None:
    """Refuse the whole body before anything is written."""
    for m in mutations:
        spec = TABLES.get(m.t)
        if spec is None:
            raise BadPush(f"mutation {m.n}: unknown table {m.t!r}")
        unknown = set(m.f) - set(spec.fields)
        if unknown:
            raise BadPush(f"mutation {m.n}: unknown field(s) {sorted(unknown)} in {m.t}")
        if set(m.b) - set(spec.fields) - {"_row"}:
            raise BadPush(f"mutation {m.n}: base names unknown field(s)")
        for k, v in m.f.items():
            if not (v is None or isinstance(v, (str, int, float, bool))):
                raise BadPush(f"mutation {m.n}: field {k} must be a plain value")


def ukey(spec: TableSpec, values: dict[str, Any]) -> str | None:
    if not spec.unique:
        return None
    return "|".join([spec.name, *(str(values.get(f)) for f in spec.unique)])


PROVISIONAL = 10**15  # sequences handed out before the real ones are known


@dataclass
class Push:
    """One push: rows read once (locked), decisions made in memory, every
    write done at the end, when the real sequences are taken.

    Sequences are provisional (PROVISIONAL + k) while deciding; ``flush``
    takes as many real ones at once (which takes the sequence lock), maps
    the provisional ones onto them and writes. The lock is thus held only
    for the writes and the commit, and pushes touching different rows
    decide in parallel; sequences still commit in order and with no gap."""

    conn: Connection
    actor: Actor
    seq: int = PROVISIONAL
    results: list[MutationResult] = field(default_factory=list)
    _coops: set[str] | None = None
    _regions: set[str] | None = None
    cache: dict[str, Record | None] = field(default_factory=dict)
    pending: dict[str, Record] = field(default_factory=dict)
    inserted: set[str] = field(default_factory=set)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    assignments: list[tuple[str, int]] = field(default_factory=list)
    regions: list[tuple[str, str | None, str | None, int]] = field(default_factory=list)  # id, from, to, seq
    ukeys: dict[str, Record | None] = field(default_factory=dict)

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

    def _overlay(self, rows: list[Record], keep) -> list[Record]:
        out = {r.id: self.cache.get(r.id, r) or r for r in rows}
        out.update({rid: r for rid, r in self.pending.items()})
        return [r for r in out.values() if r is not None and not r.deleted and keep(r)]

    def prefetch_ukeys(self, keys: set[str]) -> None:
        """The holders of the unique keys a push's new rows will claim, in one query."""
        found = data.records_by_ukeys(self.conn, keys)
        self.ukeys.update({k: found.get(k) for k in keys})

    def by_ukey(self, key: str) -> Record | None:
        holder = self.ukeys[key] if key in self.ukeys else data.record_by_ukey(self.conn, key)
        found = self._overlay([holder] if holder else [], lambda r: r.ukey == key)
        return found[0] if found else None

    def live_in_cooperative(self, coop_id: str, tbl: str) -> list[Record]:
        return self._overlay(data.live_in_cooperative(self.conn, coop_id, tbl),
                             lambda r: r.coop_id == coop_id and r.tbl == tbl)

    def live_mentioning(self, row_id: str, tables: list[str]) -> list[Record]:
        return self._overlay(data.live_mentioning(self.conn, row_id, tables),
                             lambda r: r.tbl in tables and row_id in r.data.values())

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
        for coop_id, left, region, seq in self.regions:
            data.set_cooperative_region(self.conn, coop_id, region)
            data.add_region_move(self.conn, coop_id, left, real(seq))
        data.add_conflicts(self.conn, [{**c, "seq": real(c["seq"])} for c in self.conflicts])
        for coop_id, seq in self.assignments:
            data.assign(self.conn, self.actor.user_id, coop_id, True, real(seq))
        if to_resolve:
            data.resolve_conflicts(self.conn, to_resolve, top)

    # -- scope ------------------------------------------------------------------
    def can(self, coop_id: str | None, region: str | None) -> bool:
        a = self.actor
        if a.role == "admin":
            return True
        if a.role == "coordinator":
            return region is not None and region == a.region
        if self._coops is None:
            self._coops = data.assigned(self.conn, a.user_id)
        if coop_id is not None:
            return coop_id in self._coops or any(coop_id == c for c, _ in self.assignments)
        if self._regions is None:  # only rows with no cooperative (trainings) need the regions
            self._regions = data.coach_regions(self.conn, a)
        return region in self._regions

    def _assign_self(self, coop_id: str, seq: int) -> None:
        self.assignments.append((coop_id, seq))

    # -- conflicts -----------------------------------------------------------------
    def conflict(self, m: Mutation, kind: str, *, rec: Record | None = None, field_name: str | None = None,
                 server: Any = None, client: Any = None, coop_id: str | None = None,
                 region: str | None = None) -> None:
        self.conflicts.append(dict(seq=self.next_seq(), device_id=self.actor.device_id, n=m.n,
                                   user_id=self.actor.user_id, tbl=m.t, row_id=m.id,
                                   coop_id=rec.coop_id if rec else coop_id, region=rec.region if rec else region,
                                   field=field_name, kind=kind, server_value=server, client_value=client))

    def sees(self, rec: Record | None) -> bool:
        return rec is not None and self.can(rec.coop_id, rec.region)

    # -- one mutation ----------------------------------------------------------------
    def apply(self, m: Mutation) -> MutationResult:
        rec = self.get(m.id)
        if not self.sees(rec):
            return self.unseen(m, taken=rec is not None)
        assert rec is not None
        if rec.tbl != m.t:
            self.conflict(m, "rejected", rec=rec, client=m.f)
            return MutationResult(n=m.n, st="rejected", why="id_taken", gone=True)
        if m.op == "delete":
            return self.delete(m, rec)
        if rec.deleted:
            self.conflict(m, "edit_vs_delete", rec=rec, client=m.f)
            return MutationResult(n=m.n, st="conflict", why="deleted", gone=True)
        return self.edit(m, rec)

    def unseen(self, m: Mutation, *, taken: bool) -> MutationResult:
        """A mutation naming a row the caller may not see: none by that id, or
        one out of their scope (a live or a deleted one, of any table).

        Both get the same answer and the same conflict, built from the
        mutation alone; a row out of scope is never read into a result. Only
        a whole new row, in scope, can tell them apart: a free id is created,
        a taken one is refused as ``id_taken`` (ids are unique across all
        scopes), and that is all it learns."""
        if m.op == "delete":
            return self.refuse(m, "forbidden", {"_delete": True})
        return self.create(m, taken=taken)

    def refuse(self, m: Mutation, why: str, client: Any = None) -> MutationResult:
        """A refusal kept whole in a conflict that only its author (and an
        administrator) sees: it has no cooperative and no region."""
        self.conflict(m, "forbidden" if why == "forbidden" else "rejected",
                      client=m.f if client is None else client)
        return MutationResult(n=m.n, st="rejected", why=why, gone=True)

    def _scope_of_new(self, spec: TableSpec, values: dict[str, Any], row_id: str
                      ) -> tuple[str | None, str | None, str | None]:
        """(coop_id, region, refusal) of a row about to be created. A link to
        a row the caller may not see is ``forbidden`` whether that row exists
        or not; ``parent_missing`` is for one they see, deleted or of another
        table."""
        if spec.parent is None:
            coop = row_id if spec.name == "cooperatives" else None
            return coop, values.get(spec.region_field or ""), None
        parent: Record | None = None
        for fk, table in (spec.parent, *spec.cascades):
            ref = values.get(fk)
            other = self.get(ref) if isinstance(ref, str) else None
            if other is None or not self.sees(other):
                return None, None, "forbidden"
            if other.deleted or other.tbl != table:
                return None, None, "parent_missing"
            parent = parent or other
        assert parent is not None
        return parent.coop_id, parent.region, None

    def create(self, m: Mutation, *, taken: bool = False) -> MutationResult:
        """A new row (``taken``: its id is held by a row the caller may not see)."""
        spec = TABLES[m.t]
        values = {f: m.f.get(f) for f in spec.fields}
        if any(values.get(f) is None for f in spec.required):
            # Not a whole row: an edit of a row the caller cannot see (taken
            # out of their scope, or never on the server).
            return self.refuse(m, "forbidden")
        coop_id, region, refusal = self._scope_of_new(spec, values, m.id)
        if refusal:
            return self.refuse(m, refusal)
        creating_coop = spec.name == "cooperatives" and self.actor.role == "coach"
        if not creating_coop and not self.can(coop_id, region):
            return self.refuse(m, "forbidden")
        if taken:
            return self.refuse(m, "id_taken")
        srv: dict[str, list[Any]] = {}
        key = ukey(spec, values)
        if key is not None and self.by_ukey(key) is not None:
            moved = self._make_unique(m, spec, values, coop_id, region)
            if moved is None:
                return MutationResult(n=m.n, st="rejected", why="duplicate", gone=True)
            srv = moved
            key = ukey(spec, values)
        seq = self.next_seq()
        rec = Record(tbl=m.t, id=m.id, data=values, versions={f: seq for f in spec.fields}, seq=seq, cseq=seq,
                     writers={f: self.actor.device_id for f in spec.fields},
                     coop_id=coop_id, region=region, ukey=key, author_id=self.actor.user_id,
                     origin=self.actor.device_id)
        self.put(rec, new=True)
        if creating_coop:
            self._assign_self(m.id, seq)
        for f in srv:
            srv[f][1] = seq
        return MutationResult(n=m.n, st="conflict" if srv else "ok", seq=seq, srv=srv or None)

    def _make_unique(self, m: Mutation, spec: TableSpec, values: dict[str, Any], coop_id: str | None,
                     region: str | None) -> dict[str, list[Any]] | None:
        """Move a new row off a taken unique key, or refuse it (kept whole in
        a conflict). Returns the fields changed, as the server now holds them."""
        if spec.name == "coaching_sessions":
            taken = [r.data.get("number") or 0 for r in self.live_in_cooperative(coop_id or "",
                                                                                 "coaching_sessions")]
            number = max(taken, default=0) + 1
            if number > MAX_SESSION_NUMBER:
                self.conflict(m, "duplicate", field_name="number", client=m.f, coop_id=coop_id, region=region)
                return None
            self.conflict(m, "renumbered", field_name="number", server=number, client=values["number"],
                          coop_id=coop_id, region=region)
            values["number"] = number
            return {"number": [number, 0]}
        if spec.name == "cooperatives":
            original = str(values["registration_number"])
            candidate, i = f"{original}~{m.id[-6:]}", 0
            while self.by_ukey(ukey(spec, {**values, "registration_number": candidate}) or ""):
                i += 1
                candidate = f"{original}~{m.id[-6:]}{i}"
            self.conflict(m, "duplicate", field_name="registration_number", server=candidate, client=original,
                          coop_id=coop_id, region=region)
            values["registration_number"] = candidate
            return {"registration_number": [candidate, 0]}
        self.conflict(m, "duplicate", client=m.f, coop_id=coop_id, region=region)
        return None

    def edit(self, m: Mutation, rec: Record) -> MutationResult:
        spec = TABLES[m.t]
        not_author = (spec.name == "coaching_sessions" and rec.author_id != self.actor.user_id
                      and self.actor.role != "admin")
        applied: dict[str, Any] = {}
        vs: dict[str, int] = {}
        srv: dict[str, list[Any]] = {}
        for f, value in m.f.items():
            server_value, server_seq = rec.data.get(f), rec.versions.get(f, 0)
            if value == server_value:
                vs[f] = server_seq
                continue
            fixed = spec.parent is not None and f in (spec.parent[0], *(c[0] for c in spec.cascades))
            # Written since the base by someone else: a conflict. Written since
            # by this same laptop (an earlier entry whose answer it has not
            # seen yet): its later edit simply follows its own.
            meanwhile = server_seq > m.b.get(f, 0) and rec.writers.get(f) != self.actor.device_id
            if not_author or fixed or meanwhile or (f in spec.required and value is None):
                kind = "not_author" if not_author else "conflict"
                self.conflict(m, kind, rec=rec, field_name=f, server=server_value, client=value)
                srv[f] = [server_value, server_seq]
            else:
                applied[f] = value
        if applied:
            new = {**rec.data, **applied}
            key = ukey(spec, new)
            if key != rec.ukey and key is not None:
                holder = self.by_ukey(key)
                if holder is not None and holder.id != rec.id:
                    for f in spec.unique:
                        if f in applied:
                            self.conflict(m, "duplicate", rec=rec, field_name=f, server=rec.data.get(f),
                                          client=applied.pop(f))
                            srv[f] = [rec.data.get(f), rec.versions.get(f, 0)]
                    new = {**rec.data, **applied}
                    key = ukey(spec, new)
        if applied:
            seq = self.next_seq()
            rec.data, rec.ukey, rec.seq, rec.origin = new, key, seq, self.actor.device_id
            rec.versions.update({f: seq for f in applied})
            rec.writers.update({f: self.actor.device_id for f in applied})
            if spec.name == "cooperatives" and "region" in applied:
                # Into another region's scope: its coordinator's laptop has
                # none of it, so the cooperative travels whole once more; the
                # region it leaves is recorded, for its coordinator's laptop
                # to drop it.
                self.regions.append((rec.id, rec.region, applied["region"], seq))
                rec.region = applied["region"]
                rec.cseq = seq
                for row in self.descendants(rec):
                    row.region, row.seq, row.cseq = applied["region"], seq, seq
                    self.put(row)
            self.put(rec)
        else:
            seq = 0
        vs = {f: s for f, s in vs.items() if s != seq}
        return MutationResult(n=m.n, st="conflict" if srv else "ok", seq=seq, vs=vs or None, srv=srv or None)

    # -- deletion ------------------------------------------------------------------------
    def delete(self, m: Mutation, rec: Record) -> MutationResult:
        """The deletion of a row the caller sees."""
        if rec.deleted:
            return MutationResult(n=m.n, st="ok", gone=True)
        not_author = (rec.tbl == "coaching_sessions" and rec.author_id != self.actor.user_id
                      and self.actor.role != "admin")
        base = m.b.get("_row", 0)
        edited = any(s > base and rec.writers.get(f) != self.actor.device_id for f, s in rec.versions.items())
        if not_author or edited:
            self.conflict(m, "not_author" if not_author else "delete_vs_edit", rec=rec,
                          server=rec.data, client={"_delete": True})
            seq = self.resurrect(rec)
            return MutationResult(n=m.n, st="conflict", seq=seq, why="edited_meanwhile")
        seq = self.next_seq()
        for row in [rec, *self.descendants(rec)]:
            row.deleted, row.seq, row.ukey, row.origin = True, seq, None, self.actor.device_id
            self.put(row)
        for table_name, spec in TABLES.items():
            for fk, target in spec.nulls:
                if target != rec.tbl:
                    continue
                for row in self.live_mentioning(rec.id, [table_name]):
                    if row.data.get(fk) == rec.id:
                        row.data[fk] = None
                        row.versions[fk] = seq
                        row.writers[fk] = self.actor.device_id
                        row.seq = seq
                        self.put(row)
        return MutationResult(n=m.n, st="ok", seq=seq, gone=True)

    def descendants(self, rec: Record) -> list[Record]:
        """Live rows that go with rec (the laptop's ON DELETE CASCADE)."""
        if rec.tbl == "cooperatives":
            return [r for r in self._overlay(data.live_in_cooperative(self.conn, rec.id),
                                             lambda r: r.coop_id == rec.id) if r.id != rec.id]
        found: list[Record] = []
        frontier = [rec]
        while frontier:
            parent = frontier.pop()
            children_tables = [s.name for s in TABLES.values()
                               if any(t == parent.tbl for _, t in ((s.parent,) if s.parent else ()) + s.cascades)]
            if not children_tables:
                continue
            for row in self.live_mentioning(parent.id, children_tables):
                spec = TABLES[row.tbl]
                links = ((spec.parent,) if spec.parent else ()) + spec.cascades
                if any(row.data.get(fk) == parent.id and t == parent.tbl for fk, t in links):
                    if all(row.id != f.id for f in found):
                        found.append(row)
                        frontier.append(row)
        return found

    def resurrect(self, rec: Record) -> int:
        """A refused deletion: the laptop already removed the row (and its
        children) locally, so send them all back whole at a new sequence."""
        seq = self.next_seq()
        for row in [rec, *self.descendants(rec)]:
            row.seq = row.cseq = seq
            row.versions = {f: seq for f in TABLES[row.tbl].fields}
            row.writers = {}
            row.origin = None
            self.put(row)
        return seq

    def replay(self, m: Mutation) -> MutationResult:
        """A mutation already applied (its response was lost): say how the
        server holds its fields now, without applying anything again. A row
        the caller may not see (any more) is answered as one gone: a replay
        is no way to read a row by its id."""
        rec = self.get(m.id)
        if rec is None or rec.deleted or rec.tbl != m.t or not self.sees(rec):
            return MutationResult(n=m.n, st="replay", gone=True)
        if m.op == "delete":
            return MutationResult(n=m.n, st="replay", seq=rec.cseq)
        vs = {f: rec.versions.get(f, 0) for f in m.f}
        srv = {f: [rec.data.get(f), rec.versions.get(f, 0)] for f in m.f if rec.data.get(f) != m.f[f]}
        return MutationResult(n=m.n, st="replay", vs=vs or None, srv=srv or None)


def push(conn: Connection, actor: Actor, mutations: list[Mutation], resolved: list[int], *,
         serial: bool = False) -> tuple[list[MutationResult], int]:
    """Apply a push; returns the results and the laptop's last applied number.

    The laptop's own row is locked first (its pushes never overlap), then
    every row the push names (``FOR UPDATE``), then decisions are made and
    written with real sequences at the end (``Push.flush``). ``serial``
    takes the sequence lock from the start: the fallback when a parallel
    push met another on a unique key or a lock cycle.
    """
    validate(mutations)
    if serial:
        data.lock_sequence(conn)
    state = Push(conn, actor)
    last_n = data.lock_device(conn, actor.device_id)
    fresh = [m for m in mutations if m.n > last_n]
    ids = {m.id for m in fresh}
    for m in fresh:
        spec = TABLES[m.t]
        for fk, _t in ((spec.parent,) if spec.parent else ()) + spec.cascades:
            if isinstance(m.f.get(fk), str):
                ids.add(m.f[fk])
    state.preload(ids, lock=True)
    keys = {ukey(TABLES[m.t], {f: m.f.get(f) for f in TABLES[m.t].fields})
            for m in fresh if m.op == "upsert" and state.cache.get(m.id) is None}
    state.prefetch_ukeys({k for k in keys if k})
    seen: set[int] = set()
    for m in sorted(mutations, key=lambda x: x.n):
        if m.n in seen:
            continue
        seen.add(m.n)
        if m.n <= last_n:
            state.results.append(state.replay(m))
            continue
        state.results.append(state.apply(m))
        last_n = m.n
    data.save_device_progress(conn, actor.device_id, last_n)  # before the sequence lock: its row is locked already
    state.flush(resolved)
    return state.results, last_n
