"""A cooperative's history as the laptop shows it: the changes the server
accepted (as last fetched) and, above them, this laptop's own changes not
yet sent, marked so; field names and values as the forms show them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain import vocab
from ..domain.entities import BY_TABLE
from ..store import history, sync_state


@dataclass(frozen=True)
class Line:
    """One field's change (``field`` None: a row deleted, or created with no
    field to show). ``sent`` False: still on this laptop, not yet accepted
    by the server. ``who``: the user; ``device``: the laptop's id on the
    server (empty for this laptop's unsent changes)."""

    at: str
    who: str
    device: str
    table: str
    row_id: str
    op: str
    field: str | None
    old: Any
    new: Any
    sent: bool


@dataclass(frozen=True)
class History:
    lines: list[Line]  # newest first: the unsent ones, then the server's
    fetched_at: str | None  # when the server's part was fetched; None: never
    unsent: int  # how many of the lines are not sent yet


def of(db: Database, coop_id: str) -> History:
    kept = history.kept(db, coop_id)
    last_value: dict[tuple[str, str], Any] = {}
    for k in reversed(kept):  # oldest first: the newest value stays
        if k.field is not None:
            last_value[(k.row_id, k.field)] = k.new
    known_rows = {k.row_id for k in kept}
    me = sync_state.get(db, "user") or ""
    pending: list[Line] = []
    for u in history.unsent(db, coop_id):
        if u.op == "delete":
            pending.append(Line(u.at, me, "", u.tbl, u.row_id, "delete", None, None, None, False))
            continue
        known = u.row_id in known_rows or bool(sync_state.versions(db, u.tbl, u.row_id))
        for f, v in u.fields.items():
            if f == "id" or (not known and v is None):
                continue
            old = last_value.get((u.row_id, f)) if known else None
            pending.append(Line(u.at, me, "", u.tbl, u.row_id, "update" if known else "insert", f, old, v, False))
    sent = [Line(k.at, k.user, k.device, k.tbl, k.row_id, k.op, k.field, k.old, k.new, True) for k in kept]
    return History(pending + sent, history.fetched_at(db, coop_id), len(pending))


# -- as the forms show them -------------------------------------------------------------

def table_label(table: str, lang: str) -> str:
    spec = BY_TABLE.get(table)
    if spec is None:
        return table
    return spec.ar if lang == "ar" else spec.fr


def field_label(table: str, field: str | None, lang: str) -> str:
    """The field as its form labels it; a child row's prefixed by what the
    row is (a plan action, a session...)."""
    spec = BY_TABLE.get(table)
    if field is None or spec is None:
        return table_label(table, lang)
    label = spec.field(field).label(lang) if field in spec.names else field
    return label if table == "cooperatives" else f"{table_label(table, lang)} · {label}"


_YES_NO = {True: ("Oui", "نعم"), False: ("Non", "لا")}


def value_text(table: str, field: str | None, value: Any, lang: str) -> str:
    """A value as the form shows it: a choice by its label, yes or no."""
    if value is None or field is None:
        return ""
    spec = BY_TABLE.get(table)
    fs = spec.field(field) if spec is not None and field in spec.names else None
    if fs is not None and fs.kind == "bool" or isinstance(value, bool):
        fr, ar = _YES_NO[bool(value)]
        return ar if lang == "ar" else fr
    if fs is not None and fs.choices is not None:
        return vocab.label(fs.choices, str(value), lang)
    return str(value)
