"""The laptop's side of setting an entry aside: one entry the protocol
cannot carry, or one the server could not apply, must never block the
entries behind it (the outbox is sent in order, and the same entries are
resent until answered).

``screen`` builds the mutations of a batch and sets aside, before they are
sent, the entries that are not valid ones (the server would refuse the whole
request with them, again and again); ``from_server`` sets aside an entry the
server answered ``set_aside``.
"""
from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from murafaqa_protocol.checks import mutation_problem
from murafaqa_protocol.messages import Mutation

from ..store import set_aside as store


def _mutation(entry: dict[str, Any]) -> Mutation | str:
    """The entry as a mutation, or why it cannot be one."""
    try:
        m = Mutation(n=entry["id"], t=entry["tbl"], id=entry["row_id"], op=entry["op"], f=entry["fields"],
                     b=entry["base"])
    except ValidationError as e:
        first = e.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return mutation_problem(m) or m


def screen(db: Database, batch: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Mutation]]:
    """The entries of the batch that can be sent, and their mutations; the
    others are set aside (their own transaction)."""
    kept: list[dict[str, Any]] = []
    mutations: list[Mutation] = []
    refused: list[tuple[int, str]] = []
    for entry in batch:
        found = _mutation(entry)
        if isinstance(found, str):
            refused.append((entry["id"], found))
        else:
            kept.append(entry)
            mutations.append(found)
    if refused:
        with db.atomic():
            for entry_id, why in refused:
                store.move(db, entry_id, store.INVALID, why)
    return kept, mutations


def from_server(db: Database, entry: dict[str, Any]) -> None:
    """An entry the server could not apply and kept for the coordinator
    (inside the engine's transaction)."""
    store.move(db, entry["id"], store.SERVER)
