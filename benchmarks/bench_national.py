"""National-size figures: the 60,000-cooperative programme on the server's
PostgreSQL, a real uvicorn server in a process of its own, real laptops.

    python benchmarks/run.py national --json [--reuse] [--postgres URL] [--region 03] [--workers N]
                                             [--laptops 50] [--bursts 3] [--skip-coordinator] [--skip-cut]

The dataset: the demo programme (``murafaqa demo``, 60,000 cooperatives, seed
1) generated once on a laptop database (kept in ``benchmarks/.work``), then
loaded into the server's tables with COPY, every row as the server holds a
row of its own: its cooperative and region (a child row's from its parent),
its unique key, a sequence of its own, the sequence counter past them all.
The cooperatives are assigned to 200 coaches, 300 each within their region;
each region has its coordinator. The loaded rows have no change history, as
rows accepted before the server kept one. The schema is dropped at the end,
unless ``--reuse``: then it is kept, marked as complete once loaded, and the
next run with ``--reuse`` starts from it (the runs' own syncs stay in it:
devices, a few sessions and plan actions per run).

* ``national_coach_first_sync_s`` and ``_bytes``: a coach's first sync, the
  coach whose 300 cooperatives hold the most rows, over loopback
  (``SyncEngine`` and ``HttpTransport``, the server in its own process);
* ``national_coach_server_pull_s``: the server's part of it, every page
  built by ``pull.page`` in this process (no HTTP, no laptop);
* ``national_coordinator_first_sync_s`` and ``_bytes``: the first sync of a
  region's coordinator, then the same sync through the link emulator cut
  once in the middle (``tests/link_emulator.py``), its copy compared with the
  unbroken one;
* ``national_concurrent_p95_ms`` (with p50, max, errors): 50 coaches' laptops,
  enrolled and synced, each sending a day's sync at once (two coaching
  sessions and a plan action created, ten plan actions updated, and the
  pull of what a coordinator changed in its cooperatives since its cursor),
  the request bodies built before the burst as ``bench_sync`` (d) does;
  several bursts, each of fresh work; then, for comparison, ``bench_sync``'s
  burst on an empty programme (``reference_empty_p95_ms``), since latencies
  on this shared machine move with its load.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, text

os.environ.setdefault("MURAFAQA_UNENCRYPTED", "1")  # laptops in clear: the encrypted store is measured apart

from murafaqa_desktop.services import demo  # noqa: E402
from murafaqa_desktop.store import sync_state as st  # noqa: E402
from murafaqa_desktop.store.db import open_db  # noqa: E402
from murafaqa_desktop.sync import account, pieces  # noqa: E402
from murafaqa_desktop.sync.engine import SyncEngine  # noqa: E402
from murafaqa_desktop.sync.transport import HttpTransport  # noqa: E402
from murafaqa_protocol.columns import COLUMNS, PAGES_HEADER, from_blocks, to_blocks  # noqa: E402
from murafaqa_protocol.messages import (  # noqa: E402
    API_PREFIX,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    Mutation,
    PullRequest,
    SyncRequest,
    SyncResponse,
)
from murafaqa_protocol.tables import TABLES  # noqa: E402
from murafaqa_server import data, pull, services  # noqa: E402
from murafaqa_server.config import default_workers  # noqa: E402
from murafaqa_server.database import make_engine, migrate  # noqa: E402
from murafaqa_server.merge import ukey  # noqa: E402
from murafaqa_server.scope import PROGRAMME  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / ".work"
TESTS = ROOT / "tests"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PASSWORD = "bench-password"
PER_COACH = 300
PATIENT = pieces.Retry(attempts=100, first_s=0.05, cap_s=1.0)
RECORD_COLUMNS = ("tbl", "id", "coop_id", "region", "ukey", "author_id", "origin", "data", "versions", "writers",
                  "seq", "cseq", "deleted")


def _log(message: str) -> None:
    print(f"[national {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


# -- the dataset ---------------------------------------------------------------------------

def demo_database(cooperatives: int, seed: int) -> Path:
    """The demo programme on a laptop database, generated once (about a
    minute and a half for 60,000) and kept for the next runs."""
    path = WORK / f"national-{cooperatives}-s{seed}.db"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        db = open_db(partial, unencrypted=True)
        demo.generate(db, cooperatives, seed=seed)
        db.close()
        partial.rename(path)
    return path


def _parents() -> set[str]:
    """Tables some other table's rows hang from."""
    out: set[str] = set()
    for spec in TABLES.values():
        for _fk, t in ((spec.parent,) if spec.parent else ()) + spec.cascades:
            out.add(t)
    return out


def server_rows(raw: sqlite3.Connection, first_seq: int) -> Iterator[tuple[Any, ...]]:
    """Every synced row of the laptop database as the server's ``records``
    holds it (the columns of RECORD_COLUMNS), parents before children: its
    scope as the push gives a new row one (``rules._scope_of_new``), its
    unique key, every field at the row's own sequence."""
    parents = _parents()
    scope_of: dict[str, tuple[str | None, str | None]] = {}
    seq = first_seq
    for name, spec in TABLES.items():
        columns = ", ".join(spec.fields)
        for row in raw.execute(f"SELECT id, {columns} FROM {name} ORDER BY rowid"):
            values = dict(zip(spec.fields, row[1:], strict=True))
            if spec.programme_wide:
                coop, region = None, PROGRAMME
            elif spec.parent is None:
                coop = row[0] if name == "cooperatives" else None
                region = values.get(spec.region_field or "")
            elif spec.region_field:
                coop, region = None, values.get(spec.region_field)
            else:
                coop, region = scope_of[values[spec.parent[0]]]
            if name in parents:
                scope_of[row[0]] = (coop, region)
            seq += 1
            yield (name, row[0], coop, region, ukey(spec, values), None, "import",
                   json.dumps(values, ensure_ascii=False), json.dumps(dict.fromkeys(spec.fields, seq)), "{}",
                   seq, seq, False)


def _schema_exists(admin: Engine, schema: str) -> str | None:
    """The schema's comment when it exists ('' without one), else None."""
    with admin.connect() as conn:
        row = conn.execute(text("SELECT coalesce(obj_description(oid, 'pg_namespace'), '') FROM pg_namespace "
                                "WHERE nspname = :s"), {"s": schema}).first()
    return None if row is None else str(row[0])


def build(admin: Engine, url: str, schema: str, demo_path: Path, cooperatives: int, seed: int) -> dict[str, Any]:
    """Load the programme into a new schema; returns the load's figures."""
    started = time.perf_counter()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        migrate(engine)
        from argon2 import PasswordHasher

        from murafaqa_server import security
        security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # set-up speed only
        raw = sqlite3.connect(demo_path)
        coops = raw.execute("SELECT id, region FROM cooperatives ORDER BY region, tranche, phase, "
                            "registration_number").fetchall()
        with engine.begin() as conn:
            services.add_user(conn, "admin", "admin", None, PASSWORD)
            seq = data.lock_sequence(conn)
            dbapi = conn.connection.driver_connection
            assert dbapi is not None
            rows = 0
            with dbapi.cursor() as cur, cur.copy(f"COPY records ({', '.join(RECORD_COLUMNS)}) FROM STDIN") as cp:
                for rec in server_rows(raw, seq):
                    cp.write_row(rec)
                    rows += 1
            seq += rows
            # Coaches of 300 cooperatives each within a region, a coordinator per region.
            by_region: dict[str, list[str]] = {}
            for coop_id, region in coops:
                by_region.setdefault(region, []).append(coop_id)
            assigned: list[tuple[int, str, bool, int]] = []
            coaches = 0
            for region, ids in sorted(by_region.items()):
                services.add_user(conn, f"coordinator-{region}", "coordinator", region, PASSWORD)
                for k in range(0, len(ids), PER_COACH):
                    user_id = services.add_user(conn, f"coach-{region}-{k // PER_COACH + 1:02d}", "coach", region,
                                                PASSWORD)
                    coaches += 1
                    for coop_id in ids[k:k + PER_COACH]:
                        seq += 1
                        assigned.append((user_id, coop_id, True, seq))
            with dbapi.cursor() as cur, cur.copy("COPY assignments (user_id, coop_id, active, seq) FROM STDIN") as cp:
                for a in assigned:
                    cp.write_row(a)
            data.save_sequence(conn, seq)
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("ANALYZE"))
        with admin.begin() as conn:
            # Written last: a schema without it is a load that did not finish.
            conn.execute(text(f"COMMENT ON SCHEMA \"{schema}\" IS "
                              f"'murafaqa national benchmark: {cooperatives} cooperatives, seed {seed}, complete'"))
        return {"load_rows": rows, "load_coaches": coaches, "load_s": round(time.perf_counter() - started, 1)}
    finally:
        engine.dispose()


# -- the server ------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-m", "murafaqa_server", "serve", "--port", str(port),
                             "--workers", str(workers)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("the server did not start")


# -- first syncs -----------------------------------------------------------------------------

def enrolled(path: Path, base: str, user: str) -> Any:
    db = open_db(path, unencrypted=True)
    transport = HttpTransport(base)
    account.enrol(db, transport, base, user, PASSWORD)
    transport.close()
    return db


def first_sync(db: Any, base: str) -> dict[str, Any]:
    """One whole first sync over ``base`` (the server, or a link to it)."""
    transport = HttpTransport(base, st.get(db, "token"))
    start = time.perf_counter()
    report = SyncEngine(db, transport, retry=PATIENT).run()
    seconds = time.perf_counter() - start
    transport.close()
    return {"seconds": round(seconds, 1), "bytes": transport.stats.total, "round_trips": report.round_trips,
            "rows": report.pulled}


def server_pull_s(engine: Engine, user: str, limit: int = 2000) -> float:
    """The server's part of a first sync: every page of the user's pull built
    by ``pull.page`` in this process, as a worker builds them (no HTTP, no
    laptop), pages of ``limit`` rows."""
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        found = data.user_by_name(conn, user)
        assert found is not None
        actor = data.Actor(found["id"], user, found["role"], found["region"], "bench")
        req = PullRequest(cursor=0, limit=limit)
        start = time.perf_counter()
        while True:
            page = pull.page(conn, actor, req, count=req.target is None)
            page.blocks, page.changes = to_blocks(page.changes), []
            page.model_dump_json(exclude_defaults=True)
            if not page.more:
                return round(time.perf_counter() - start, 2)
            req = PullRequest(cursor=0, target=page.target, after=page.after, limit=limit)


def copy_of(db: Any) -> dict[str, Any]:
    return {t: st.synced_rows(db, t) for t in TABLES}


def heaviest_coach(engine: Engine) -> tuple[str, int, int]:
    """The coach whose cooperatives hold the most rows: name, rows, cooperatives."""
    q = text("SELECT u.name, count(*), count(DISTINCT a.coop_id) FROM assignments a JOIN users u ON u.id = a.user_id "
             "JOIN records r ON r.coop_id = a.coop_id WHERE a.active AND NOT r.deleted "
             "GROUP BY u.name ORDER BY count(*) DESC, u.name LIMIT 1")
    with engine.connect() as conn:
        name, rows, coops = conn.execute(q).one()
    return str(name), int(rows), int(coops)


class Link:
    """The link emulator in a process of its own, cut after ``cut_after``
    bytes of a connection."""

    def __init__(self, port: int, cut_after: int | None) -> None:
        args = [sys.executable, str(TESTS / "link_emulator.py"), str(port), "loopback"]
        if cut_after:
            args.append(str(cut_after))
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = f"http://127.0.0.1:{int(self.proc.stdout.readline())}"
        self.counters: dict[str, Any] = {}

    def __enter__(self) -> Link:
        return self

    def __exit__(self, *_: object) -> None:
        out, _err = self.proc.communicate("", timeout=30)
        self.counters = json.loads(out.strip().splitlines()[-1])


def coordinator(engine: Engine, base: str, tmp: Path, region: str, cut: bool) -> dict[str, Any]:
    name = f"coordinator-{region}"
    figures: dict[str, Any] = {}
    db = enrolled(tmp / "coordinator.db", base, name)
    whole = first_sync(db, base)
    cooperatives = db.execute("SELECT count(*) FROM cooperatives").fetchone()[0]
    figures.update({"national_coordinator_region": region, "national_coordinator_cooperatives": cooperatives,
                    "national_coordinator_first_sync_s": whole["seconds"],
                    "national_coordinator_first_sync_bytes": whole["bytes"],
                    "national_coordinator_first_sync_rows": whole["rows"],
                    "national_coordinator_round_trips": whole["round_trips"],
                    "national_coordinator_server_pull_s": server_pull_s(engine, name),
                    "national_coordinator_load_average": _load_average()})
    _log(f"coordinator: {whole}")
    if cut:
        reference = copy_of(db)
        db.close()
        db = enrolled(tmp / "coordinator-cut.db", base, name)
        port = int(base.rsplit(":", 1)[1])
        # Past half of the whole sync's bytes: the first connection is cut
        # once in the middle, the one that resumes carries the rest.
        cut_after = int(whole["bytes"] * 0.55)
        with Link(port, cut_after) as link:
            broken = first_sync(db, link.url)
        figures.update({"national_coordinator_cut_sync_s": broken["seconds"],
                        "national_coordinator_cut_after_bytes": cut_after,
                        "national_coordinator_cuts": link.counters["cuts"],
                        "national_coordinator_cut_link_bytes": link.counters["bytes_up"] + link.counters["bytes_down"],
                        "national_coordinator_cut_identical": copy_of(db) == reference})
        _log(f"coordinator cut: {broken} {link.counters['cuts']} cut(s)")
    db.close()
    return figures


# -- 50 laptops at once ---------------------------------------------------------------------

class Laptop:
    """A coach's laptop as the server knows it: its token, its cursor, the
    number of its last mutation."""

    def __init__(self, base: str, user: str) -> None:
        body = {"schema_version": SCHEMA_VERSION, "user": user, "password": PASSWORD, "label": "bench"}
        r = httpx.post(f"{base}{API_PREFIX}/enrol", json=body, headers={SCHEMA_HEADER: str(SCHEMA_VERSION)}, timeout=60)
        r.raise_for_status()
        self.user = user
        self.user_id = 0
        self.token = str(r.json()["token"])
        self.cursor = 0
        self.n = 0


def _coach_rows(engine: Engine, user_id: int) -> tuple[list[data.Record], dict[str, list[int]]]:
    """A coach's plan actions and the session numbers of each cooperative."""
    q = text("SELECT r.id FROM records r JOIN assignments a ON a.coop_id = r.coop_id "
             "WHERE a.user_id = :u AND a.active AND NOT r.deleted AND r.tbl IN ('plan_actions', 'cooperatives')")
    with engine.connect() as conn:
        ids = list(conn.execute(q, {"u": user_id}).scalars())
        recs = data.get_records(conn, ids)
        sessions = text("SELECT r.coop_id, r.data FROM records r JOIN assignments a ON a.coop_id = r.coop_id "
                        "WHERE a.user_id = :u AND a.active AND NOT r.deleted AND r.tbl = 'coaching_sessions'")
        numbers: dict[str, list[int]] = {c.id: [] for c in recs.values() if c.tbl == "cooperatives"}
        for coop_id, values in conn.execute(sessions, {"u": user_id}):
            numbers.setdefault(coop_id, []).append(int(json.loads(values).get("number") or 0))
    return [r for r in recs.values() if r.tbl == "plan_actions"], numbers


def day_body(engine: Engine, laptop: Laptop, burst: int) -> bytes:
    """A day's work: two coaching sessions in the cooperative with the fewest,
    a new plan action, ten plan actions moved on; and the pull from the
    laptop's cursor."""
    actions, numbers = _coach_rows(engine, laptop.user_id)
    coop = min((c for c, ns in numbers.items() if len(ns) <= 10), key=lambda c: (len(numbers[c]), c))
    top = max(numbers[coop], default=0)
    mutations: list[Mutation] = []

    def add(t: str, row_id: str, f: dict[str, Any], b: dict[str, int] | None = None) -> None:
        laptop.n += 1
        mutations.append(Mutation(n=laptop.n, t=t, id=row_id, op="upsert", f=f, b=b or {}))

    for k in (1, 2):
        add("coaching_sessions", str(uuid.uuid4()), {
            "cooperative_id": coop, "number": top + k, "held_on": f"2026-11-{10 + k:02d}", "duration_minutes": 120,
            "place": "مقر التعاونية", "attendees": "الرئيسة، أمين المال", "topics": '["marketing"]',
            "recommendations": "تنظيم دفتر الحسابات", "next_steps": "زيارة السوق الأسبوعي",
            "next_date": "2026-12-15", "author": laptop.user})
    add("plan_actions", str(uuid.uuid4()), {"cooperative_id": coop, "position": 99, "axis": "marketing",
                                            "objective": f"Objectif du jour {burst}", "status": "planned",
                                            "progress": 0})
    for rec in sorted(actions, key=lambda r: r.id)[burst * 10:(burst + 1) * 10]:
        progress = min(100, int(rec.data.get("progress") or 0) + 10)
        add("plan_actions", rec.id, {"status": "in_progress", "progress": progress},
            {"status": rec.versions.get("status", 0), "progress": rec.versions.get("progress", 0)})
    body = SyncRequest(schema_version=SCHEMA_VERSION, mutations=mutations, pull=PullRequest(cursor=laptop.cursor))
    return gzip.compress(body.model_dump_json(exclude_defaults=True).encode())


def coordinators_edits(engine: Engine, base: str, token: str, laptops: list[Laptop], n: int) -> int:
    """What the laptops will pull: a coordinator's (here the administrator's)
    two edits in each coach's cooperatives, pushed through the server."""
    mutations: list[Mutation] = []
    with engine.connect() as conn:
        for laptop in laptops:
            q = text("SELECT r.id FROM records r JOIN assignments a ON a.coop_id = r.coop_id "
                     "WHERE a.user_id = :u AND a.active AND r.tbl = 'cooperatives' ORDER BY r.id LIMIT 2")
            for rec in data.get_records(conn, conn.execute(q, {"u": laptop.user_id}).scalars()).values():
                n += 1
                note = f"Visite du coordinateur {n} ({uuid.uuid4().hex[:8]})"  # a new value, run after run
                mutations.append(Mutation(n=n, t="cooperatives", id=rec.id, op="upsert", f={"notes": note},
                                          b={"notes": rec.versions.get("notes", 0)}))
    body = SyncRequest(schema_version=SCHEMA_VERSION, mutations=mutations)
    r = httpx.post(f"{base}{API_PREFIX}/sync", content=gzip.compress(body.model_dump_json().encode()), timeout=120,
                   headers={"Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
                            "Content-Type": "application/json", SCHEMA_HEADER: str(SCHEMA_VERSION)})
    r.raise_for_status()
    assert all(x["st"] == "ok" for x in r.json()["results"]), r.text[:500]
    return n


def _send(client: httpx.Client, base: str, laptop: Laptop, body: bytes) -> tuple[bool, int]:
    """One day's sync; (all applied and the pull complete, rows pulled)."""
    r = client.post(f"{base}{API_PREFIX}/sync", content=body, headers={
        "Authorization": f"Bearer {laptop.token}", "Content-Encoding": "gzip", "Content-Type": "application/json",
        SCHEMA_HEADER: str(SCHEMA_VERSION), PAGES_HEADER: COLUMNS})
    if r.status_code != 200:
        _log(f"{laptop.user}: {r.status_code} {r.text[:200]}")
        return False, 0
    answer = SyncResponse.model_validate_json(r.content)
    page = answer.page
    ok = all(x.st == "ok" for x in answer.results) and page is not None and not page.more
    if not ok:
        _log(f"{laptop.user}: {[x for x in answer.results if x.st != 'ok']} more={page and page.more}")
    if page is None:
        return False, 0
    laptop.cursor = page.target
    return ok, len(page.changes) + len(from_blocks(page.blocks or []))


def concurrent(engine: Engine, base: str, laptops_n: int, bursts: int, server_pid: int) -> dict[str, Any]:
    # Coaches at work: cooperatives being coached, enough plan actions for
    # every burst's ten.
    with engine.connect() as conn:
        users = [(int(r.id), r.name) for r in conn.execute(text(
            "SELECT u.id, u.name FROM users u JOIN assignments a ON a.user_id = u.id AND a.active "
            "JOIN records r ON r.coop_id = a.coop_id AND NOT r.deleted WHERE u.role = 'coach' "
            "GROUP BY u.id, u.name HAVING count(*) FILTER (WHERE r.tbl = 'plan_actions') >= :k "
            "AND count(*) FILTER (WHERE r.tbl = 'cooperatives' AND r.data::json->>'status' = 'coaching') > 0 "
            "ORDER BY u.name"), {"k": 10 * bursts})]
    step = max(1, len(users) // laptops_n)
    laptops = []
    # Spread over the coaches, each with room for every burst's two sessions
    # (a kept schema holds the sessions of earlier runs).
    for user_id, name in users[::step] + [u for u in users if u not in users[::step]]:
        if len(laptops) == laptops_n:
            break
        numbers = _coach_rows(engine, user_id)[1]
        if sum(max(0, 12 - len(ns)) for ns in numbers.values() if len(ns) <= 10) < 2 * bursts:
            continue
        laptop = Laptop(base, name)
        laptop.user_id = user_id
        laptops.append(laptop)
    admin = Laptop(base, "admin")
    with engine.connect() as conn:
        now = data.current_sequence(conn)
    for laptop in laptops:
        laptop.cursor = now  # synced: its cooperatives are on it up to now
    latencies: list[float] = []
    server_cpu: list[float] = []
    database_cpu: list[float] = []
    pulled: list[int] = []
    errors = 0
    admin_n = 0
    for burst in range(bursts):
        admin_n = coordinators_edits(engine, base, admin.token, laptops, admin_n)
        bodies = [day_body(engine, laptop, burst) for laptop in laptops]
        barrier = threading.Barrier(len(laptops))
        lock = threading.Lock()

        def fire(laptop: Laptop, body: bytes, barrier: threading.Barrier, lock: threading.Lock) -> None:
            nonlocal errors
            with httpx.Client(timeout=120) as client:
                client.get(f"{base}/healthz")  # the connection opened before the burst, as bench_sync's
                barrier.wait()
                start = time.perf_counter()
                try:
                    ok, rows = _send(client, base, laptop, body)
                except (httpx.HTTPError, ValueError) as e:
                    _log(f"{laptop.user}: {e!r}")
                    ok, rows = False, 0
                elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                pulled.append(rows)
                errors += 0 if ok and rows >= 2 else 1

        threads = [threading.Thread(target=fire, args=(lp, b, barrier, lock))
                   for lp, b in zip(laptops, bodies, strict=True)]
        server, backends = _server_pids(server_pid), _backend_pids(engine)
        before = _cpu_s(server), _cpu_s(backends)
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        server_cpu.append(_cpu_s(server) - before[0])
        database_cpu.append(_cpu_s(backends | _backend_pids(engine)) - before[1])
        _log(f"burst {burst + 1}: p95 so far {_percentile(sorted(latencies), 0.95):.0f} ms, errors {errors}")
    latencies.sort()
    return {"national_concurrent_laptops": len(laptops), "national_concurrent_bursts": bursts,
            "national_concurrent_p50_ms": round(_percentile(latencies, 0.5), 1),
            "national_concurrent_p95_ms": round(_percentile(latencies, 0.95), 1),
            "national_concurrent_max_ms": round(latencies[-1], 1),
            "national_concurrent_errors": errors,
            "national_concurrent_rows_pulled": [min(pulled), max(pulled)],
            # CPU seconds per burst: the server's processes, PostgreSQL's.
            "national_concurrent_server_cpu_s": [round(c, 2) for c in server_cpu],
            "national_concurrent_database_cpu_s": [round(c, 2) for c in database_cpu],
            "national_concurrent_load_average": _load_average()}


SERVER_NAME = "murafaqa-national-bench"  # the server's connections' application_name


def _cpu_s(pids: set[int]) -> float:
    """CPU seconds (user and system) these processes have used so far."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone
        total += int(fields[11]) + int(fields[12])
    return total / tick


def _server_pids(root: int) -> set[int]:
    """The server's processes: its first and its workers."""
    found = {root}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == root:
                found.add(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return found


def _backend_pids(engine: Engine) -> set[int]:
    """PostgreSQL's processes serving the server's connections."""
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT pid FROM pg_stat_activity WHERE application_name = :n"),
                                {"n": SERVER_NAME}).scalars())


def _percentile(values: list[float], q: float) -> float:
    return values[max(0, int(round(q * len(values))) - 1)] if values else 0.0


# -- the run ----------------------------------------------------------------------------------

def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="run.py national")
    parser.add_argument("--postgres", default=os.environ.get("MURAFAQA_TEST_POSTGRES_URL", DEFAULT_PG))
    parser.add_argument("--cooperatives", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the loaded schema at the end, and start from a complete one left by a run")
    parser.add_argument("--region", default="03", help="the coordinator's region")
    parser.add_argument("--workers", type=int, default=default_workers(), help="server worker processes")
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--bursts", type=int, default=3)
    parser.add_argument("--skip-coach", action="store_true")
    parser.add_argument("--skip-coordinator", action="store_true")
    parser.add_argument("--skip-cut", action="store_true", help="the coordinator's sync without the cut one")
    parser.add_argument("--skip-concurrent", action="store_true")
    parser.add_argument("--skip-reference", action="store_true",
                        help="leave out the same burst on an empty programme (bench_sync (d)) run just after")
    args = parser.parse_args(argv)
    schema = f"mfq_national_{args.cooperatives}_s{args.seed}" if args.reuse else f"mfq_national_{uuid.uuid4().hex[:8]}"
    admin = make_engine(args.postgres, pool_size=1, max_overflow=0)
    url = f"{args.postgres}?options=-csearch_path%3D{schema}&application_name={SERVER_NAME}"
    figures: dict[str, Any] = {"national_server_workers": args.workers}
    proc = None
    try:
        comment = _schema_exists(admin, schema)
        if comment is None or not comment.endswith("complete"):
            path = demo_database(args.cooperatives, args.seed)
            _log(f"loading {path.name} into {schema}")
            figures.update(build(admin, url, schema, path, args.cooperatives, args.seed))
            _log(f"loaded: {figures}")
        else:
            _log(f"reusing {schema}")
        engine = make_engine(url, pool_size=2, max_overflow=0)
        migrate(engine)  # a kept schema from an older revision is brought up to date
        with engine.connect() as conn:
            figures["national_records"] = int(conn.execute(text("SELECT count(*) FROM records")).scalar_one())
        proc, base = serve(url, args.workers)
        with tempfile.TemporaryDirectory(prefix="mfq-national-") as tmp_name:
            tmp = Path(tmp_name)
            if not args.skip_concurrent:
                figures.update(concurrent(engine, base, args.laptops, args.bursts, proc.pid))
                if not args.skip_reference:
                    # What this shared machine gives at this moment with no
                    # programme on the server: the national figure is read
                    # against it.
                    sys.path.insert(0, str(Path(__file__).resolve().parent))
                    from bench_sync import concurrent as empty_burst
                    (tmp / "reference").mkdir()
                    reference = empty_burst(args.postgres, args.laptops, tmp / "reference", args.workers)
                    figures["reference_empty_p95_ms"] = reference["concurrent_p95_ms"]
                    figures["reference_empty_median_ms"] = reference["concurrent_median_ms"]
                    figures["reference_empty_errors"] = reference["concurrent_errors"]
            if not args.skip_coach:
                coach, rows, coops = heaviest_coach(engine)
                db = enrolled(tmp / "coach.db", base, coach)
                result = first_sync(db, base)
                assert db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == coops
                db.close()
                figures.update({"national_coach": coach, "national_coach_rows": rows,
                                "national_coach_first_sync_s": result["seconds"],
                                "national_coach_first_sync_bytes": result["bytes"],
                                "national_coach_round_trips": result["round_trips"],
                                "national_coach_server_pull_s": server_pull_s(engine, coach),
                                "national_coach_load_average": _load_average()})
                _log(f"coach: {result}")
            if not args.skip_coordinator:
                figures.update(coordinator(engine, base, tmp, args.region, not args.skip_cut))
        engine.dispose()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(20)
        if not args.reuse:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    return figures


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), indent=2))
