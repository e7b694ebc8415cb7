"""Who may see and touch which row: said once, by role, for both sides.

A row's scope is its cooperative (``coop_id``) and its region. Rows with no
cooperative (training sessions) are scoped by their region alone.

* coach: the cooperatives assigned to them, and the rows without a
  cooperative in their regions (those of their cooperatives, and their own);
* coordinator: every row of their region;
* admin: everything;
* and everyone: the programme-wide rows (calls for applications), whose
  region is ``PROGRAMME``. Seeing is not writing: what only a coordinator or
  an administrator writes is said by the protocol (``TableSpec.deciders``)
  and enforced by the push (``rules.Forbidden``).

Each role's rule is built from a few terms, and each term says itself both
ways: as a Python predicate (``Scope.sees``: pushes, ``/cooperatives/{key}``,
assignments) and as a SQLAlchemy clause (``clause``: pulls and conflicts),
so the two cannot drift apart. The SQL side leaves the actor's values as
bind parameters (``params``): the statements are built once per role.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple, Protocol

from sqlalchemy import (
    Boolean,
    Connection,
    Dialect,
    and_,
    any_,
    bindparam,
    false,
    or_,
    select,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import UserDefinedType

from murafaqa_protocol.checks import PROGRAMME_REGION

from .tables import assignments, records


@dataclass(frozen=True)
class Actor:
    """Who is asking: a user, through one of their laptops."""

    user_id: int
    name: str
    role: str
    region: str | None
    device_id: str = ""


# The actor's values in a scoped statement; their names differ from every
# column's, as UPDATE statements reserve those for SET values.
ASSIGNED = select(assignments.c.coop_id).where(assignments.c.user_id == bindparam("actor_id"), assignments.c.active)
_COACH_REGIONS = (select(records.c.region).distinct()
                  .where(records.c.coop_id.in_(ASSIGNED), records.c.tbl == "cooperatives"))


def assigned(conn: Connection, user_id: int) -> set[str]:
    """The cooperatives assigned to a coach now."""
    return set(conn.execute(ASSIGNED, {"actor_id": user_id}).scalars().all())


def coach_regions(conn: Connection, actor: Actor) -> set[str]:
    """The regions of a coach's cooperatives, and their own."""
    found = {r for r in conn.execute(_COACH_REGIONS, {"actor_id": actor.user_id}).scalars() if r}
    return found | ({actor.region} if actor.region else set())


class Columns(NamedTuple):
    """The columns that hold a row's scope in a table (``user``: its author,
    for conflicts, which their author always sees)."""

    coop: ColumnElement[Any]
    region: ColumnElement[Any]
    user: ColumnElement[Any] | None = None


class Row(NamedTuple):
    """A row's scope, as the predicate reads it."""

    coop: str | None
    region: str | None
    user: int | None = None


class Term(Protocol):
    def clause(self, cols: Columns) -> ColumnElement[bool]: ...

    def holds(self, row: Row, scope: Scope) -> bool: ...


class _Everything:
    def clause(self, _cols: Columns) -> ColumnElement[bool]:
        return true()

    def holds(self, _row: Row, _scope: Scope) -> bool:
        return True


class _ActorsRegion:
    """The row's region is the actor's (never when either has none)."""

    def clause(self, cols: Columns) -> ColumnElement[bool]:
        return cols.region == bindparam("actor_region")

    def holds(self, row: Row, scope: Scope) -> bool:
        return row.region is not None and row.region == scope.actor.region


class _Among(ColumnElement[bool]):
    """``column`` is one of the values of the list parameter ``name``: one
    array parameter on PostgreSQL (``= ANY``), a list of parameters
    elsewhere. Three hundred parameters cost the server's Python more than
    the query they are for (rendered and bound at each execution)."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement), ("name", InternalTraversal.dp_string)]

    def __init__(self, column: ColumnElement[Any], name: str) -> None:
        self.column = column
        self.name = name


@compiles(_Among)
def _among(element: _Among, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column.in_(bindparam(element.name, expanding=True)), **kw)


class _ArrayText(UserDefinedType[list[str]]):
    """A list of texts bound as the text of a PostgreSQL array (``$1::VARCHAR[]``),
    which the server reads once as the parameter's value: one string to
    bind, where the driver's own array binding checks each of 300 values."""

    cache_ok = True
    render_bind_cast = True

    def get_col_spec(self, **_kw: Any) -> str:
        return "VARCHAR[]"

    def bind_processor(self, dialect: Dialect) -> Callable[[list[str] | None], str | None]:  # noqa: ARG002
        def literal(value: list[str] | None) -> str | None:
            if value is None:
                return None
            return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in value) + "}"
        return literal


@compiles(_Among, "postgresql")
def _among_postgresql(element: _Among, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column == any_(bindparam(element.name, type_=_ArrayText())), **kw)


class _AssignedCooperative:
    """The row's cooperative is assigned to the actor."""

    def clause(self, cols: Columns) -> ColumnElement[bool]:
        # The cooperatives as values, not as a subquery: under the OR of a
        # coach's rule, PostgreSQL can only test a subquery row by row (every
        # row of the table read), while values let it find a coach's few
        # thousand rows among millions through the cooperative index.
        return _Among(cols.coop, "actor_coops")

    def holds(self, row: Row, scope: Scope) -> bool:
        return row.coop is not None and scope.is_assigned(row.coop)


class _NoCooperativeInActorsRegions:
    """A row with no cooperative, in one of the actor's regions."""

    def clause(self, cols: Columns) -> ColumnElement[bool]:
        return and_(cols.coop.is_(None), cols.region.in_(bindparam("actor_regions", expanding=True)))

    def holds(self, row: Row, scope: Scope) -> bool:
        return row.coop is None and row.region is not None and row.region in scope.regions()


# The region of a programme-wide row: no region code is this.
PROGRAMME = PROGRAMME_REGION  # the protocol refuses it from a laptop (checks.py)


class _ProgrammeWide:
    """A row of the whole programme (a call for applications)."""

    def clause(self, cols: Columns) -> ColumnElement[bool]:
        return cols.region == PROGRAMME

    def holds(self, row: Row, _scope: Scope) -> bool:
        return row.region == PROGRAMME


class _Authored:
    """The actor's own row (conflicts: their author sees them whatever the scope)."""

    def clause(self, cols: Columns) -> ColumnElement[bool]:
        return false() if cols.user is None else cols.user == bindparam("actor_id")

    def holds(self, row: Row, scope: Scope) -> bool:
        return row.user is not None and row.user == scope.actor.user_id


@dataclass(frozen=True)
class AnyOf:
    terms: tuple[Term, ...]

    def clause(self, cols: Columns) -> ColumnElement[bool]:
        return or_(*(t.clause(cols) for t in self.terms))

    def holds(self, row: Row, scope: Scope) -> bool:
        return any(t.holds(row, scope) for t in self.terms)


EVERYTHING = _Everything()
AUTHORED = _Authored()

# The declaration itself.
RULES: dict[str, Term] = {
    "admin": EVERYTHING,
    "coordinator": AnyOf((_ActorsRegion(), _ProgrammeWide())),
    "coach": AnyOf((_AssignedCooperative(), _NoCooperativeInActorsRegions(), _ProgrammeWide())),
}


@cache
def _rule(role: str, authored: bool) -> Term:
    rule = RULES[role]
    return AnyOf((rule, AUTHORED)) if authored and rule is not EVERYTHING else rule


def clause(role: str, cols: Columns) -> ColumnElement[bool] | None:
    """Which rows of these columns an actor of this role sees, the actor's
    values left as bind parameters (``params``); None for an administrator,
    who sees all. With ``cols.user``, the actor's own rows too."""
    rule = _rule(role, cols.user is not None)
    return None if rule is EVERYTHING else rule.clause(cols)


def params(conn: Connection, actor: Actor, regions: set[str] | None = None,
           cooperatives: set[str] | None = None) -> dict[str, Any]:
    """The actor's values for ``clause`` (``regions`` and ``cooperatives``:
    a coach's regions and assigned cooperatives, when the caller already
    has them)."""
    values: dict[str, Any] = {"actor_id": actor.user_id, "actor_region": actor.region}
    if actor.role == "coach":
        values["actor_regions"] = sorted(coach_regions(conn, actor) if regions is None else regions)
        values["actor_coops"] = sorted(assigned(conn, actor.user_id) if cooperatives is None else cooperatives)
    return values


class Scope:
    """The predicate side for one actor: what they see, the facts it needs
    read from the database once, when first needed (an administrator's and a
    coordinator's need none)."""

    def __init__(self, conn: Connection, actor: Actor) -> None:
        self.conn = conn
        self.actor = actor
        self._assigned: set[str] | None = None
        self._regions: set[str] | None = None
        self._added: set[str] = set()

    def sees(self, coop_id: str | None, region: str | None, user_id: int | None = None) -> bool:
        return _rule(self.actor.role, user_id is not None).holds(Row(coop_id, region, user_id), self)

    def add_cooperative(self, coop_id: str) -> None:
        """A cooperative assigned to the actor within this unit of work (a
        coach's new one), in scope before the assignment is written."""
        self._added.add(coop_id)

    def is_assigned(self, coop_id: str) -> bool:
        if coop_id in self._added:
            return True
        if self._assigned is None:
            self._assigned = assigned(self.conn, self.actor.user_id)
        return coop_id in self._assigned

    def regions(self) -> set[str]:
        # Only rows with no cooperative (trainings) need them. The regions of
        # the cooperatives assigned in this unit of work are not among them,
        # as they are not for the pull.
        if self._regions is None:
            self._regions = coach_regions(self.conn, self.actor)
        return self._regions
