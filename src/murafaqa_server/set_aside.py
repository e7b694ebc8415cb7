"""A push whose merge failed: each mutation again, on its own, and the one
that fails set aside with its reason, so that it never blocks its laptop.

``merge.push`` decides a whole push on one unit of work, so an unexpected
failure anywhere in it (a rule meeting data it did not foresee, a write the
database refuses) fails every mutation of the request, and the laptop,
which resends the same entries, would never get past them. When that
happens the request's transaction falls back here: the mutations are run
one by one, each with its own unit of work inside a savepoint; one that
fails is rolled back to its savepoint, kept in ``set_aside`` (its content,
the error, the region it is about, for that region's coordinator) and
answered ``rejected``/``set_aside``, and the laptop's number moves past it
as past any other. The rest goes on, in the same transaction.
"""
from __future__ import annotations

import logging

from sqlalchemy import Connection

from murafaqa_protocol.messages import SET_ASIDE, Mutation, MutationResult
from murafaqa_protocol.tables import TABLES

from . import data
from .rules import Rules
from .scope import Actor
from .unit_of_work import UnitOfWork

log = logging.getLogger("murafaqa_server.set_aside")


def push_one_by_one(conn: Connection, actor: Actor, mutations: list[Mutation], resolved: list[int],
                    failure: BaseException) -> tuple[list[MutationResult], int]:
    """The push again, mutation by mutation (``failure``: why the whole one
    failed, logged). Takes the sequence lock first: this path is rare and
    runs alone."""
    log.warning("push of laptop %s failed whole (%s): mutations applied one by one", actor.device_id,
                _reason(failure))
    data.lock_sequence(conn)
    last_n = data.lock_device(conn, actor.device_id)
    results: list[MutationResult] = []
    seen: set[int] = set()
    for m in sorted(mutations, key=lambda x: x.n):
        if m.n in seen:
            continue
        seen.add(m.n)
        if m.n <= last_n:
            results.append(_alone(conn, actor, m, replay=True))
            continue
        results.append(_alone(conn, actor, m, replay=False))
        last_n = m.n
    data.save_device_progress(conn, actor.device_id, last_n)
    if resolved:
        try:
            with conn.begin_nested():
                UnitOfWork(conn, actor).flush(resolved)
        except Exception as e:  # noqa: BLE001 - settled again at the laptop's next resolution
            log.warning("resolutions of laptop %s not recorded: %s", actor.device_id, _reason(e))
    return results, last_n


def _alone(conn: Connection, actor: Actor, m: Mutation, *, replay: bool) -> MutationResult:
    try:
        with conn.begin_nested():
            work = UnitOfWork(conn, actor)
            rules = Rules(work)
            work.preload({m.id}, lock=True)
            work.results.append(rules.replay(m) if replay else rules.apply(m))
            work.flush([])
            return work.results[0]
    except Exception as e:  # noqa: BLE001 - whatever the error, this mutation must not block the others
        if replay:
            # A replay writes nothing: answer it as one whose row is gone;
            # the laptop's copy is corrected by its pulls.
            return MutationResult(n=m.n, st="replay", gone=True)
        return keep(conn, actor, m, _reason(e))


def keep(conn: Connection, actor: Actor, m: Mutation, reason: str) -> MutationResult:
    """Record the mutation as set aside and answer it so."""
    log.error("mutation %s of laptop %s (%s %s) set aside: %s", m.n, actor.device_id, m.t, m.id, reason)
    data.add_set_aside(conn, {"device_id": actor.device_id, "n": m.n, "user_id": actor.user_id, "tbl": m.t,
                              "row_id": m.id, "op": m.op, "region": _region(conn, actor, m),
                              "content": {"f": m.f, "b": m.b}, "reason": reason})
    return MutationResult(n=m.n, st="rejected", why=SET_ASIDE)


def answer_replays(conn: Connection, actor: Actor, results: list[MutationResult]) -> None:
    """A resent mutation that was set aside (its answer lost on the way) is
    answered so again, not as one whose row is gone: the laptop would drop
    its copy of the row."""
    gone = [r for r in results if r.st == "replay" and r.gone]
    if not gone:
        return
    kept = data.set_aside_numbers(conn, actor.device_id, [r.n for r in gone])
    for r in gone:
        if r.n in kept:
            r.st, r.gone, r.why = "rejected", False, SET_ASIDE


def _region(conn: Connection, actor: Actor, m: Mutation) -> str | None:
    """The region the mutation is about, for its coordinator: its row's, else
    the one it names, else its author's. Read in a savepoint of its own: the
    failure may have left the row unreadable too."""
    try:
        with conn.begin_nested():
            rec = data.get_record(conn, m.id)
    except Exception:  # noqa: BLE001
        rec = None
    if rec is not None and rec.region:
        return rec.region
    named = m.f.get(TABLES[m.t].region_field or "")
    return named if isinstance(named, str) and named else actor.region


def _reason(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}"[:500]
