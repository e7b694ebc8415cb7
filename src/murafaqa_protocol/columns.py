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
"""
from __future__ import annotations

import re
from typing import Any

from .messages import Block, Change
from .tables import TABLES

PAGES_HEADER = "X-Murafaqa-Pages"
COLUMNS = "columns"

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


def to_blocks(changes: list[Change], references: dict[str, frozenset[str]] = REFERENCES) -> list[Block]:
    groups: dict[tuple[str, tuple[str, ...], bool, bool], list[Change]] = {}
    for c in changes:
        groups.setdefault((c.t, tuple(c.f or ()), c.w, c.d), []).append(c)
    blocks = []
    for (table, cols, whole, deleted), rows in groups.items():
        refs = references.get(table, frozenset())
        previous = 0
        deltas = []
        for c in rows:
            deltas.append(c.s - previous)
            previous = c.s
        values = [[compact_id((c.f or {})[k]) if k in refs else (c.f or {})[k] for c in rows] for k in cols]
        odd = [c.v for c in rows]
        blocks.append(Block(t=table, ids=[compact_id(c.id) for c in rows], s=deltas, cols=list(cols), f=values,
                            v=odd if any(odd) else None, w=whole, d=deleted))
    return blocks


def from_blocks(blocks: list[Block], references: dict[str, frozenset[str]] = REFERENCES) -> list[Change]:
    """The rows of ``blocks``; raises ValueError for a block whose lists
    disagree in length (a damaged answer, never applied in part)."""
    out: list[Change] = []
    for b in blocks:
        n = len(b.ids)
        if len(b.s) != n or len(b.f) != len(b.cols) or any(len(col) != n for col in b.f) \
                or (b.v is not None and len(b.v) != n):
            raise ValueError(f"block of {b.t}: its lists do not have one entry per row")
        refs = references.get(b.t, frozenset())
        seq = 0
        for i in range(n):
            seq += b.s[i]
            fields = {k: full_id(b.f[j][i]) if k in refs else b.f[j][i] for j, k in enumerate(b.cols)}
            out.append(Change(t=b.t, id=full_id(b.ids[i]), s=seq, f=None if b.d else fields,
                              v=b.v[i] if b.v is not None else None, w=b.w, d=b.d))
    return out
