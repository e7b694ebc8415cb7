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

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from .tables import TABLES

# Bump when the synced tables, their fields or the messages change shape.
SCHEMA_VERSION = 2
SCHEMA_HEADER = "X-Murafaqa-Schema"
API_PREFIX = "/api/v1"
DEFAULT_PAGE_ROWS = 2000
MAX_PAGE_ROWS = 5000
MAX_MUTATIONS = 1000

Role = Literal["coach", "coordinator", "admin"]
ROLES: tuple[str, ...] = ("coach", "coordinator", "admin")


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_holds_nul(v) for v in value)
    return False


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        """No message carries a NUL character: no record holds one, and
        PostgreSQL text cannot (it would be a server failure, not a refusal)."""
        if _holds_nul(value):
            raise ValueError("text cannot hold a NUL character")
        return value


def _json_integer(value: Any) -> Any:
    """Only what JSON calls an integer (2.0 included): pydantic alone would
    also turn false, true or "12" into one, values the published schema
    refuses."""
    if isinstance(value, (bool, str)):
        raise ValueError("must be an integer")
    return value


def _json_boolean(value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


# Bounds go before the validator: after it, pydantic publishes them as
# "ge"/"le", which JSON Schema does not know.
Int = Annotated[int, BeforeValidator(_json_integer)]
Bool = Annotated[bool, BeforeValidator(_json_boolean)]

# The numbers a laptop sends are stored or looked up as 64-bit integers
# (BIGINT, SQLite INTEGER): a larger one is a bad body (422), not a failure.
# Conflict ids are 32-bit (INTEGER).
INT64_MAX = 2**63 - 1
Int64 = Annotated[int, Field(ge=-(2**63), le=INT64_MAX), BeforeValidator(_json_integer)]
Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1), BeforeValidator(_json_integer)]
Seq = Annotated[int, Field(ge=0, le=INT64_MAX), BeforeValidator(_json_integer)]  # a sequence or position

# Any integer is read (so that an older laptop is told to update, not that its
# body is bad); the published schema says the one this code speaks.
SchemaVersion = Annotated[int, Field(json_schema_extra={"const": SCHEMA_VERSION}), BeforeValidator(_json_integer)]


# The text a laptop sends holds no NUL (the validator above refuses it): the
# published schema says so too, or a client generator would send one and
# take the 422 for a refusal of valid data.
NO_NUL = "^[^\\u0000]*$"
Text = Annotated[str, Field(pattern=NO_NUL)]


# -- enrolment ----------------------------------------------------------------

class EnrolRequest(_Model):
    schema_version: SchemaVersion
    user: Text = Field(min_length=1, max_length=80)
    password: Text = Field(min_length=1, max_length=200)
    label: Text = Field(default="", max_length=120)


class Account(_Model):
    name: str
    role: Role
    region: str | None = None


class EnrolResponse(_Model):
    device_id: str
    token: str
    account: Account
    last_n: int = 0
    # Only to a laptop that sent PREVIOUS_DEVICE_HEADER (an older one forbids
    # unknown fields): the last change number the server took from the
    # laptop this database was enrolled as before, when it was the same user's.
    previous_last_n: int | None = None


# What a laptop enrolling again says of the enrolment its database had (a
# header: an older server ignores it). A restored backup keeps the device id,
# never the token; with this number it drops the changes the server already
# took under that enrolment instead of sending them again.
PREVIOUS_DEVICE_HEADER = "X-Murafaqa-Previous-Device"
DEVICE_ID_PATTERN = "^[0-9a-fA-F-]{1,64}$"


# -- push ---------------------------------------------------------------------

# A field's value: plain JSON, and text without NUL (PostgreSQL text cannot
# hold one). A region is a code (01-12 today), stored in 8 characters.
REGION_MAX_LENGTH = 8
_PLAIN = {"type": ["string", "integer", "number", "boolean", "null"], "pattern": NO_NUL}
_REGION = {**_PLAIN, "maxLength": REGION_MAX_LENGTH}


def _one_variant_per_table(schema: dict[str, Any]) -> None:
    """The published schema of a mutation: one variant per synced table, its
    name in ``t`` and only its fields in ``f`` and ``b``, plain values. The
    model stays generic (the server checks tables and fields itself, 422);
    the schema says the same to a client generator or a fuzzer."""
    props, required = schema.pop("properties"), schema.pop("required")
    for key in ("type", "additionalProperties"):
        schema.pop(key)
    schema["oneOf"] = [{
        "type": "object", "title": f"Mutation of {spec.name}", "additionalProperties": False,
        "required": required,
        "properties": {
            **props,
            "t": {"const": spec.name},
            "f": {"type": "object", "additionalProperties": False,
                  "properties": {k: _REGION if k == spec.region_field else _PLAIN for k in spec.fields}},
            "b": {"type": "object", "additionalProperties": False,
                  "properties": dict.fromkeys((*spec.fields, "_row"), props["b"]["additionalProperties"])},
        },
    } for spec in TABLES.values()]


class Mutation(_Model):
    """One outbox entry. ``n`` is the laptop's own number for it, strictly
    increasing; ``base`` maps each field (or ``_row`` for a deletion) to the
    server sequence the laptop had seen."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_one_variant_per_table)

    n: Int = Field(ge=1, le=INT64_MAX)
    t: str
    id: str = Field(pattern=r"^[0-9A-Za-z-]{1,64}$")  # UUIDs made on the laptop
    op: Literal["upsert", "delete"]
    f: dict[str, Any] = Field(default_factory=dict)
    b: dict[str, Int64] = Field(default_factory=dict)


MutationStatus = Literal["ok", "conflict", "rejected", "replay"]

# ``why`` of a mutation the server could not apply, whatever the error: it
# keeps it with its reason for the coordinator (GET /api/v1/set-aside), and
# the laptop keeps it aside too, its row as the user left it.
SET_ASIDE = "set_aside"


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
    cursor: Seq = 0
    target: Seq | None = None  # set from the second page on
    after: Seq = 0  # last row position received
    limit: Int = Field(default=DEFAULT_PAGE_ROWS, ge=1, le=MAX_PAGE_ROWS)


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


class Block(_Model):
    """Rows of one table and one shape, in columns (``columns.py``). ``ids``: each row's id (compacted);
    ``s``: each row's sequence, as the difference from the previous row's
    (the first from 0); ``cols``: the fields every row of the block carries,
    ``f`` one list of values per field; ``v``: per row, fields whose sequence
    differs from the row's (omitted when none has any); ``w``: whole rows;
    ``d``: deletions (no fields)."""

    t: str
    ids: list[str]
    s: list[int]
    cols: list[str] = Field(default_factory=list)
    f: list[list[Any]] = Field(default_factory=list)
    v: list[dict[str, int] | None] | None = None
    w: bool = False
    d: bool = False
    # Only in a page with ``positions`` (columns.REFS_HEADER): each row's
    # position on the server, as the difference from the previous row's,
    # for the rows of a table that other rows refer to.
    p: list[int] | None = None


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
    # Only to a laptop that asked for columns (columns.PAGES_HEADER; an older
    # one forbids unknown fields): the page's rows, instead of ``changes``,
    # and, with the first page, how many rows the whole pull holds.
    blocks: list[Block] | None = None
    rows: int | None = None
    # Only to a laptop that asked for them (columns.REFS_HEADER): the blocks
    # refer to rows of this pull by their position (``columns.py``).
    positions: bool = False


# A sync a laptop really sends: a new cooperative of region 07 and the first
# pull. Published as the body's example, so that a client generator or a
# fuzzer has one push that the merge applies, not only refusals.
SYNC_EXAMPLE: dict[str, Any] = {
    "schema_version": SCHEMA_VERSION,
    "mutations": [{"n": 1, "t": "cooperatives", "id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "op": "upsert",
                   "f": {"registration_number": "07/2024/00417", "name_fr": "Coopérative Tafoukt",
                         "legal_date": "2024-02-12", "region": "07"},
                   "b": {}}],
    "pull": {"cursor": 0},
}


class SyncRequest(_Model):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [SYNC_EXAMPLE]})

    schema_version: SchemaVersion
    mutations: list[Mutation] = Field(default_factory=list, max_length=MAX_MUTATIONS)
    resolved: list[Int32] = Field(default_factory=list)  # conflicts settled on the laptop
    pull: PullRequest | None = None


class TeamMember(_Model):
    """One coach of the caller's team, as the server knows them: their
    cooperatives in the caller's scope (the laptop holds those and computes
    sessions and overdue from its own rows) and what their most recently
    synced laptop told at that sync."""

    coach: str
    region: str | None = None  # the coach's own region
    cooperatives: list[str] = Field(default_factory=list)  # ids, assigned and in the caller's scope
    last_sync: str | None = None  # ISO time of that laptop's last sync; None: never synced
    app_version: str | None = None  # None: the laptop did not say (an older application)
    pending_at_last_sync: int | None = None  # changes waiting on that laptop when that sync started


class SyncResponse(_Model):
    results: list[MutationResult] = Field(default_factory=list)
    last_n: int = 0
    page: PullPage | None = None
    # Only to a laptop that sent CLIENT_HEADER (an older one forbids unknown
    # fields), and only to a coordinator or an administrator.
    team: list[TeamMember] | None = None


# -- what the laptop says of itself (a header: an older server ignores it) -------

CLIENT_HEADER = "X-Murafaqa-Client"
APP_VERSION_PATTERN = "[0-9A-Za-z.+-]{1,32}"
# ``version=0.4.0; pending=12``, perhaps followed by more ``; key=value``
# pairs a later laptop may add (this server reads the two it knows). The
# published pattern and the server's reading are this one expression.
CLIENT_HEADER_PATTERN = (
    rf"^[ \t]*version=({APP_VERSION_PATTERN});[ \t]*pending=([0-9]{{1,18}})"
    r"(?:;[ \t]*[a-z][a-z0-9_]{0,31}=[0-9A-Za-z.+_-]{0,64})*[ \t]*$")
_CLIENT_HEADER = re.compile(CLIENT_HEADER_PATTERN.removeprefix("^").removesuffix("$"))


@dataclass(frozen=True)
class ClientReport:
    """What a laptop tells of itself on a sync request: its application's
    version and the changes waiting in its outbox when the sync started."""

    version: str
    pending: int

    def header(self) -> str:
        return f"version={self.version}; pending={self.pending}"

    @classmethod
    def parse(cls, value: str) -> ClientReport:
        """Raises ValueError for a value the published pattern refuses."""
        found = _CLIENT_HEADER.fullmatch(value)
        if found is None:
            raise ValueError(f"{CLIENT_HEADER} must read 'version=V; pending=N'")
        return cls(found.group(1), int(found.group(2)))


# -- assignment (a coordinator from the desktop) ---------------------------------

class AssignRequest(_Model):
    schema_version: SchemaVersion
    coach: Text
    cooperatives: list[Text] = Field(min_length=1, max_length=2000)
    active: Bool = True


class AssignResponse(_Model):
    changed: list[str]


# -- a laptop's database key: escrow and recovery ------------------------------------

# 256 bits in hexadecimal, the form the laptop's key takes.
DATABASE_KEY_PATTERN = "^[0-9a-fA-F]{64}$"


class EscrowRequest(_Model):
    """``PUT /devices/me/escrow``: the laptop's database key, kept by the
    server sealed under its escrow key, for a one-time recovery code."""

    key: str = Field(pattern=DATABASE_KEY_PATTERN)


class EscrowResponse(_Model):
    escrowed_at: str


class RecoverRequest(_Model):
    """``POST /devices/recover``: no token (it is inside the locked
    database); the device id and the code an administrator issued."""

    device_id: str = Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z-]+$")
    code: Text = Field(min_length=1, max_length=64)


class RecoverResponse(_Model):
    key: str


# -- reading (a coordinator from the web) ---------------------------------------------

class CooperativeView(_Model):
    """One cooperative: its coaches and every live row that hangs off it, each
    row's fields with its ``table`` and ``id``."""

    id: str
    coaches: list[str]
    rows: list[dict[str, Any]]


# -- who changed what: a cooperative's history ---------------------------------------

DEFAULT_HISTORY_ENTRIES = 200
MAX_HISTORY_ENTRIES = 1000

HistoryOp = Literal["insert", "update", "delete"]


class HistoryEntryOut(_Model):
    """One change the server accepted: who (``user``, through the laptop
    ``device``), when (``at``, UTC; ``seq`` its place in the global order),
    which row of which table, which field, its value before and after. A
    deletion has no ``field``: ``old`` is the row as it was."""

    id: int
    seq: int
    at: str
    user: str
    device: str
    table: str
    row: str
    op: HistoryOp
    field: str | None = None
    old: Any = None
    new: Any = None


class HistoryPage(_Model):
    """A page of a cooperative's history, newest first; ``next``: the value of
    ``before`` that asks for the following (older) page, None at the end."""

    cooperative: str
    entries: list[HistoryEntryOut] = Field(default_factory=list)
    next: int | None = None


class SetAsideView(_Model):
    """A mutation the server could not apply, kept with its reason."""

    id: int
    user: str
    device_id: str
    n: int
    t: str
    row: str
    op: str
    region: str | None = None
    content: dict[str, Any]
    reason: str
    at: str


class ErrorBody(_Model):
    """Every refusal: a code the laptop maps to a message, and a message."""

    code: str
    detail: str
