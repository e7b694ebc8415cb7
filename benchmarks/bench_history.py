"""What keeping the change history costs a push, on PostgreSQL.

    python benchmarks/run.py history --json [--postgres URL] [--rounds 60]

A coach's day in one push (one cooperative's profile edited, 10 plan actions
moved on, 3 coaching sessions created: 14 mutations, ~50 history entries), applied
by ``merge.push`` and committed, alternately with the history written and
with its write left out (``data.add_history`` replaced by a no-op): the same
process, the same database, interleaved, so that the machine's load weighs
on both alike. In a schema of its own, dropped at the end.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
import uuid
from typing import Any

from sqlalchemy import text

from murafaqa_protocol.messages import Mutation
from murafaqa_server import data, merge, services
from murafaqa_server.database import make_engine, migrate
from murafaqa_server.scope import Actor

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _day(n: int, coop: str, actions: list[str], round_no: int) -> list[Mutation]:
    out = [Mutation(n=n, t="cooperatives", id=coop, op="upsert",
                    f={"phone": f"06{round_no:08d}", "members": 20 + round_no % 50, "notes": f"visite {round_no}"},
                    b={})]
    for i, action in enumerate(actions):
        out.append(Mutation(n=n + 1 + i, t="plan_actions", id=action, op="upsert",
                            f={"progress": (round_no * 7 + i) % 100, "status": "in_progress",
                               "indicator": f"indicateur {round_no}"}, b={}))
    for k in range(3):
        out.append(Mutation(n=n + 11 + k, t="coaching_sessions", id=str(uuid.uuid4()), op="upsert",
                            f={"cooperative_id": coop, "number": 1, "held_on": "2026-03-02", "duration_minutes": 90,
                               "place": "cooperative", "attendees": 6, "topics": "Plan de commercialisation",
                               "recommendations": "Étiqueter les produits", "author": "coach"}, b={}))
    return out


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="run.py history")
    parser.add_argument("--postgres", default=os.environ.get("MURAFAQA_TEST_POSTGRES_URL", DEFAULT_PG))
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args(argv)
    schema = f"mfq_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(args.postgres, pool_size=1, max_overflow=0)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(args.postgres, connect_args={"options": f"-csearch_path={schema}"})
    try:
        migrate(engine)
        with engine.begin() as conn:
            user_id = services.add_user(conn, "coach", "coach", "07", "bench-password-1")
            device_id = data.add_device(conn, user_id, "h" * 64, "bench")
        actor = Actor(user_id, "coach", "coach", "07", device_id)
        coop, actions = str(uuid.uuid4()), [str(uuid.uuid4()) for _ in range(10)]
        setup = [Mutation(n=1, t="cooperatives", id=coop, op="upsert",
                          f={"registration_number": "07/2026/00001", "legal_date": "2024-01-01", "region": "07"},
                          b={})]
        setup += [Mutation(n=2 + i, t="plan_actions", id=a, op="upsert",
                           f={"cooperative_id": coop, "axis": "marketing", "objective": f"Objectif {i}"}, b={})
                  for i, a in enumerate(actions)]
        with engine.begin() as conn:
            merge.push(conn, actor, setup, [])
        n = 100
        kept = data.add_history
        timings: dict[bool, list[float]] = {True: [], False: []}
        for round_no in range(2 * args.rounds):
            with_history = round_no % 2 == 0
            data.add_history = kept if with_history else (lambda _conn, _entries: None)  # type: ignore[assignment]
            mutations = _day(n, coop, actions, round_no)
            n += len(mutations)
            # Sessions numbered past 12 would be refused: delete them between rounds, untimed.
            start = time.perf_counter()
            with engine.begin() as conn:
                merge.push(conn, actor, mutations, [])
            timings[with_history].append((time.perf_counter() - start) * 1000)
            with engine.begin() as conn:
                conn.execute(text("UPDATE records SET deleted = true, ukey = NULL WHERE tbl = 'coaching_sessions'"))
        data.add_history = kept  # type: ignore[assignment]
        with engine.connect() as conn:
            entries = conn.execute(text("SELECT count(*) FROM history")).scalar_one()
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    with_ms, without_ms = statistics.median(timings[True]), statistics.median(timings[False])
    return {"push_day_ms_with_history": round(with_ms, 1), "push_day_ms_without_history": round(without_ms, 1),
            "history_push_ratio": round(with_ms / without_ms, 3), "history_entries_written": int(entries),
            "rounds": args.rounds}
