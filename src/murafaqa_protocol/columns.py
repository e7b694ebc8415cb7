"""A pull page in columns: what a laptop that asks for it receives instead
of one object per row.

Where the bytes of a first sync went (300 cooperatives, 18,092 rows, see
docs/sync.md): row ids, which are random and do not compress, then the
same keys repeated on every row. So a page groups its rows into blocks of
one table and one shape (the same fields, whole or not, deleted or not):
the field names once, then one list per field; ids as 32 hexadecimal
digits when they are canonical UUIDs (the dashes carry nothing), and the
rows' sequences as differences from the previous one (consecutive rows
differ by one). Rows are in no particular order within a page: the laptop
stages a page and applies its rows by table at the end.

A laptop asks for it with ``X-Murafaqa-Pages: columns``; a server that does
not know the header ignores it and sends rows, which this laptop reads too;
a laptop that does not send it (an older one) gets rows as before. So the
schema version does not change: both ends keep understanding each other.

References by position (``X-Murafaqa-References: positions``, asked for
beside columns): a reference to a row the laptop holds from this same pull
(in this page, or staged from an earlier one) travels as that row's
position on the server (its ``pk``, which never changes and is never
reused) instead of its id, and the rows of tables others refer to carry
their positions (``Block.p``). In a reference column an integer is a
position, as the difference from the previous position of that column
(the first from 0), a text an id as above, and a one-element list a plain
value that is no id (never sent as a bare integer, so never mistaken for a
position). The laptop resolves a position from the page's own rows, then
from the rows it staged in this pull; one it cannot resolve (the server
judged wrongly what it holds) makes the page unreadable as positions, and
the laptop asks for the same page again without them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .messages import Block, Change
from .tables import TABLES

PAGES_HEADER = "X-Murafaqa-Pages"
COLUMNS = "columns"
REFS_HEADER = "X-Murafaqa-References"
POSITIONS = "positions"
# The rest of a pull in the same answer, a page a line (server: routes/sync.py).
STREAM_HEADER = "X-Murafaqa-Stream"
STREAMED = "pages"

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
# Not in an id's alphabet ([0-9A-Za-z-]): marks an id that only looks like a
# compacted UUID (32 hexadecimal digits of its own), sent as it is.
_AS_IS = "="

# Per table, the fields that hold another row's id: compacted like ids.
REFERENCES: dict[str, frozenset[str]] = {
    name: frozenset([*(spec.parent[:1] if spec.parent else ()), *(f for f, _ in spec.cascades),
                     *(f for f, _ in spec.nulls)])
    for name, spec in TABLES.items()}


# Tables whose rows other rows refer to: their positions travel with them.
REFERRED: frozenset[str] = frozenset(
    target for spec in TABLES.values()
    for target in [*(spec.parent[1:] if spec.parent else ()), *(t for _, t in spec.cascades),
                   *(t for _, t in spec.nulls)])


class UnresolvedPosition(ValueError):
    """A page refers to a position the laptop holds no row for in this pull."""


@dataclass
class Positions:
    """What the server tells by position in a page: ``rows``, the position of
    each row of the page; ``held``, rows of earlier pages of this pull the
    laptop holds (id: position)."""

    rows: Mapping[str, int]
    held: Mapping[str, int] = field(default_factory=dict)


@dataclass
class Decoded:
    """A page's rows, and the positions of those that carried one (table, id:
    position), for the laptop to resolve later pages' references."""

    changes: list[Change]
    positions: dict[tuple[str, str], int]


def compact_id(value: Any) -> Any:
    if isinstance(value, str):
        if _UUID.match(value):
            return value.replace("-", "")
        if _HEX32.match(value):
            return _AS_IS + value
    return value


def full_id(value: Any) -> Any:
    if isinstance(value, str):
        if value.startswith(_AS_IS):
            return value[1:]
        if _HEX32.match(value):
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return value


def _differences(values: list[int]) -> list[int]:
    previous, out = 0, []
    for x in values:
        out.append(x - previous)
        previous = x
    return out


def _reference_column(values: list[Any], known: Mapping[str, int] | None) -> list[Any]:
    if known is None:
        return [compact_id(v) for v in values]
    out: list[Any] = []
    previous = 0
    for v in values:
        if isinstance(v, str):
            at = known.get(v)
            if at is None:
                out.append(compact_id(v))
            else:
                out.append(at - previous)
                previous = at
        else:
            out.append(None if v is None else [v])
    return out


def to_blocks(changes: list[Change], references: dict[str, frozenset[str]] = REFERENCES,
              positions: Positions | None = None) -> list[Block]:
    """``positions``: references by position (see above), or ids only."""
    known: dict[str, int] | None = None
    if positions is not None:
        known = {**positions.held, **{c.id: positions.rows[c.id] for c in changes if c.t in REFERRED}}
    groups: dict[tuple[str, tuple[str, ...], bool, bool], list[Change]] = {}
    for c in changes:
        groups.setdefault((c.t, tuple(c.f or ()), c.w, c.d), []).append(c)
    blocks = []
    for (table, cols, whole, deleted), rows in groups.items():
        refs = references.get(table, frozenset())
        values = [_reference_column([(c.f or {})[k] for c in rows], known) if k in refs
                  else [(c.f or {})[k] for c in rows] for k in cols]
        odd = [c.v for c in rows]
        at = (_differences([positions.rows[c.id] for c in rows])
              if positions is not None and table in REFERRED else None)
        blocks.append(Block(t=table, ids=[compact_id(c.id) for c in rows], s=_differences([c.s for c in rows]),
                            cols=list(cols), f=values, v=odd if any(odd) else None, w=whole, d=deleted, p=at))
    return blocks


def from_blocks(blocks: list[Block], references: dict[str, frozenset[str]] = REFERENCES) -> list[Change]:
    """The rows of ``blocks`` (a page without positions); raises ValueError
    for a block whose lists disagree in length (a damaged answer, never
    applied in part)."""
    return decode(blocks, references).changes


def _sums(differences: list[int]) -> list[int]:
    total, out = 0, []
    for d in differences:
        total += d
        out.append(total)
    return out


def _is_position(value: Any) -> bool:
    return type(value) is int  # JSON true and false are no positions


def decode(blocks: list[Block], references: dict[str, frozenset[str]] = REFERENCES, *, positions: bool = False,
           resolve: Callable[[set[int]], Mapping[int, str]] | None = None) -> Decoded:
    """The rows of ``blocks``. ``positions``: the page refers by position;
    ``resolve`` gives the ids of positions not in the page (the rows staged
    from earlier pages of this pull). Raises ValueError for a damaged page,
    UnresolvedPosition for a position neither holds."""
    local: dict[int, str] = {}
    held: dict[tuple[str, str], int] = {}
    for b in blocks:
        n = len(b.ids)
        if len(b.s) != n or len(b.f) != len(b.cols) or any(len(col) != n for col in b.f) \
                or (b.v is not None and len(b.v) != n) or (b.p is not None and len(b.p) != n):
            raise ValueError(f"block of {b.t}: its lists do not have one entry per row")
        if b.p is not None:
            for at, row_id in zip(_sums(b.p), b.ids, strict=True):
                local[at] = full_id(row_id)
                held[(b.t, local[at])] = at
    columns: dict[tuple[int, int], list[Any]] = {}  # (block, field): its values as read
    if positions:
        wanted: set[int] = set()
        for i, b in enumerate(blocks):
            refs = references.get(b.t, frozenset())
            for j, k in enumerate(b.cols):
                if k not in refs:
                    continue
                previous, col = 0, []
                for v in b.f[j]:
                    if _is_position(v):
                        previous += v
                        col.append(previous)
                        if previous not in local:
                            wanted.add(previous)
                    elif isinstance(v, list) and len(v) == 1:
                        col.append(v)
                    elif v is None or isinstance(v, str):
                        col.append(full_id(v))
                    else:
                        raise ValueError(f"block of {b.t}: {k} holds neither an id nor a position")
                columns[(i, j)] = col
        found = dict(resolve(wanted)) if wanted and resolve is not None else {}
        missing = wanted - set(found)
        if missing:
            raise UnresolvedPosition(f"positions held by no row of this pull: {sorted(missing)[:5]}")
        ids = {**found, **local}
        for col in columns.values():
            for x, v in enumerate(col):
                # A position: its row's id; a list: the plain value it wraps.
                col[x] = v[0] if isinstance(v, list) else ids[v] if _is_position(v) else v
    out: list[Change] = []
    for i, b in enumerate(blocks):
        refs = references.get(b.t, frozenset())
        values = [columns.get((i, j)) or ([full_id(v) for v in b.f[j]] if k in refs else b.f[j])
                  for j, k in enumerate(b.cols)]
        seqs = _sums(b.s)
        for r in range(len(b.ids)):
            fields = {k: values[j][r] for j, k in enumerate(b.cols)}
            out.append(Change(t=b.t, id=full_id(b.ids[r]), s=seqs[r], f=None if b.d else fields,
                              v=b.v[r] if b.v is not None else None, w=b.w, d=b.d))
    return Decoded(out, held)
