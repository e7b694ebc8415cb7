"""Sync figures: bytes on the wire (both directions, compressed bodies plus
headers, as sent) and round trips, and the server under 50 laptops at once.

    python benchmarks/run.py sync --json [--postgres URL] [--laptops 50] [--skip-concurrent]

(a)-(c) run against an in-process server (the wire format does not depend on
the database); (d) starts a real uvicorn server in a subprocess on
PostgreSQL (``--postgres`` or MURAFAQA_TEST_POSTGRES_URL, default the local
test database), in a schema of its own dropped at the end.
"""
from __future__ import annotations

import argparse
import gzip
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import warnings
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from murafaqa_desktop.services import coaching, demo, plans
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.sync import account
from murafaqa_desktop.sync.engine import SyncEngine
from murafaqa_desktop.sync.transport import HttpTransport
from murafaqa_protocol.messages import (
    API_PREFIX,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    Mutation,
    PullRequest,
    SyncRequest,
)
from murafaqa_protocol.tables import TABLES
from murafaqa_server import data, services
from murafaqa_server.app import create_app
from murafaqa_server.database import make_engine, migrate

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "https://bench.local"  # the laptop sends its token over HTTPS only
PASSWORD = "bench-password"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _factories():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from factories import make_cooperative
    return make_cooperative


def in_process(tmp: Path):
    engine = make_engine(f"sqlite:///{tmp / 'server.db'}")
    migrate(engine)
    return engine, TestClient(create_app(engine), base_url=BASE)


def laptop(client, path: Path, user: str):
    db = open_db(path)
    transport = HttpTransport(BASE, client=client)
    account.enrol(db, transport, BASE, user, PASSWORD)
    return db, transport


def measured(db, transport) -> tuple[int, int]:
    before = (transport.stats.total, transport.stats.round_trips)
    SyncEngine(db, transport).run()
    return transport.stats.total - before[0], transport.stats.round_trips - before[1]


def small_syncs(tmp: Path) -> dict[str, Any]:
    """(a) nothing to do, (b) a day's work: 3 coaching sessions and 10 plan edits."""
    make_cooperative = _factories()
    engine, client = in_process(tmp)
    with engine.begin() as conn:
        services.add_user(conn, "coach", "coach", None, PASSWORD)
    db, transport = laptop(client, tmp / "coach.db", "coach")
    coops = [make_cooperative(db, registration_number=f"RC-{i}") for i in range(3)]
    actions = [plans.add_action(db, c["id"], {"axis": "marketing", "objective": f"Objectif {j}"})
               for c in coops for j in range(4)]
    SyncEngine(db, transport).run()
    noop_bytes, noop_trips = measured(db, transport)
    for i, c in enumerate(coops):
        coaching.log_session(db, c["id"], {
            "held_on": f"2024-03-0{i + 1}", "duration_minutes": 120, "place": "مقر التعاونية",
            "attendees": "الرئيسة، أمين المال، ثلاث متعاونات", "topics": '["marketing", "comptabilité"]',
            "recommendations": "تنظيم دفتر الحسابات وتحديث ملف المنتجات",
            "next_steps": "زيارة السوق الأسبوعي", "next_date": f"2024-04-0{i + 1}", "author": "coach"})
    for a in actions[:10]:
        plans.update_action(db, a["id"], {"status": "in_progress", "progress": 40})
    day_bytes, day_trips = measured(db, transport)
    client.close()
    engine.dispose()
    return {"noop_bytes": noop_bytes, "noop_round_trips": noop_trips,
            "day_bytes": day_bytes, "day_round_trips": day_trips}


def first_sync(tmp: Path, cooperatives_n: int = 300) -> dict[str, Any]:
    """(c) a coach's first sync: 300 cooperatives with their whole history."""
    demo_path = tmp / "demo.db"
    demo_db = open_db(demo_path)
    demo.generate(demo_db, 1990, seed=3)
    demo_db.close()
    raw = sqlite3.connect(demo_path)
    raw.row_factory = sqlite3.Row
    # The 300 cooperatives with the most coaching history (tranches 1-3: all 12 sessions).
    coop_ids = [r[0] for r in raw.execute(
        "SELECT c.id FROM cooperatives c LEFT JOIN coaching_sessions s ON s.cooperative_id = c.id "
        "GROUP BY c.id ORDER BY count(s.id) DESC, c.id LIMIT ?", [cooperatives_n])]
    engine, client = in_process(tmp)
    with engine.begin() as conn:
        services.add_user(conn, "coach", "coach", None, PASSWORD)
        seq = data.lock_sequence(conn)
        records = _records_of(raw, coop_ids, seq)
        data.insert_records(conn, records)
        data.save_sequence(conn, seq + len(records))
    rows = len(records)
    with engine.begin() as conn:
        services.assign(conn, "coach", coop_ids, True)
    db, transport = laptop(client, tmp / "first.db", "coach")
    total, trips = measured(db, transport)
    assert db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == cooperatives_n
    client.close()
    engine.dispose()
    return {"first_sync_bytes": total, "first_sync_round_trips": trips, "first_sync_rows": rows}


def _records_of(raw: sqlite3.Connection, coop_ids: list[str], seq: int) -> list[data.Record]:
    from murafaqa_server.merge import ukey

    out: list[data.Record] = []
    region = {r["id"]: r["region"] for r in raw.execute("SELECT id, region FROM cooperatives")}
    owner: dict[str, str] = {c: c for c in coop_ids}
    wanted = set(coop_ids)
    for name, spec in TABLES.items():
        if name in ("training_sessions", "training_attendance"):
            continue
        for row in raw.execute(f"SELECT * FROM {name}"):
            row = dict(row)
            if name == "cooperatives":
                coop = row["id"] if row["id"] in wanted else None
            else:
                coop = owner.get(row[spec.parent[0]]) if spec.parent else None
            if coop is None:
                continue
            owner[row["id"]] = coop
            seq += 1
            values = {f: row.get(f) for f in spec.fields}
            out.append(data.Record(tbl=name, id=row["id"], data=values, versions=dict.fromkeys(values, seq),
                                   seq=seq, cseq=seq, coop_id=coop, region=region[coop],
                                   ukey=ukey(spec, values), origin="import"))
    return out


# -- (d) 50 laptops at once against PostgreSQL ----------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def concurrent(pg_url: str, laptops_n: int, tmp: Path, workers: int = 4) -> dict[str, Any]:
    schema = f"mfq_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(pg_url, pool_size=1, max_overflow=0)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{pg_url}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    proc = None
    try:
        migrate(engine)
        from argon2 import PasswordHasher

        from murafaqa_server import security
        security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # set-up speed only
        with engine.begin() as conn:
            for i in range(laptops_n):
                services.add_user(conn, f"coach{i}", "coach", None, PASSWORD)
        port = _free_port()
        env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
        proc = subprocess.Popen([sys.executable, "-m", "murafaqa_server", "serve", "--port", str(port),
                                 "--workers", str(workers)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        bodies = [_prepare_laptop(base, tmp / f"l{i}.db", f"coach{i}") for i in range(laptops_n)]
        latencies: list[float] = []
        errors = 0
        barrier = threading.Barrier(laptops_n)
        lock = threading.Lock()

        def fire(token: str, body: bytes) -> None:
            nonlocal errors
            with httpx.Client(timeout=60) as client:
                barrier.wait()
                start = time.perf_counter()
                try:
                    r = client.post(f"{base}{API_PREFIX}/sync", content=body, headers={
                        "Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
                        "Content-Type": "application/json", SCHEMA_HEADER: str(SCHEMA_VERSION)})
                    ok = r.status_code == 200 and all(x["st"] == "ok" for x in r.json()["results"])
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += 0 if ok else 1

        threads = [threading.Thread(target=fire, args=b) for b in bodies]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        latencies.sort()
        p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
        return {"concurrent_p95_ms": round(p95, 1), "concurrent_median_ms": round(statistics.median(latencies), 1),
                "concurrent_errors": errors, "concurrent_laptops": laptops_n, "server_workers": workers}
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _prepare_laptop(base: str, path: Path, user: str) -> tuple[str, bytes]:
    """A coach's laptop after a day's work: its request body, ready to send."""
    make_cooperative = _factories()
    db = open_db(path)
    transport = HttpTransport(base)
    account.enrol(db, transport, base, user, PASSWORD)
    coop = make_cooperative(db, registration_number=f"RC-{user}")
    actions = [plans.add_action(db, coop["id"], {"axis": "marketing", "objective": f"Objectif {j}"})
               for j in range(10)]
    SyncEngine(db, transport).run()
    for i in range(3):
        coaching.log_session(db, coop["id"], {"held_on": f"2024-0{i + 3}-01", "place": "مقر التعاونية",
                                              "topics": '["marketing"]', "author": user})
    for a in actions:
        plans.update_action(db, a["id"], {"status": "in_progress", "progress": 50})
    entries = st.outbox_batch(db, 500)
    body = SyncRequest(schema_version=SCHEMA_VERSION,
                       mutations=[Mutation(n=e["id"], t=e["tbl"], id=e["row_id"], op=e["op"], f=e["fields"],
                                           b=e["base"]) for e in entries],
                       pull=PullRequest(cursor=st.get_int(db, "cursor")))
    token = st.get(db, "token")
    transport.close()
    db.close()
    return token, gzip.compress(body.model_dump_json(exclude_defaults=True).encode())


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="run.py sync")
    parser.add_argument("--postgres", default=os.environ.get("MURAFAQA_TEST_POSTGRES_URL", DEFAULT_PG))
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4, help="server worker processes")
    parser.add_argument("--skip-concurrent", action="store_true")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="mfq-bench-") as tmp:
        root = Path(tmp)
        # The concurrent run first: the clients share this process, whose heap
        # the 2,000-cooperative demo of the first-sync step would weigh down.
        concurrent_figures = {}
        if not args.skip_concurrent:
            (root / "concurrent").mkdir()
            concurrent_figures = concurrent(args.postgres, args.laptops, root / "concurrent", args.workers)
        for name, step in (("small", small_syncs), ("first", first_sync)):
            (root / name).mkdir()
            figures.update(step(root / name))
        figures.update(concurrent_figures)
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), indent=2))
