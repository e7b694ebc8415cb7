"""The server's tables, described once for SQLAlchemy Core (the Alembic
migrations create exactly these; a test compares them).

Synced rows live in one table, ``records``, whatever their kind: the server
merges fields and scopes rows, it does not interpret them. ``coop_id`` and
``region`` are the scope of a row, ``ukey`` its unique key among live rows
(registration number, session number...), ``versions`` the sequence of
each field, ``writers`` the laptop that last wrote each field, ``seq`` the
row's last sequence and ``cseq`` the sequence at which a laptop must
receive the row whole (creation, resurrection).
"""
from __future__ import annotations

from sqlalchemy import (
                        BigInteger,
                        Boolean,
                        Column,
                        ForeignKey,
                        Index,
                        Integer,
                        MetaData,
                        String,
                        Table,
                        Text,
                        UniqueConstraint,
                        text,
)

metadata = MetaData()

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("region", String(8)),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", String(32), nullable=False),
)

devices = Table(
    "devices", metadata,
    Column("id", String(40), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("label", String(120), nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
    Column("last_n", BigInteger, nullable=False, default=0),
    Column("last_seen", String(32)),
    # What the laptop told at its last sync (X-Murafaqa-Client): when, which
    # version of the application, how many changes were waiting in its
    # outbox. A coordinator's team view shows them; NULL: never told.
    Column("last_sync_at", String(32)),
    Column("app_version", String(32)),
    Column("pending_at_last_sync", BigInteger),
    # Why the token was withdrawn: "lost" (an administrator's `device
    # revoke`: the laptop erases its data at its next contact), "logout",
    # "password" (a leaked password), "disabled" (its user's account).
    Column("revoked_why", String(16)),
    # The token stops opening the API at this time, pushed forward at each
    # sync: a laptop left unused that long signs in again.
    Column("token_expires_at", String(32)),
    # The laptop's database key, sealed with the server's escrow key (see
    # escrow.py), and the one-time recovery code an administrator issued
    # for it (an argon2 hash, until it is used or expires).
    Column("escrow", Text),
    Column("escrowed_at", String(32)),
    Column("recovery_hash", Text),
    Column("recovery_expires_at", String(32)),
)

counters = Table(
    "counters", metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

records = Table(
    "records", metadata,
    Column("pk", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("tbl", String(40), nullable=False),
    Column("id", String(64), nullable=False, unique=True),
    Column("coop_id", String(64)),
    Column("region", String(8)),
    Column("ukey", Text, unique=True),
    Column("author_id", Integer),
    Column("origin", String(40)),
    Column("data", Text, nullable=False),
    Column("versions", Text, nullable=False),
    Column("writers", Text, nullable=False, default="{}"),
    Column("seq", BigInteger, nullable=False),
    Column("cseq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Index("records_seq", "seq"),
    Index("records_coop", "coop_id"),
    Index("records_region", "region"),
    # The rows with no cooperative, by region (a coach's pull: migration 0008).
    Index("records_no_coop", "region", postgresql_where=text("coop_id IS NULL"),
          sqlite_where=text("coop_id IS NULL")),
)

assignments = Table(
    "assignments", metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("coop_id", String(64), primary_key=True),
    Column("active", Boolean, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Index("assignments_coop", "coop_id"),
)

conflicts = Table(
    "conflicts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seq", BigInteger, nullable=False, index=True),
    Column("device_id", String(40), nullable=False),
    Column("n", BigInteger, nullable=False),
    Column("user_id", Integer, nullable=False),
    Column("tbl", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("coop_id", String(64)),
    Column("region", String(8)),
    Column("field", String(60)),
    Column("kind", String(24), nullable=False),
    Column("server_value", Text),
    Column("client_value", Text),
    Column("created_at", String(32), nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
    UniqueConstraint("device_id", "n", "field", "kind", name="conflicts_once"),
)

# Where a cooperative's region changed (the region it left, at the change's
# sequence): the old region's coordinator is told to drop it.
region_moves = Table(
    "region_moves", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("coop_id", String(64), nullable=False),
    Column("from_region", String(8)),
    Column("seq", BigInteger, nullable=False, index=True),
)

# Every change the server accepted, field by field, never updated nor
# deleted (the 0007 migration adds triggers refusing both): who (user and
# laptop), when, at which sequence, the row and its table, the field and its
# value before and after, as JSON. ``op`` is insert, update or delete; a
# deletion is one entry whose ``field`` is NULL and whose ``old_value`` is
# the row as it was. ``coop_id``: the cooperative whose history it belongs
# to (a child row's through its cooperative).
history = Table(
    "history", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("seq", BigInteger, nullable=False),
    Column("at", String(32), nullable=False),
    Column("user_id", Integer, nullable=False),
    Column("device_id", String(40), nullable=False),
    Column("tbl", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("coop_id", String(64)),
    Column("op", String(8), nullable=False),
    Column("field", String(60)),
    Column("old_value", Text),
    Column("new_value", Text),
    Index("history_coop", "coop_id", "id"),
)

# Failed sign-ins (and recovery codes) per key: "user:NAME", "addr:ADDRESS",
# "device:ID". In the database, not in a worker's memory: every worker
# process and every machine behind the load balancer counts the same
# failures (throttle.py).
sign_in_failures = Table(
    "sign_in_failures", metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", String(32), nullable=False),
    Column("blocked_until", String(32)),
)

# Every administrative action: who, when, what (audit.py). Only ever
# appended to.
audit_log = Table(
    "audit_log", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False, index=True),
    Column("actor", String(160), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(200), nullable=False),
    Column("details", Text, nullable=False, default="{}"),
)

# Mutations the server could not apply, whatever the reason (an unexpected
# failure of the merge or of its writes for that one mutation): set aside
# with their content and reason, so that one of them never blocks its
# laptop's queue, and shown to the coordinator of their region (region: the
# row's, else the one the mutation names, else its author's).
set_aside = Table(
    "set_aside", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("device_id", String(40), nullable=False),
    Column("n", BigInteger, nullable=False),
    Column("user_id", Integer, nullable=False, index=True),
    Column("tbl", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("op", String(8), nullable=False),
    Column("region", String(8), index=True),
    Column("content", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("device_id", "n", name="set_aside_once"),
)
