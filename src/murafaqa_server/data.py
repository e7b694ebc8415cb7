"""Every query of the server, in one place (routes and merge rules call these).

All functions take an open SQLAlchemy ``Connection`` inside the caller's
transaction: a push and its bookkeeping commit or vanish together.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterable

from sqlalchemy import Connection, and_, bindparam, func, insert, not_, or_, select, update

from .tables import assignments, conflicts, counters, devices, records, users


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# -- users and laptops ----------------------------------------------------------

def add_user(conn: Connection, name: str, role: str, region: str | None, password_hash: str) -> int:
    res = conn.execute(insert(users).values(name=name, role=role, region=region, password_hash=password_hash,
                                            disabled=False, created_at=now()))
    key = res.inserted_primary_key
    assert key is not None
    return int(key[0])


def user_by_name(conn: Connection, name: str) -> dict[str, Any] | None:
    row = conn.execute(select(users).where(users.c.name == name)).mappings().first()
    return dict(row) if row else None


def set_password(conn: Connection, user_id: int, password_hash: str) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))


def set_disabled(conn: Connection, user_id: int, disabled: bool) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(disabled=disabled))


def list_users(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(users).order_by(users.c.name)).mappings()]


def add_device(conn: Connection, user_id: int, token_hash: str, label: str) -> str:
    device_id = str(uuid.uuid4())
    conn.execute(insert(devices).values(id=device_id, user_id=user_id, token_hash=token_hash, label=label,
                                        created_at=now(), last_n=0))
    return device_id


def device_by_token(conn: Connection, token_hash: str) -> dict[str, Any] | None:
    """The laptop and its user, joined: one query per request."""
    q = (select(devices.c.id.label("device_id"), devices.c.revoked_at, devices.c.last_n,
                users.c.id.label("user_id"), users.c.name, users.c.role, users.c.region, users.c.disabled)
         .join(users, users.c.id == devices.c.user_id).where(devices.c.token_hash == token_hash))
    row = conn.execute(q).mappings().first()
    return dict(row) if row else None


def revoke_devices(conn: Connection, *, user_id: int | None = None, device_id: str | None = None) -> int:
    q = update(devices).where(devices.c.revoked_at.is_(None))
    q = q.where(devices.c.user_id == user_id) if user_id is not None else q.where(devices.c.id == device_id)
    return conn.execute(q.values(revoked_at=now())).rowcount


def list_devices(conn: Connection) -> list[dict[str, Any]]:
    q = (select(devices.c.id, devices.c.label, devices.c.created_at, devices.c.revoked_at, devices.c.last_n,
                devices.c.last_seen, users.c.name).join(users, users.c.id == devices.c.user_id)
         .order_by(users.c.name, devices.c.created_at))
    return [dict(r) for r in conn.execute(q).mappings()]


def lock_device(conn: Connection, device_id: str) -> int:
    """The last mutation number applied for this laptop, its row locked."""
    q = select(devices.c.last_n).where(devices.c.id == device_id).with_for_update()
    return int(conn.execute(q).scalar_one())


def save_device_progress(conn: Connection, device_id: str, last_n: int) -> None:
    conn.execute(update(devices).where(devices.c.id == device_id).values(last_n=last_n, last_seen=now()))


# -- the global sequence ----------------------------------------------------------

def lock_sequence(conn: Connection) -> int:
    """Take the sequence's lock (a write, so SQLite takes its writer lock now
    and PostgreSQL locks the row until commit) and return its value. Pushes
    are thus serialised: sequences commit in order, with no gap."""
    q = (update(counters).where(counters.c.name == "seq").values(value=counters.c.value)
         .returning(counters.c.value))
    return int(conn.execute(q).scalar_one())


def save_sequence(conn: Connection, value: int) -> None:
    conn.execute(update(counters).where(counters.c.name == "seq").values(value=value))


def current_sequence(conn: Connection) -> int:
    return int(conn.execute(select(counters.c.value).where(counters.c.name == "seq")).scalar_one())


# -- synced records -----------------------------------------------------------------

@dataclass
class Record:
    tbl: str
    id: str
    data: dict[str, Any]
    versions: dict[str, int]
    seq: int
    cseq: int
    coop_id: str | None = None
    region: str | None = None
    ukey: str | None = None
    author_id: int | None = None
    origin: str | None = None
    deleted: bool = False
    pk: int | None = None
    writers: dict[str, str] = field(default_factory=dict)


def _record(row: Any) -> Record:
    return Record(tbl=row.tbl, id=row.id, data=json.loads(row.data), versions=json.loads(row.versions),
                  seq=int(row.seq), cseq=int(row.cseq), coop_id=row.coop_id, region=row.region, ukey=row.ukey,
                  author_id=row.author_id, origin=row.origin, deleted=bool(row.deleted), pk=int(row.pk),
                  writers=json.loads(row.writers or "{}"))


def get_record(conn: Connection, row_id: str, *, lock: bool = False) -> Record | None:
    q = select(records).where(records.c.id == row_id)
    row = conn.execute(q.with_for_update() if lock else q).first()
    return _record(row) if row else None


def get_records(conn: Connection, row_ids: Iterable[str], *, lock: bool = False) -> dict[str, Record]:
    """Several rows at once, locked in id order when asked (a push locks
    every row it touches before deciding anything)."""
    ids = sorted(set(row_ids))
    if not ids:
        return {}
    q = select(records).where(records.c.id.in_(ids)).order_by(records.c.id)
    return {r.id: _record(r) for r in conn.execute(q.with_for_update() if lock else q)}


def save_records(conn: Connection, recs: list[Record]) -> None:
    """Write back changed rows in one batch."""
    if not recs:
        return
    rows = [{f"b_{k}": v for k, v in _values(rec).items()} for rec in recs]
    columns = [k[2:] for k in rows[0] if k != "b_id"]
    stmt = update(records).where(records.c.id == bindparam("b_id")).values(
        {k: bindparam(f"b_{k}") for k in columns})
    conn.execute(stmt, rows)


def records_by_ukeys(conn: Connection, keys: Iterable[str]) -> dict[str, Record]:
    keys = sorted(set(keys))
    if not keys:
        return {}
    return {r.ukey: _record(r) for r in conn.execute(select(records).where(records.c.ukey.in_(keys)))}


def record_by_ukey(conn: Connection, ukey: str) -> Record | None:
    row = conn.execute(select(records).where(records.c.ukey == ukey)).first()
    return _record(row) if row else None


def _values(rec: Record) -> dict[str, Any]:
    return dict(tbl=rec.tbl, id=rec.id, coop_id=rec.coop_id, region=rec.region, ukey=rec.ukey,
                author_id=rec.author_id, origin=rec.origin, data=json.dumps(rec.data, ensure_ascii=False),
                versions=json.dumps(rec.versions), writers=json.dumps(rec.writers), seq=rec.seq, cseq=rec.cseq,
                deleted=rec.deleted)


def insert_record(conn: Connection, rec: Record) -> None:
    conn.execute(insert(records).values(**_values(rec)))


def insert_records(conn: Connection, recs: Iterable[Record]) -> None:
    """Bulk load (benchmarks, imports)."""
    rows = [_values(r) for r in recs]
    if rows:
        conn.execute(insert(records), rows)


def save_record(conn: Connection, rec: Record) -> None:
    values = _values(rec)
    values.pop("id")
    conn.execute(update(records).where(records.c.id == rec.id).values(**values))


def live_in_cooperative(conn: Connection, coop_id: str, tbl: str | None = None) -> list[Record]:
    q = select(records).where(records.c.coop_id == coop_id, not_(records.c.deleted))
    if tbl:
        q = q.where(records.c.tbl == tbl)
    return [_record(r) for r in conn.execute(q.order_by(records.c.pk))]


def live_mentioning(conn: Connection, row_id: str, tables: Iterable[str]) -> list[Record]:
    """Live rows of these tables whose data names row_id (callers check the
    exact field: the text match only narrows the scan, portably)."""
    q = select(records).where(records.c.tbl.in_(list(tables)), not_(records.c.deleted),
                              records.c.data.like(f'%"{row_id}"%'))
    return [_record(r) for r in conn.execute(q.order_by(records.c.pk))]


def set_cooperative_region(conn: Connection, coop_id: str, region: str | None) -> None:
    conn.execute(update(records).where(records.c.coop_id == coop_id).values(region=region))


# -- scope ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Actor:
    user_id: int
    name: str
    role: str
    region: str | None
    device_id: str = ""


def assigned(conn: Connection, user_id: int) -> set[str]:
    q = select(assignments.c.coop_id).where(assignments.c.user_id == user_id, assignments.c.active)
    return set(conn.execute(q).scalars())


def coach_regions(conn: Connection, actor: Actor) -> set[str]:
    q = (select(records.c.region).distinct()
         .where(records.c.coop_id.in_(select(assignments.c.coop_id).where(
             assignments.c.user_id == actor.user_id, assignments.c.active)),
             records.c.tbl == "cooperatives"))
    found = {r for r in conn.execute(q).scalars() if r}
    return found | ({actor.region} if actor.region else set())


def assign(conn: Connection, user_id: int, coop_id: str, active: bool, seq: int) -> bool:
    """Record an assignment change; False when it was already so."""
    row = conn.execute(select(assignments.c.active).where(
        assignments.c.user_id == user_id, assignments.c.coop_id == coop_id)).first()
    if row is not None and bool(row.active) == active:
        return False
    if row is None:
        if not active:
            return False
        conn.execute(insert(assignments).values(user_id=user_id, coop_id=coop_id, active=True, seq=seq))
    else:
        conn.execute(update(assignments).where(assignments.c.user_id == user_id, assignments.c.coop_id == coop_id)
                     .values(active=active, seq=seq))
    return True


def assignment_rows(conn: Connection, user_id: int) -> list[tuple[str, bool, int]]:
    """Every assignment of a user (coop, active, seq): one query per pull."""
    q = select(assignments.c.coop_id, assignments.c.active, assignments.c.seq).where(
        assignments.c.user_id == user_id)
    return [(r.coop_id, bool(r.active), int(r.seq)) for r in conn.execute(q)]


def assigned_by_creation(conn: Connection, user_id: int, coop_ids: set[str]) -> set[str]:
    """Of these cooperatives, those assigned to the user by creating them (the
    assignment took the creation's sequence): their rows travel as ordinary
    changes, not as a whole newly assigned cooperative."""
    if not coop_ids:
        return set()
    q = (select(assignments.c.coop_id).join(records, records.c.id == assignments.c.coop_id)
         .where(assignments.c.user_id == user_id, assignments.c.coop_id.in_(sorted(coop_ids)),
                assignments.c.seq == records.c.cseq))
    return set(conn.execute(q).scalars())


def coaches_of(conn: Connection, coop_id: str) -> list[str]:
    q = (select(users.c.name).join(assignments, assignments.c.user_id == users.c.id)
         .where(assignments.c.coop_id == coop_id, assignments.c.active).order_by(users.c.name))
    return list(conn.execute(q).scalars())


def find_cooperative(conn: Connection, key: str) -> Record | None:
    """A live cooperative by id or registration number."""
    rec = get_record(conn, key)
    if rec and rec.tbl == "cooperatives" and not rec.deleted:
        return rec
    rec = record_by_ukey(conn, f"cooperatives|{key}")
    return rec


def _scope_clause(conn: Connection, actor: Actor, coop_col, region_col, user_col=None,
                  regions: set[str] | None = None):
    if actor.role == "admin":
        return None
    if actor.role == "coordinator":
        clause = region_col == actor.region
    else:
        mine = select(assignments.c.coop_id).where(assignments.c.user_id == actor.user_id, assignments.c.active)
        if regions is None:
            regions = coach_regions(conn, actor)
        in_regions = region_col.in_(sorted(regions))
        clause = or_(coop_col.in_(mine), and_(coop_col.is_(None), in_regions))
    if user_col is not None:
        clause = or_(clause, user_col == actor.user_id)
    return clause


def changes_page(conn: Connection, actor: Actor, cursor: int, after: int, limit: int,
                 whole_coops: set[str], regions: set[str] | None = None) -> list[Record]:
    """Rows in scope that changed since the cursor (or belong to a newly
    assigned cooperative), by position, from ``after`` on."""
    changed = records.c.seq > cursor
    if whole_coops:
        changed = or_(changed, and_(records.c.coop_id.in_(sorted(whole_coops)), not_(records.c.deleted)))
    q = select(records).where(records.c.pk > after, changed)
    scope = _scope_clause(conn, actor, records.c.coop_id, records.c.region, regions=regions)
    if scope is not None:
        q = q.where(scope)
    q = q.order_by(records.c.pk).limit(limit)
    return [_record(r) for r in conn.execute(q)]


def cooperative_rows(conn: Connection, coop_id: str) -> list[Record]:
    return live_in_cooperative(conn, coop_id)


# -- conflicts ----------------------------------------------------------------------

def add_conflict(conn: Connection, **values: Any) -> None:
    for key in ("server_value", "client_value"):
        values[key] = json.dumps(values.get(key), ensure_ascii=False)
    conn.execute(insert(conflicts).values(created_at=now(), resolved=False, **values))


def conflicts_since(conn: Connection, actor: Actor, cursor: int, regions: set[str] | None = None
                    ) -> list[dict[str, Any]]:
    q = (select(conflicts, users.c.name.label("user")).join(users, users.c.id == conflicts.c.user_id)
         .where(conflicts.c.seq > cursor))
    scope = _scope_clause(conn, actor, conflicts.c.coop_id, conflicts.c.region, conflicts.c.user_id, regions)
    if scope is not None:
        q = q.where(scope)
    out = []
    for r in conn.execute(q.order_by(conflicts.c.id)).mappings():
        row = dict(r)
        row["server_value"] = json.loads(row["server_value"]) if row["server_value"] else None
        row["client_value"] = json.loads(row["client_value"]) if row["client_value"] else None
        out.append(row)
    return out


def resolve_conflicts(conn: Connection, actor: Actor, ids: list[int], seq: int) -> int:
    q = update(conflicts).where(conflicts.c.id.in_(ids), not_(conflicts.c.resolved))
    scope = _scope_clause(conn, actor, conflicts.c.coop_id, conflicts.c.region, conflicts.c.user_id)
    if scope is not None:
        q = q.where(scope)
    return conn.execute(q.values(resolved=True, seq=seq)).rowcount


def open_conflicts_count(conn: Connection, actor: Actor) -> int:
    q = select(func.count()).select_from(conflicts).where(not_(conflicts.c.resolved))
    scope = _scope_clause(conn, actor, conflicts.c.coop_id, conflicts.c.region, conflicts.c.user_id)
    if scope is not None:
        q = q.where(scope)
    return int(conn.execute(q).scalar_one())


def all_live(conn: Connection) -> list[Record]:
    """Every live row (tests and checks)."""
    return [_record(r) for r in conn.execute(select(records).where(not_(records.c.deleted)).order_by(records.c.pk))]


def all_conflicts(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(conflicts).order_by(conflicts.c.id)).mappings()]
