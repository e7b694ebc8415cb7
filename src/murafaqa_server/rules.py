"""The mutation rules of a push: what each mutation does to the rows, decided
in memory on a unit of work (``unit_of_work``), which writes it all at the end.

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
* what only a coordinator or an administrator writes (a call, its places,
  an application's decision and withdrawal: ``TableSpec.deciders``) written
  by a coach refuses the whole push (``Forbidden``: 403, nothing written);
* a programme-wide row (a call) has the region ``scope.PROGRAMME``; a
  child row with a region of its own (a call's places) is scoped by it;
* nothing is ever dropped silently, and every mutation gets a result.
"""
from __future__ import annotations

from typing import Any

from murafaqa_protocol.messages import Mutation, MutationResult
from murafaqa_protocol.tables import TABLES, TableSpec

from .data import Record
from .scope import PROGRAMME
from .unit_of_work import UnitOfWork

DECIDERS = ("coordinator", "admin")


class Forbidden(Exception):
    """A coach's push writes what only a coordinator or an administrator
    writes: the whole push is refused (403)."""

    def __init__(self, m: Mutation) -> None:
        super().__init__(f"mutation {m.n}: only a coordinator or an administrator decides on applications "
                         f"and manages calls ({m.t})")

MAX_SESSION_NUMBER = 12


def ukey(spec: TableSpec, values: dict[str, Any]) -> str | None:
    """A row's unique key among the live rows of its table (None: it has none)."""
    if not spec.unique:
        return None
    return "|".join([spec.name, *(str(values.get(f)) for f in spec.unique)])


class Rules:
    """Each mutation of one push, decided on its unit of work."""

    def __init__(self, work: UnitOfWork) -> None:
        self.work = work

    # -- one mutation ----------------------------------------------------------------
    def apply(self, m: Mutation) -> MutationResult:
        rec = self.work.get(m.id)
        if self.work.actor.role not in DECIDERS and self.writes_deciders(m, rec):
            raise Forbidden(m)
        if not self.work.sees(rec):
            return self.unseen(m, taken=rec is not None)
        assert rec is not None
        if rec.tbl != m.t:
            self.work.conflict(m, "rejected", rec=rec, client=m.f)
            return MutationResult(n=m.n, st="rejected", why="id_taken", gone=True)
        if m.op == "delete":
            return self.delete(m, rec)
        if rec.deleted:
            self.work.conflict(m, "edit_vs_delete", rec=rec, client=m.f)
            return MutationResult(n=m.n, st="conflict", why="deleted", gone=True)
        return self.edit(m, rec)

    def writes_deciders(self, m: Mutation, rec: Record | None) -> bool:
        """Does the mutation write a field only a coordinator or an
        administrator writes? A value that stays as the server holds it (or
        empty, on a new row) is no write; a row out of the caller's scope is
        judged as a new one, so the answer tells nothing of it."""
        spec = TABLES[m.t]
        if not spec.deciders:
            return False
        if m.op == "delete":
            return set(spec.fields) <= set(spec.deciders)
        current = rec.data if rec is not None and rec.tbl == m.t and not rec.deleted and self.work.sees(rec) else {}
        return any(f in m.f and m.f[f] != current.get(f) for f in spec.deciders)

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
        self.work.conflict(m, "forbidden" if why == "forbidden" else "rejected",
                      client=m.f if client is None else client)
        return MutationResult(n=m.n, st="rejected", why=why, gone=True)

    def _scope_of_new(self, spec: TableSpec, values: dict[str, Any], row_id: str
                      ) -> tuple[str | None, str | None, str | None]:
        """(coop_id, region, refusal) of a row about to be created. A link to
        a row the caller may not see is ``forbidden`` whether that row exists
        or not; ``parent_missing`` is for one they see, deleted or of another
        table."""
        if spec.programme_wide:
            return None, PROGRAMME, None
        if spec.parent is None:
            coop = row_id if spec.name == "cooperatives" else None
            return coop, values.get(spec.region_field or ""), None
        parent: Record | None = None
        for fk, table in (spec.parent, *spec.cascades):
            ref = values.get(fk)
            other = self.work.get(ref) if isinstance(ref, str) else None
            if other is None or not self.work.sees(other):
                return None, None, "forbidden"
            if other.deleted or other.tbl != table:
                return None, None, "parent_missing"
            if parent is not None and None not in (parent.coop_id, other.coop_id) \
                    and other.coop_id != parent.coop_id:
                # a session's review of another cooperative's action: the
                # action it needs is not in its cooperative (and a deletion
                # finds a row's children in its own cooperative only)
                return None, None, "parent_missing"
            parent = parent or other
        assert parent is not None
        if spec.region_field:
            # A row of its own region under a programme-wide parent (a call's places).
            return None, values.get(spec.region_field), None
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
        creating_coop = spec.name == "cooperatives" and self.work.actor.role == "coach"
        if not creating_coop and not self.work.scope.sees(coop_id, region):
            return self.refuse(m, "forbidden")
        if taken:
            return self.refuse(m, "id_taken")
        srv: dict[str, list[Any]] = {}
        key = ukey(spec, values)
        if key is not None and self.work.by_ukey(key) is not None:
            moved = self._make_unique(m, spec, values, coop_id, region)
            if moved is None:
                return MutationResult(n=m.n, st="rejected", why="duplicate", gone=True)
            srv = moved
            key = ukey(spec, values)
        seq = self.work.next_seq()
        rec = Record(tbl=m.t, id=m.id, data=values, versions=dict.fromkeys(spec.fields, seq), seq=seq, cseq=seq,
                     writers=dict.fromkeys(spec.fields, self.work.actor.device_id),
                     coop_id=coop_id, region=region, ukey=key, author_id=self.work.actor.user_id,
                     origin=self.work.actor.device_id)
        self.work.put(rec, new=True)
        if creating_coop:
            self.work.assign_self(m.id, seq)
        for f in srv:
            srv[f][1] = seq
        return MutationResult(n=m.n, st="conflict" if srv else "ok", seq=seq, srv=srv or None)

    def _make_unique(self, m: Mutation, spec: TableSpec, values: dict[str, Any], coop_id: str | None,
                     region: str | None) -> dict[str, list[Any]] | None:
        """Move a new row off a taken unique key, or refuse it (kept whole in
        a conflict). Returns the fields changed, as the server now holds them."""
        if spec.name == "coaching_sessions":
            taken = [r.data.get("number") or 0 for r in self.work.live_in_cooperative(coop_id or "",
                                                                                 "coaching_sessions")]
            number = max(taken, default=0) + 1
            if number > MAX_SESSION_NUMBER:
                self.work.conflict(m, "duplicate", field_name="number", client=m.f, coop_id=coop_id, region=region)
                return None
            self.work.conflict(m, "renumbered", field_name="number", server=number, client=values["number"],
                          coop_id=coop_id, region=region)
            values["number"] = number
            return {"number": [number, 0]}
        if spec.name == "cooperatives":
            original = str(values["registration_number"])
            candidate, i = f"{original}~{m.id[-6:]}", 0
            while self.work.by_ukey(ukey(spec, {**values, "registration_number": candidate}) or ""):
                i += 1
                candidate = f"{original}~{m.id[-6:]}{i}"
            self.work.conflict(m, "duplicate", field_name="registration_number", server=candidate, client=original,
                          coop_id=coop_id, region=region)
            values["registration_number"] = candidate
            return {"registration_number": [candidate, 0]}
        self.work.conflict(m, "duplicate", client=m.f, coop_id=coop_id, region=region)
        return None

    def edit(self, m: Mutation, rec: Record) -> MutationResult:
        spec = TABLES[m.t]
        not_author = (spec.name == "coaching_sessions" and rec.author_id != self.work.actor.user_id
                      and self.work.actor.role != "admin")
        applied: dict[str, Any] = {}
        vs: dict[str, int] = {}
        srv: dict[str, list[Any]] = {}
        for f, value in m.f.items():
            server_value, server_seq = rec.data.get(f), rec.versions.get(f, 0)
            if value == server_value:
                vs[f] = server_seq
                continue
            fixed = spec.parent is not None and f in (spec.parent[0], spec.region_field,
                                                      *(c[0] for c in spec.cascades))
            # Written since the base by someone else: a conflict. Written since
            # by this same laptop (an earlier entry whose answer it has not
            # seen yet): its later edit simply follows its own.
            meanwhile = server_seq > m.b.get(f, 0) and rec.writers.get(f) != self.work.actor.device_id
            if not_author or fixed or meanwhile or (f in spec.required and value is None):
                kind = "not_author" if not_author else "conflict"
                self.work.conflict(m, kind, rec=rec, field_name=f, server=server_value, client=value)
                srv[f] = [server_value, server_seq]
            else:
                applied[f] = value
        if applied:
            new = {**rec.data, **applied}
            key = ukey(spec, new)
            if key != rec.ukey and key is not None:
                holder = self.work.by_ukey(key)
                if holder is not None and holder.id != rec.id:
                    for f in spec.unique:
                        if f in applied:
                            self.work.conflict(m, "duplicate", rec=rec, field_name=f, server=rec.data.get(f),
                                          client=applied.pop(f))
                            srv[f] = [rec.data.get(f), rec.versions.get(f, 0)]
                    new = {**rec.data, **applied}
                    key = ukey(spec, new)
        if applied:
            seq = self.work.next_seq()
            rec.data, rec.ukey, rec.seq, rec.origin = new, key, seq, self.work.actor.device_id
            rec.versions.update(dict.fromkeys(applied, seq))
            rec.writers.update(dict.fromkeys(applied, self.work.actor.device_id))
            if spec.name == "cooperatives" and "region" in applied:
                # Into another region's scope: its coordinator's laptop has
                # none of it, so the cooperative travels whole once more; the
                # region it leaves is recorded, for its coordinator's laptop
                # to drop it.
                self.work.regions.append((rec.id, rec.region, applied["region"], seq))
                rec.region = applied["region"]
                rec.cseq = seq
                for row in self.descendants(rec):
                    row.region, row.seq, row.cseq = applied["region"], seq, seq
                    self.work.put(row)
            self.work.put(rec)
        else:
            seq = 0
        vs = {f: s for f, s in vs.items() if s != seq}
        return MutationResult(n=m.n, st="conflict" if srv else "ok", seq=seq, vs=vs or None, srv=srv or None)

    # -- deletion ------------------------------------------------------------------------
    def delete(self, m: Mutation, rec: Record) -> MutationResult:
        """The deletion of a row the caller sees."""
        if rec.deleted:
            return MutationResult(n=m.n, st="ok", gone=True)
        not_author = (rec.tbl == "coaching_sessions" and rec.author_id != self.work.actor.user_id
                      and self.work.actor.role != "admin")
        base = m.b.get("_row", 0)
        edited = any(s > base and rec.writers.get(f) != self.work.actor.device_id for f, s in rec.versions.items())
        if not_author or edited:
            self.work.conflict(m, "not_author" if not_author else "delete_vs_edit", rec=rec,
                          server=rec.data, client={"_delete": True})
            seq = self.resurrect(rec)
            return MutationResult(n=m.n, st="conflict", seq=seq, why="edited_meanwhile")
        seq = self.work.next_seq()
        for row in [rec, *self.descendants(rec)]:
            row.deleted, row.seq, row.ukey, row.origin = True, seq, None, self.work.actor.device_id
            self.work.put(row)
        for table_name, spec in TABLES.items():
            for fk, target in spec.nulls:
                if target != rec.tbl:
                    continue
                for row in self.work.live_mentioning(rec.id, [table_name]):
                    if row.data.get(fk) == rec.id:
                        row.data[fk] = None
                        row.versions[fk] = seq
                        row.writers[fk] = self.work.actor.device_id
                        row.seq = seq
                        self.work.put(row)
        return MutationResult(n=m.n, st="ok", seq=seq, gone=True)

    def descendants(self, rec: Record) -> list[Record]:
        """Live rows that go with rec (the laptop's ON DELETE CASCADE)."""
        if rec.tbl == "cooperatives":
            return [r for r in self.work.live_in_cooperative(rec.id) if r.id != rec.id]
        found: list[Record] = []
        frontier = [rec]
        while frontier:
            parent = frontier.pop()
            children_tables = [s.name for s in TABLES.values()
                               if any(t == parent.tbl for _, t in ((s.parent,) if s.parent else ()) + s.cascades)]
            if not children_tables:
                continue
            # A row of a cooperative has its children in that cooperative
            # (every link of a new row stays in one: _scope_of_new), found
            # through its index rather than by scanning the tables.
            for row in self.work.live_mentioning(parent.id, children_tables, parent.coop_id):
                spec = TABLES[row.tbl]
                links = ((spec.parent,) if spec.parent else ()) + spec.cascades
                linked = any(row.data.get(fk) == parent.id and t == parent.tbl for fk, t in links)
                if linked and all(row.id != f.id for f in found):
                    found.append(row)
                    frontier.append(row)
        return found

    def resurrect(self, rec: Record) -> int:
        """A refused deletion: the laptop already removed the row (and its
        children) locally, so send them all back whole at a new sequence."""
        seq = self.work.next_seq()
        for row in [rec, *self.descendants(rec)]:
            row.seq = row.cseq = seq
            row.versions = dict.fromkeys(TABLES[row.tbl].fields, seq)
            row.writers = {}
            row.origin = None
            self.work.put(row)
        return seq

    def replay(self, m: Mutation) -> MutationResult:
        """A mutation already applied (its response was lost): say how the
        server holds its fields now, without applying anything again. A row
        the caller may not see (any more) is answered as one gone: a replay
        is no way to read a row by its id."""
        rec = self.work.get(m.id)
        if rec is None or rec.deleted or rec.tbl != m.t or not self.work.sees(rec):
            return MutationResult(n=m.n, st="replay", gone=True)
        if m.op == "delete":
            return MutationResult(n=m.n, st="replay", seq=rec.cseq)
        vs = {f: rec.versions.get(f, 0) for f in m.f}
        srv = {f: [rec.data.get(f), rec.versions.get(f, 0)] for f in m.f if rec.data.get(f) != m.f[f]}
        return MutationResult(n=m.n, st="replay", vs=vs or None, srv=srv or None)
