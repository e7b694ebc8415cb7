"""Applying a laptop's push, in one transaction: the body checked whole,
then each mutation decided by the rules (``rules``) on one unit of work
(``unit_of_work``), which writes everything at the end.
"""
from __future__ import annotations

from sqlalchemy import Connection

from murafaqa_protocol.checks import mutation_problem
from murafaqa_protocol.messages import Mutation, MutationResult
from murafaqa_protocol.tables import TABLES

from . import data
from .rules import Forbidden, Rules, ukey
from .scope import Actor
from .unit_of_work import UnitOfWork

__all__ = ["BadPush", "Forbidden", "push", "ukey", "validate"]


class BadPush(ValueError):
    """The body names a table or a field the protocol does not know: 422."""


def validate(mutations: list[Mutation]) -> None:
    """Refuse the whole body before anything is written."""
    for m in mutations:
        problem = mutation_problem(m)
        if problem:
            raise BadPush(problem)


def push(conn: Connection, actor: Actor, mutations: list[Mutation], resolved: list[int], *,
         serial: bool = False) -> tuple[list[MutationResult], int]:
    """Apply a push; returns the results and the laptop's last applied number.

    The laptop's own row is locked first (its pushes never overlap), then
    every row the push names (``FOR UPDATE``), then decisions are made and
    written with real sequences at the end (``UnitOfWork.flush``). ``serial``
    takes the sequence lock from the start: the fallback when a parallel
    push met another on a unique key or a lock cycle.
    """
    validate(mutations)
    if serial:
        data.lock_sequence(conn)
    work = UnitOfWork(conn, actor)
    rules = Rules(work)
    last_n = data.lock_device(conn, actor.device_id)
    fresh = [m for m in mutations if m.n > last_n]
    ids = {m.id for m in fresh}
    for m in fresh:
        spec = TABLES[m.t]
        for fk, _t in ((spec.parent,) if spec.parent else ()) + spec.cascades:
            if isinstance(m.f.get(fk), str):
                ids.add(m.f[fk])
    work.preload(ids, lock=True)
    keys = {ukey(TABLES[m.t], {f: m.f.get(f) for f in TABLES[m.t].fields})
            for m in fresh if m.op == "upsert" and work.cache.get(m.id) is None}
    work.prefetch_ukeys({k for k in keys if k})
    seen: set[int] = set()
    for m in sorted(mutations, key=lambda x: x.n):
        if m.n in seen:
            continue
        seen.add(m.n)
        if m.n <= last_n:
            work.results.append(rules.replay(m))
            continue
        work.results.append(rules.apply(m))
        last_n = m.n
    data.save_device_progress(conn, actor.device_id, last_n)  # before the sequence lock: its row is locked already
    work.flush(resolved)
    return work.results, last_n
