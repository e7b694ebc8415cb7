"""Every query of the server, in one place (routes and merge rules call these).

All functions take an open SQLAlchemy ``Connection`` inside the caller's
transaction: a push and its bookkeeping commit or vanish together.

The statements every sync runs are built once, at import, with their values
as bind parameters (``expanding`` ones for lists): building a SQLAlchemy
expression costs more than compiling it from the cache and running it.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, Connection, and_, bindparam, case, delete, func, insert, not_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Insert, Select

from . import scope
from .scope import Actor as Actor  # the data layer's callers name it here too
from .tables import (
    assignments,
    audit_log,
    conflicts,
    counters,
    devices,
    history,
    records,
    region_moves,
    set_aside,
    sign_in_failures,
    users,
)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


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


def add_device(conn: Connection, user_id: int, token_hash: str, label: str, expires_at: str | None = None) -> str:
    device_id = str(uuid.uuid4())
    conn.execute(insert(devices).values(id=device_id, user_id=user_id, token_hash=token_hash, label=label,
                                        created_at=now(), last_n=0, token_expires_at=expires_at))
    return device_id


def device_progress(conn: Connection, device_id: str, user_id: int) -> int | None:
    """The last change number taken from one of this user's laptops (None:
    no such laptop of theirs)."""
    found = conn.execute(select(devices.c.last_n).where(devices.c.id == device_id,
                                                        devices.c.user_id == user_id)).first()
    return None if found is None else int(found[0])


_DEVICE_BY_TOKEN = (
    select(devices.c.id.label("device_id"), devices.c.revoked_at, devices.c.revoked_why, devices.c.last_n,
           devices.c.token_expires_at,
           users.c.id.label("user_id"), users.c.name, users.c.role, users.c.region, users.c.disabled)
    .join(users, users.c.id == devices.c.user_id).where(devices.c.token_hash == bindparam("token_hash")))


def device_by_token(conn: Connection, token_hash: str) -> dict[str, Any] | None:
    """The laptop and its user, joined: one query per request."""
    row = conn.execute(_DEVICE_BY_TOKEN, {"token_hash": token_hash}).mappings().first()
    return dict(row) if row else None


def revoke_devices(conn: Connection, *, why: str, user_id: int | None = None, device_id: str | None = None) -> int:
    """Withdraw the tokens of a user's laptops, or of one laptop, saying why
    (``lost``, ``logout``, ``password``, ``disabled``). A laptop already
    revoked keeps its first reason."""
    q = update(devices).where(devices.c.revoked_at.is_(None))
    q = q.where(devices.c.user_id == user_id) if user_id is not None else q.where(devices.c.id == device_id)
    return conn.execute(q.values(revoked_at=now(), revoked_why=why)).rowcount


def mark_lost(conn: Connection, device_id: str) -> bool:
    """An administrator's revocation: the laptop erases its data at its next
    contact. A laptop revoked for another reason (its user disabled, a
    logout) is marked lost too: it may still hold the data."""
    q = (update(devices).where(devices.c.id == device_id, or_(devices.c.revoked_why.is_(None),
                                                               devices.c.revoked_why != "lost"))
         .values(revoked_at=func.coalesce(devices.c.revoked_at, now()), revoked_why="lost"))
    return bool(conn.execute(q).rowcount)


def device(conn: Connection, device_id: str) -> dict[str, Any] | None:
    q = (select(devices, users.c.name).join(users, users.c.id == devices.c.user_id)
         .where(devices.c.id == device_id))
    row = conn.execute(q).mappings().first()
    return dict(row) if row else None


def list_devices(conn: Connection, user: str | None = None) -> list[dict[str, Any]]:
    q = (select(devices.c.id, devices.c.label, devices.c.created_at, devices.c.revoked_at, devices.c.revoked_why,
                devices.c.last_n, devices.c.last_seen, devices.c.last_sync_at, devices.c.app_version,
                devices.c.pending_at_last_sync, devices.c.token_expires_at, devices.c.escrowed_at,
                users.c.name).join(users, users.c.id == devices.c.user_id)
         .order_by(users.c.name, devices.c.created_at))
    if user is not None:
        q = q.where(users.c.name == user)
    return [dict(r) for r in conn.execute(q).mappings()]


def set_escrow(conn: Connection, device_id: str, sealed: str) -> None:
    conn.execute(update(devices).where(devices.c.id == device_id).values(escrow=sealed, escrowed_at=now()))


def escrows(conn: Connection) -> list[tuple[str, str]]:
    """(device id, sealed key) of every laptop that escrowed its key."""
    q = select(devices.c.id, devices.c.escrow).where(devices.c.escrow.is_not(None)).order_by(devices.c.id)
    return [(r.id, r.escrow) for r in conn.execute(q)]


def set_recovery(conn: Connection, device_id: str, code_hash: str | None, expires_at: str | None) -> None:
    """The device's one-time recovery code (its hash), or none."""
    conn.execute(update(devices).where(devices.c.id == device_id)
                 .values(recovery_hash=code_hash, recovery_expires_at=expires_at))


def take_recovery(conn: Connection, device_id: str, code_hash: str) -> bool:
    """Use up this recovery code; False when another request used it first."""
    q = (update(devices).where(devices.c.id == device_id, devices.c.recovery_hash == code_hash)
         .values(recovery_hash=None, recovery_expires_at=None))
    return bool(conn.execute(q).rowcount)


_LOCK_DEVICE = select(devices.c.last_n).where(devices.c.id == bindparam("device_id")).with_for_update()
_SAVE_DEVICE_PROGRESS = (update(devices).where(devices.c.id == bindparam("device_id"))
                         .values(last_n=bindparam("last_n"), last_seen=bindparam("last_seen")))


def lock_device(conn: Connection, device_id: str) -> int:
    """The last mutation number applied for this laptop, its row locked."""
    return int(conn.execute(_LOCK_DEVICE, {"device_id": device_id}).scalar_one())


def save_device_progress(conn: Connection, device_id: str, last_n: int) -> None:
    conn.execute(_SAVE_DEVICE_PROGRESS, {"device_id": device_id, "last_n": last_n, "last_seen": now()})


_RECORD_SYNC = (update(devices).where(devices.c.id == bindparam("device_id"))
                .values(last_sync_at=bindparam("at"), last_seen=bindparam("at"), app_version=bindparam("version"),
                        pending_at_last_sync=bindparam("pending", type_=BigInteger),
                        token_expires_at=bindparam("expires")))


def record_sync(conn: Connection, device_id: str, version: str | None, pending: int | None,
                expires_at: str | None = None) -> None:
    """What the laptop told of itself on this sync (None: it said nothing,
    an older application), at this time; its token's expiry pushed to
    ``expires_at`` in the same write."""
    conn.execute(_RECORD_SYNC, {"device_id": device_id, "at": now(), "version": version, "pending": pending,
                                "expires": expires_at})


# -- failed sign-ins ------------------------------------------------------------------

def failures(conn: Connection, keys: Iterable[str]) -> list[dict[str, Any]]:
    q = select(sign_in_failures).where(sign_in_failures.c.key.in_(sorted(set(keys))))
    return [dict(r) for r in conn.execute(q).mappings()]


@cache
def _count_failure(dialect: str) -> Insert:
    """One more failure for a key, atomically whatever other workers do: a
    key quiet since ``cutoff`` starts again from one."""
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(sign_in_failures)
    t = sign_in_failures.c
    return stmt.on_conflict_do_update(
        index_elements=[t.key],
        set_={"failures": case((t.last_failure_at < bindparam("cutoff"), 1), else_=t.failures + 1),
              "last_failure_at": stmt.excluded.last_failure_at},
    ).returning(t.failures)


def count_failure(conn: Connection, key: str, at: str, cutoff: str) -> int:
    """Record a failure; the key's failures in a row, this one included."""
    stmt = _count_failure(conn.dialect.name).values(key=key, failures=1, last_failure_at=at)
    return int(conn.execute(stmt, {"cutoff": cutoff}).scalar_one())


def block(conn: Connection, key: str, until: str | None) -> None:
    conn.execute(update(sign_in_failures).where(sign_in_failures.c.key == key).values(blocked_until=until))


def forget_failures(conn: Connection, keys: Iterable[str]) -> None:
    conn.execute(delete(sign_in_failures).where(sign_in_failures.c.key.in_(sorted(set(keys)))))


# -- the audit log ---------------------------------------------------------------------

def add_audit(conn: Connection, actor: str, action: str, target: str, details: dict[str, Any]) -> None:
    conn.execute(insert(audit_log).values(at=now(), actor=actor, action=action, target=target,
                                          details=json.dumps(details, ensure_ascii=False, sort_keys=True)))


def audit_since(conn: Connection, since: str | None = None) -> list[dict[str, Any]]:
    q = select(audit_log).order_by(audit_log.c.id)
    if since is not None:
        q = q.where(audit_log.c.at >= since)
    return [{**dict(r), "details": json.loads(r["details"])} for r in conn.execute(q).mappings()]


# -- the global sequence ----------------------------------------------------------

def lock_sequence(conn: Connection) -> int:
    """Take the sequence's lock (a write, so SQLite takes its writer lock now
    and PostgreSQL locks the row until commit) and return its value. Pushes
    are thus serialised: sequences commit in order, with no gap."""
    q = (update(counters).where(counters.c.name == "seq").values(value=counters.c.value)
         .returning(counters.c.value))
    return int(conn.execute(q).scalar_one())


_ADVANCE_SEQUENCE = (update(counters).where(counters.c.name == "seq")
                     .values(value=counters.c.value + bindparam("n", type_=BigInteger)).returning(counters.c.value))
_CURRENT_SEQUENCE = select(counters.c.value).where(counters.c.name == "seq")


def advance_sequence(conn: Connection, n: int) -> int:
    """Take the next n sequences and return the last: one statement that also
    takes the sequence's lock (held until commit, as ``lock_sequence``'s)."""
    return int(conn.execute(_ADVANCE_SEQUENCE, {"n": n}).scalar_one())


def save_sequence(conn: Connection, value: int) -> None:
    conn.execute(update(counters).where(counters.c.name == "seq").values(value=value))


def current_sequence(conn: Connection) -> int:
    return int(conn.execute(_CURRENT_SEQUENCE).scalar_one())


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
    stored_ukey: str | None = None  # the unique key the database holds for it (None: not read from it)
    # The row as the database holds it (its JSON text, parsed only when the
    # row is written: the history compares it with what is written), and
    # whether it was deleted; None: not read from the database.
    stored_data: str | None = None
    stored_deleted: bool = False


def _record(row: Any) -> Record:
    return Record(tbl=row.tbl, id=row.id, data=json.loads(row.data), versions=json.loads(row.versions),
                  seq=int(row.seq), cseq=int(row.cseq), coop_id=row.coop_id, region=row.region, ukey=row.ukey,
                  author_id=row.author_id, origin=row.origin, deleted=bool(row.deleted), pk=int(row.pk),
                  writers=json.loads(row.writers or "{}"), stored_ukey=row.ukey, stored_data=row.data,
                  stored_deleted=bool(row.deleted))


def get_record(conn: Connection, row_id: str, *, lock: bool = False) -> Record | None:
    q = select(records).where(records.c.id == row_id)
    row = conn.execute(q.with_for_update() if lock else q).first()
    return _record(row) if row else None


_RECORDS_BY_ID = select(records).where(records.c.id.in_(bindparam("ids", expanding=True))).order_by(records.c.id)
_LOCK_RECORDS_BY_ID = _RECORDS_BY_ID.with_for_update()
_RECORDS_BY_UKEY = select(records).where(records.c.ukey.in_(bindparam("keys", expanding=True)))
_RECORD_COLUMNS = ("tbl", "coop_id", "region", "ukey", "author_id", "origin", "data", "versions", "writers", "seq",
                   "cseq", "deleted")  # every column _values() gives but the id
_INSERT_RECORDS = insert(records)


@cache
def _upsert_records(dialect: str) -> Insert:
    """A row whose id exists is updated instead (PostgreSQL and SQLite say
    it alike, in their own dialects of SQLAlchemy)."""
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(records)
    return stmt.on_conflict_do_update(index_elements=[records.c.id],
                                      set_={c: stmt.excluded[c] for c in _RECORD_COLUMNS})


def get_records(conn: Connection, row_ids: Iterable[str], *, lock: bool = False) -> dict[str, Record]:
    """Several rows at once, locked in id order when asked (a push locks
    every row it touches before deciding anything)."""
    ids = sorted(set(row_ids))
    if not ids:
        return {}
    q = _LOCK_RECORDS_BY_ID if lock else _RECORDS_BY_ID
    return {r.id: _record(r) for r in conn.execute(q, {"ids": ids})}


_RELEASE_UKEYS = update(records).where(records.c.id.in_(bindparam("ids", expanding=True))).values(ukey=None)


def write_records(conn: Connection, new: list[Record], changed: list[Record]) -> None:
    """Changed and new rows in one batch: a push writes them while it holds
    the sequence lock, so one round trip instead of two counts. (On
    PostgreSQL each changed row draws a position it does not use: the
    positions only order rows, gaps are harmless.)

    A unique key may move between rows of one push: a deleted session's
    number taken by a new one, two registration numbers swapped through a
    third. The index checks each row as it is written, so the changed rows
    whose key moves let go of their old keys first; a push that moves no key
    skips that statement."""
    rekeyed = [rec.id for rec in changed if rec.stored_ukey is not None and rec.ukey != rec.stored_ukey]
    if rekeyed:
        conn.execute(_RELEASE_UKEYS, {"ids": rekeyed})
    if new or changed:
        conn.execute(_upsert_records(conn.dialect.name), [_values(rec) for rec in [*changed, *new]])


def records_by_ukeys(conn: Connection, keys: Iterable[str]) -> dict[str, Record]:
    keys = sorted(set(keys))
    if not keys:
        return {}
    return {r.ukey: _record(r) for r in conn.execute(_RECORDS_BY_UKEY, {"keys": keys})}


def record_by_ukey(conn: Connection, ukey: str) -> Record | None:
    row = conn.execute(select(records).where(records.c.ukey == ukey)).first()
    return _record(row) if row else None


def _values(rec: Record) -> dict[str, Any]:
    return {"tbl": rec.tbl, "id": rec.id, "coop_id": rec.coop_id, "region": rec.region, "ukey": rec.ukey,
            "author_id": rec.author_id, "origin": rec.origin, "data": json.dumps(rec.data, ensure_ascii=False),
            "versions": json.dumps(rec.versions), "writers": json.dumps(rec.writers), "seq": rec.seq,
            "cseq": rec.cseq, "deleted": rec.deleted}


def insert_records(conn: Connection, recs: Iterable[Record]) -> None:
    """New rows in one batch (pushes, bulk loads)."""
    rows = [_values(r) for r in recs]
    if rows:
        conn.execute(_INSERT_RECORDS, rows)


def live_in_cooperative(conn: Connection, coop_id: str, tbl: str | None = None) -> list[Record]:
    q = select(records).where(records.c.coop_id == coop_id, not_(records.c.deleted))
    if tbl:
        q = q.where(records.c.tbl == tbl)
    return [_record(r) for r in conn.execute(q.order_by(records.c.pk))]


def live_mentioning(conn: Connection, row_id: str, tables: Iterable[str], coop_id: str | None = None
                    ) -> list[Record]:
    """Live rows of these tables whose data names row_id (callers check the
    exact field: the text match only narrows the scan, portably).
    ``coop_id``: only that cooperative's rows, found through its index; with
    none, the tables' rows are scanned (2 million at national size: a
    second and more on PostgreSQL)."""
    q = select(records).where(records.c.tbl.in_(list(tables)), not_(records.c.deleted),
                              records.c.data.like(f'%"{row_id}"%'))
    if coop_id is not None:
        q = q.where(records.c.coop_id == coop_id)
    return [_record(r) for r in conn.execute(q.order_by(records.c.pk))]


def set_cooperative_region(conn: Connection, coop_id: str, region: str | None) -> None:
    conn.execute(update(records).where(records.c.coop_id == coop_id).values(region=region))


def add_region_move(conn: Connection, coop_id: str, from_region: str | None, seq: int) -> None:
    conn.execute(insert(region_moves).values(coop_id=coop_id, from_region=from_region, seq=seq))


def moved_out_of(conn: Connection, region: str, cursor: int) -> set[str]:
    """Cooperatives that left the region since the cursor and are elsewhere now
    (one that came back is in scope again and travels whole)."""
    q = (select(region_moves.c.coop_id).distinct()
         .join(records, records.c.id == region_moves.c.coop_id)
         .where(region_moves.c.from_region == region, region_moves.c.seq > cursor,
                or_(records.c.region.is_(None), records.c.region != region)))
    return set(conn.execute(q).scalars())


# -- assignments -------------------------------------------------------------------

_COACH_ASSIGNMENTS = (
    select(assignments.c.coop_id, assignments.c.active, assignments.c.seq, records.c.region, records.c.cseq)
    .outerjoin(records, and_(records.c.id == assignments.c.coop_id, records.c.tbl == "cooperatives"))
    .where(assignments.c.user_id == bindparam("actor_id")))


class Assignment(NamedTuple):
    """A tuple, not a dataclass: a coach's 300 are read at every pull."""

    coop_id: str
    active: bool
    seq: int
    region: str | None  # the cooperative's
    cseq: int | None  # the cooperative's creation (or whole resend) sequence


def coach_assignments(conn: Connection, user_id: int) -> list[Assignment]:
    """Every assignment of a coach, active or not, with its cooperative's
    region and creation sequence: one query per pull."""
    return [Assignment(coop, bool(active), int(seq), region, None if cseq is None else int(cseq))
            for coop, active, seq, region, cseq in conn.execute(_COACH_ASSIGNMENTS, {"actor_id": user_id}).all()]


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


@cache
def _changes_query(role: str, whole: bool) -> Select[Any]:
    """Built once for each role, with or without newly assigned cooperatives."""
    changed = records.c.seq > bindparam("cursor")
    if whole:
        changed = or_(changed, and_(records.c.coop_id.in_(bindparam("whole", expanding=True)),
                                    not_(records.c.deleted)))
    q = select(records).where(records.c.pk > bindparam("after"), changed)
    seen = scope.clause(role, scope.Columns(records.c.coop_id, records.c.region))
    if seen is not None:
        q = q.where(seen)
    # A coach's rows are a few thousand among millions: found through the
    # cooperative index, then sorted. Given ORDER BY pk, PostgreSQL would
    # rather walk the position index from ``after``, testing every row,
    # expecting a coach's rows spread evenly (they come in clusters): with
    # the national programme, 0.3 s a page instead of 0.03. ``pk + 0`` is the
    # same order with no index behind it. A region's rows (a coordinator's)
    # are dense enough for the walk.
    order = records.c.pk + 0 if role == "coach" else records.c.pk
    return q.order_by(order).limit(bindparam("limit"))


@cache
def _count_query(role: str, whole: bool) -> Select[Any]:
    rows = _changes_query(role, whole).order_by(None).limit(None).with_only_columns(records.c.pk)
    return select(func.count()).select_from(rows.subquery())


def count_changes(conn: Connection, actor: Actor, cursor: int, after: int, whole_coops: set[str],
                  regions: set[str] | None = None, cooperatives: set[str] | None = None) -> int:
    """How many rows ``changes_page`` would give from ``after`` on, all pages
    together (what a laptop's progress needs to tell the time left)."""
    params = {**scope.params(conn, actor, regions, cooperatives), "cursor": cursor, "after": after,
              "whole": sorted(whole_coops)}
    return int(conn.execute(_count_query(actor.role, bool(whole_coops)), params).scalar_one())


def changes_page(conn: Connection, actor: Actor, cursor: int, after: int, limit: int,
                 whole_coops: set[str], regions: set[str] | None = None,
                 cooperatives: set[str] | None = None) -> list[Record]:
    """Rows in scope that changed since the cursor (or belong to a newly
    assigned cooperative), by position, from ``after`` on (``regions`` and
    ``cooperatives``: a coach's, when the caller has them)."""
    params = {**scope.params(conn, actor, regions, cooperatives), "cursor": cursor, "after": after, "limit": limit,
              "whole": sorted(whole_coops)}
    return [_record(r) for r in conn.execute(_changes_query(actor.role, bool(whole_coops)), params)]


def cooperative_rows(conn: Connection, coop_id: str) -> list[Record]:
    return live_in_cooperative(conn, coop_id)


# -- the team: coaches, their cooperatives, their laptops -----------------------------

@dataclass(frozen=True)
class Coach:
    user_id: int
    name: str
    region: str | None


@dataclass(frozen=True)
class LaptopReport:
    last_sync_at: str
    app_version: str | None
    pending_at_last_sync: int | None


_LIVE_COOPERATIVE = and_(records.c.id == assignments.c.coop_id, records.c.tbl == "cooperatives",
                         not_(records.c.deleted))
_SCOPE_OF_COOPERATIVE = scope.Columns(records.c.coop_id, records.c.region)


@cache
def _assigned_in_scope_query(role: str) -> Select[Any]:
    q = select(assignments.c.user_id, assignments.c.coop_id).join(records, _LIVE_COOPERATIVE).where(
        assignments.c.active)
    seen = scope.clause(role, _SCOPE_OF_COOPERATIVE)
    return (q if seen is None else q.where(seen)).order_by(assignments.c.user_id, assignments.c.coop_id)


def assigned_in_scope(conn: Connection, actor: Actor) -> dict[int, list[str]]:
    """Each coach's live cooperatives that the actor sees (the pull's own
    clause: exactly the cooperatives the actor's laptop holds), by user id."""
    out: dict[int, list[str]] = {}
    for r in conn.execute(_assigned_in_scope_query(actor.role), scope.params(conn, actor)):
        out.setdefault(int(r.user_id), []).append(r.coop_id)
    return out


_COACHES = (select(users.c.id, users.c.name, users.c.region)
            .where(users.c.role == "coach", not_(users.c.disabled)).order_by(users.c.name))


def coaches(conn: Connection, region: str | None = None, also: Iterable[int] = ()) -> list[Coach]:
    """The coaches whose account is active: all of them, or those of a region
    and those named by id in ``also``."""
    q = _COACHES
    if region is not None:
        q = q.where(or_(users.c.region == region, users.c.id.in_(sorted(set(also)))))
    return [Coach(int(r.id), r.name, r.region) for r in conn.execute(q)]


def last_laptop_reports(conn: Connection, user_ids: Iterable[int]) -> dict[int, LaptopReport]:
    """For each user, what their most recently synced laptop told at that
    sync (a user none of whose laptops has synced is absent)."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    q = (select(devices.c.user_id, devices.c.last_sync_at, devices.c.app_version, devices.c.pending_at_last_sync)
         .where(devices.c.user_id.in_(ids), devices.c.last_sync_at.is_not(None)))
    out: dict[int, LaptopReport] = {}
    for r in conn.execute(q):
        held = out.get(int(r.user_id))
        # ISO times in UTC, one format: their text orders them.
        if held is None or r.last_sync_at > held.last_sync_at:
            pending = None if r.pending_at_last_sync is None else int(r.pending_at_last_sync)
            out[int(r.user_id)] = LaptopReport(r.last_sync_at, r.app_version, pending)
    return out


# -- conflicts ----------------------------------------------------------------------

_INSERT_CONFLICTS = insert(conflicts)


def add_conflicts(conn: Connection, found: list[dict[str, Any]]) -> None:
    """Record a push's conflicts in one batch."""
    if not found:
        return
    stamp = now()
    rows = [{**c, "server_value": json.dumps(c.get("server_value"), ensure_ascii=False),
             "client_value": json.dumps(c.get("client_value"), ensure_ascii=False),
             "created_at": stamp, "resolved": False} for c in found]
    conn.execute(_INSERT_CONFLICTS, rows)


# A conflict is seen by its author whatever its scope.
_CONFLICT_SCOPE = scope.Columns(conflicts.c.coop_id, conflicts.c.region, conflicts.c.user_id)


@cache
def _conflicts_query(role: str) -> Select[Any]:
    q = (select(conflicts, users.c.name.label("user")).join(users, users.c.id == conflicts.c.user_id)
         .where(conflicts.c.seq > bindparam("cursor")))
    seen = scope.clause(role, _CONFLICT_SCOPE)
    return (q if seen is None else q.where(seen)).order_by(conflicts.c.id)


def conflicts_since(conn: Connection, actor: Actor, cursor: int, regions: set[str] | None = None,
                    cooperatives: set[str] | None = None) -> list[dict[str, Any]]:
    params = {**scope.params(conn, actor, regions, cooperatives), "cursor": cursor}
    out = []
    for r in conn.execute(_conflicts_query(actor.role), params).mappings():
        row = dict(r)
        row["server_value"] = json.loads(row["server_value"]) if row["server_value"] else None
        row["client_value"] = json.loads(row["client_value"]) if row["client_value"] else None
        out.append(row)
    return out


def _open_conflicts(actor: Actor, ids: list[int] | None = None) -> Select[Any]:
    q = select(conflicts.c.id).where(not_(conflicts.c.resolved))
    if ids is not None:
        q = q.where(conflicts.c.id.in_(ids))
    seen = scope.clause(actor.role, _CONFLICT_SCOPE)
    return q if seen is None else q.where(seen)


def lock_open_conflicts(conn: Connection, actor: Actor, ids: list[int]) -> list[int]:
    """Of these conflicts, those still open and in the actor's scope, locked
    until commit: a push that resolves them knows, before it takes its
    sequences, that it needs one (another push resolving the same ones waits,
    then finds them resolved)."""
    q = _open_conflicts(actor, ids).order_by(conflicts.c.id).with_for_update()
    return list(conn.execute(q, scope.params(conn, actor)).scalars())


def resolve_conflicts(conn: Connection, ids: list[int], seq: int) -> None:
    conn.execute(update(conflicts).where(conflicts.c.id.in_(ids)).values(resolved=True, seq=seq))


def all_live(conn: Connection) -> list[Record]:
    """Every live row (tests and checks)."""
    return [_record(r) for r in conn.execute(select(records).where(not_(records.c.deleted)).order_by(records.c.pk))]


def all_conflicts(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(conflicts).order_by(conflicts.c.id)).mappings()]


# -- the change history (append-only: this module has no UPDATE nor DELETE of it) ------

_INSERT_HISTORY = insert(history)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def history_entries(rec: Record, new: bool, user_id: int, device_id: str, at: str) -> list[dict[str, Any]]:
    """What a write of ``rec`` changes, field by field (``new``: a row the
    database did not hold). A deletion is one entry holding the row as it
    was; a row written with no field changed (a resend) gives none."""
    before: dict[str, Any] = {} if new or rec.stored_data is None else json.loads(rec.stored_data)
    was_live = not new and rec.stored_data is not None and not rec.stored_deleted
    # A child row belongs to its cooperative's history; an attendance (no
    # cooperative of its own) to that of the cooperative it names.
    coop = rec.coop_id or rec.data.get("cooperative_id") or before.get("cooperative_id")
    base = {"seq": rec.seq, "at": at, "user_id": user_id, "device_id": device_id, "tbl": rec.tbl,
            "row_id": rec.id, "coop_id": coop if isinstance(coop, str) else None}
    if rec.deleted:
        if not was_live:
            return []
        return [{**base, "op": "delete", "field": None, "old_value": _json(before), "new_value": None}]
    op = "update" if was_live else "insert"
    if not was_live:
        before = {}
    return [{**base, "op": op, "field": f, "old_value": _json(before.get(f)), "new_value": _json(v)}
            for f, v in rec.data.items() if v != before.get(f)]


def add_history(conn: Connection, entries: list[dict[str, Any]]) -> None:
    """Append a push's changes in one batch, in its transaction."""
    if entries:
        conn.execute(_INSERT_HISTORY, entries)


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    seq: int
    at: str
    user: str
    device_id: str
    tbl: str
    row_id: str
    op: str
    field: str | None
    old: Any
    new: Any


def cooperative_history(conn: Connection, coop_id: str, before: int | None, limit: int
                        ) -> list[HistoryEntry]:
    """A cooperative's changes, newest first, from before the entry ``before``
    (None: from the newest)."""
    q = (select(history, users.c.name.label("user")).join(users, users.c.id == history.c.user_id, isouter=True)
         .where(history.c.coop_id == coop_id))
    if before is not None:
        q = q.where(history.c.id < before)
    rows = conn.execute(q.order_by(history.c.id.desc()).limit(limit))
    return [HistoryEntry(int(r.id), int(r.seq), r.at, r.user or "", r.device_id, r.tbl, r.row_id, r.op, r.field,
                         None if r.old_value is None else json.loads(r.old_value),
                         None if r.new_value is None else json.loads(r.new_value)) for r in rows]


# -- mutations set aside -------------------------------------------------------------

def add_set_aside(conn: Connection, entry: dict[str, Any]) -> None:
    """Keep a mutation the server could not apply (``murafaqa_server.set_aside``)."""
    conn.execute(insert(set_aside).values(**{**entry, "content": json.dumps(entry["content"], ensure_ascii=False),
                                             "created_at": now()}))


def set_aside_numbers(conn: Connection, device_id: str, numbers: list[int]) -> set[int]:
    """Of these mutation numbers of a laptop, those set aside."""
    q = select(set_aside.c.n).where(set_aside.c.device_id == device_id, set_aside.c.n.in_(numbers))
    return set(conn.execute(q).scalars())


def set_aside_seen(conn: Connection, actor: Actor, limit: int) -> list[dict[str, Any]]:
    """The mutations set aside that the actor may see, the latest first: an
    administrator all, a coordinator those of their region and their own, a
    coach their own."""
    q = (select(set_aside, users.c.name.label("user")).join(users, users.c.id == set_aside.c.user_id)
         .order_by(set_aside.c.id.desc()).limit(limit))
    if actor.role == "coordinator":
        q = q.where(or_(set_aside.c.region == actor.region, set_aside.c.user_id == actor.user_id))
    elif actor.role != "admin":
        q = q.where(set_aside.c.user_id == actor.user_id)
    out = []
    for r in conn.execute(q).mappings():
        row = dict(r)
        row["content"] = json.loads(row["content"])
        out.append(row)
    return out
