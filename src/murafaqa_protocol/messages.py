"""The sync protocol's messages, defined once and imported by the laptop and
the server (the synced tables themselves: tables.py). What travels:

* a push: the laptop's outbox entries, each numbered by the laptop (the
  outbox id, never reused) and carrying, per field, the server sequence it
  was based on;
* a pull: what changed since the laptop's cursor, in pages against a target
  fixed at the first page, only the changed fields of a row (the whole row
  when the laptop cannot have it yet);
* the schema version, on every request: a laptop too old is told to update.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Bump when the synced tables, their fields or the messages change shape.
SCHEMA_VERSION = 1
SCHEMA_HEADER = "X-Murafaqa-Schema"
API_PREFIX = "/api/v1"
DEFAULT_PAGE_ROWS = 2000
MAX_PAGE_ROWS = 5000
MAX_MUTATIONS = 1000

Role = Literal["coach", "coordinator", "admin"]
ROLES: tuple[str, ...] = ("coach", "coordinator", "admin")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- enrolment ----------------------------------------------------------------

class EnrolRequest(_Model):
    schema_version: int
    user: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=200)
    label: str = Field(default="", max_length=120)


class Account(_Model):
    name: str
    role: Role
    region: str | None = None


class EnrolResponse(_Model):
    device_id: str
    token: str
    account: Account
    last_n: int = 0


# -- push ---------------------------------------------------------------------

class Mutation(_Model):
    """One outbox entry. ``n`` is the laptop's own number for it, strictly
    increasing; ``base`` maps each field (or ``_row`` for a deletion) to the
    server sequence the laptop had seen."""

    n: int = Field(ge=1)
    t: str
    id: str = Field(pattern=r"^[0-9A-Za-z-]{1,64}$")  # UUIDs made on the laptop
    op: Literal["upsert", "delete"]
    f: dict[str, Any] = Field(default_factory=dict)
    b: dict[str, int] = Field(default_factory=dict)


MutationStatus = Literal["ok", "conflict", "rejected", "replay"]


class MutationResult(_Model):
    """What became of a mutation. ``seq``: the sequence given to the fields it
    wrote; ``vs``: fields whose server sequence differs from ``seq``;
    ``srv``: fields whose server value differs from the one pushed, as
    [value, seq]; ``gone``: the server has no live row (deleted, refused)."""

    n: int
    st: MutationStatus
    seq: int = 0
    vs: dict[str, int] | None = None
    srv: dict[str, list[Any]] | None = None
    gone: bool = False
    why: str | None = None


# -- pull ---------------------------------------------------------------------

class PullRequest(_Model):
    cursor: int = Field(default=0, ge=0)
    target: int | None = Field(default=None, ge=0)  # set from the second page on
    after: int = Field(default=0, ge=0)  # last row position received
    limit: int = Field(default=DEFAULT_PAGE_ROWS, ge=1, le=MAX_PAGE_ROWS)


class Change(_Model):
    """A row as it changed: ``f`` its changed fields (all of them when ``w``),
    ``s`` the row's sequence, ``v`` fields whose sequence differs from ``s``,
    ``d`` deleted."""

    t: str
    id: str
    s: int
    f: dict[str, Any] | None = None
    v: dict[str, int] | None = None
    w: bool = False
    d: bool = False


class ConflictOut(_Model):
    id: int
    seq: int
    t: str
    row: str
    field: str | None
    kind: str
    server: Any = None
    client: Any = None
    user: str | None = None
    at: str
    resolved: bool = False


class PullPage(_Model):
    target: int
    after: int
    more: bool
    changes: list[Change] = Field(default_factory=list)
    conflicts: list[ConflictOut] = Field(default_factory=list)
    gone: list[str] = Field(default_factory=list)  # cooperatives that left this laptop's scope


class SyncRequest(_Model):
    schema_version: int
    mutations: list[Mutation] = Field(default_factory=list, max_length=MAX_MUTATIONS)
    resolved: list[int] = Field(default_factory=list)  # conflicts settled on the laptop
    pull: PullRequest | None = None


class SyncResponse(_Model):
    results: list[MutationResult] = Field(default_factory=list)
    last_n: int = 0
    page: PullPage | None = None


# -- assignment (a coordinator from the desktop) ---------------------------------

class AssignRequest(_Model):
    schema_version: int
    coach: str
    cooperatives: list[str] = Field(min_length=1, max_length=2000)
    active: bool = True


class AssignResponse(_Model):
    changed: list[str]
