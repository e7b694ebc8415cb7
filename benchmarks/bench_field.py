"""Field figures: syncs over emulated links (real sockets; the server, the
link emulator and the laptop each in a process of their own; the server
on SQLite, tests/link_emulator.py between them).

    python benchmarks/run.py field --json [--cooperatives 300]

* ``first_sync_bytes``: a coach's first sync (300 cooperatives with their
  whole history), bodies and headers as counted by the laptop;
* ``edge_first_sync_s``: the same over EDGE, with ``edge_bytes_alone_s``, the
  time its bytes alone need at EDGE's bandwidth (down and up), and their ratio;
* ``edge_day_s``: a day's work (3 coaching sessions, 10 plan edits) over EDGE;
* ``cut_sync_bytes_ratio``: every byte over the link cut every 100 KB,
  divided by the bytes over an unbroken link, the two copies compared;
* with ``--encrypted``, the first sync on loopback and over EDGE again, into
  a laptop database encrypted as the product's are (the others are plain).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from murafaqa_desktop.services import coaching, demo, plans
from murafaqa_desktop.store import keys
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.sync import account, pieces
from murafaqa_desktop.sync.engine import SyncEngine
from murafaqa_desktop.sync.transport import HttpTransport
from murafaqa_protocol.tables import TABLES
from murafaqa_server import data, services
from murafaqa_server.database import make_engine, migrate

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))
from bench_sync import PASSWORD, _records_of  # noqa: E402

from factories import make_cooperative  # noqa: E402
from link_emulator import CUT_100KB, EDGE, LOOPBACK, Profile  # noqa: E402

# The laptop's databases are made plain, as when these figures were first
# measured (before the store was encrypted): the sync is measured, not the
# cipher.
os.environ.setdefault("MURAFAQA_UNENCRYPTED", "1")

PATIENT = pieces.Retry(attempts=100, first_s=0.05, cap_s=1.0)


class Link:
    """The link emulator in a process of its own: the laptop measured here,
    the server and the link must not share one interpreter (the link's
    pacing would wait on the laptop's work)."""

    def __init__(self, port: int, profile: Profile) -> None:
        self.proc = subprocess.Popen([sys.executable, str(TESTS / "link_emulator.py"), str(port), profile.name],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None and self.proc.stdin is not None
        self.port = int(self.proc.stdout.readline())
        self.url = f"http://127.0.0.1:{self.port}"
        self.counters: dict[str, Any] = {}

    def __enter__(self) -> Link:
        return self

    def __exit__(self, *_: object) -> None:
        out, _err = self.proc.communicate("", timeout=30)
        self.counters = json.loads(out.strip().splitlines()[-1])


def _serve(url: str) -> tuple[subprocess.Popen[bytes], int]:
    """The server in a process of its own (uvicorn, one worker)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING", "WORKERS": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "murafaqa_server", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    return proc, port


def _load(engine: Any, tmp: Path, cooperatives: int) -> None:
    """The coach's cooperatives on the server, as bench_sync's first sync."""
    demo_path = tmp / "demo.db"
    demo_db = open_db(demo_path)
    demo.generate(demo_db, max(cooperatives * 6, 200), seed=3)
    demo_db.close()
    raw = sqlite3.connect(demo_path)
    raw.row_factory = sqlite3.Row
    coop_ids = [r[0] for r in raw.execute(
        "SELECT c.id FROM cooperatives c LEFT JOIN coaching_sessions s ON s.cooperative_id = c.id "
        "GROUP BY c.id ORDER BY count(s.id) DESC, c.id LIMIT ?", [cooperatives])]
    with engine.begin() as conn:
        services.add_user(conn, "coach", "coach", None, PASSWORD)
        services.add_user(conn, "walker", "coach", None, PASSWORD)
        seq = data.lock_sequence(conn)
        records = _records_of(raw, coop_ids, seq)
        data.insert_records(conn, records)
        data.save_sequence(conn, seq + len(records))
    with engine.begin() as conn:
        services.assign(conn, "coach", coop_ids, True)


PASSPHRASE = "field benchmark passphrase"


def _laptop_db(path: Path, encrypted: bool) -> Any:
    """A laptop's database: plain, or encrypted as the product's are (its
    key file made with the product's key derivation)."""
    if not encrypted:
        return open_db(path)
    key, _recovery = keys.create(keys.key_path(path), PASSPHRASE)
    return open_db(path, key=key)


def _first_sync(port: int, tmp: Path, profile: Profile, name: str, encrypted: bool = False) -> dict[str, Any]:
    db = _laptop_db(tmp / f"{name}.db", encrypted)
    direct = f"http://127.0.0.1:{port}"
    enrolling = HttpTransport(direct)
    account.enrol(db, enrolling, direct, "coach", PASSWORD)
    enrolling.close()
    with Link(port, profile) as link:
        transport = HttpTransport(link.url, st.get(db, "token"))
        before = transport.stats.total
        start = time.perf_counter()
        report = SyncEngine(db, transport, retry=PATIENT).run()
        seconds = time.perf_counter() - start
        transport.close()
    figures = {"seconds": seconds, "laptop_bytes": transport.stats.total - before,
               "link_up": link.counters["bytes_up"], "link_down": link.counters["bytes_down"],
               "round_trips": report.round_trips, "cuts": link.counters["cuts"],
               "copy": {t: st.synced_rows(db, t) for t in TABLES}}
    db.close()
    return figures


def _day(port: int, tmp: Path) -> dict[str, Any]:
    """A coach with 3 cooperatives, after a day's work, syncing over EDGE."""
    db = open_db(tmp / "day.db")
    base = f"http://127.0.0.1:{port}"
    transport = HttpTransport(base)
    account.enrol(db, transport, base, "walker", PASSWORD)
    coops = [make_cooperative(db, registration_number=f"09/2024/{i:05d}") for i in range(3)]
    actions = [plans.add_action(db, c["id"], {"axis": "marketing", "objective": f"Objectif {j}"})
               for c in coops for j in range(4)]
    SyncEngine(db, transport).run()
    transport.close()
    for i, c in enumerate(coops):
        coaching.log_session(db, c["id"], {
            "held_on": f"2024-03-0{i + 1}", "duration_minutes": 120, "place": "مقر التعاونية",
            "attendees": "الرئيسة، أمين المال، ثلاث متعاونات", "topics": '["marketing", "comptabilité"]',
            "recommendations": "تنظيم دفتر الحسابات وتحديث ملف المنتجات",
            "next_steps": "زيارة السوق الأسبوعي", "next_date": f"2024-04-0{i + 1}", "author": "walker"})
    for a in actions[:10]:
        plans.update_action(db, a["id"], {"status": "in_progress", "progress": 40})
    with Link(port, EDGE) as link:
        transport = HttpTransport(link.url, st.get(db, "token"))
        start = time.perf_counter()
        SyncEngine(db, transport, retry=PATIENT).run()
        seconds = time.perf_counter() - start
        transport.close()
    up, down = link.counters["bytes_up"], link.counters["bytes_down"]
    db.close()
    return {"edge_day_s": round(seconds, 2), "edge_day_bytes": up + down}


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="run.py field")
    parser.add_argument("--cooperatives", type=int, default=300)
    parser.add_argument("--skip-edge-first", action="store_true", help="leave out the first sync over EDGE")
    parser.add_argument("--encrypted", action="store_true",
                        help="also the first sync, on loopback and over EDGE, into an encrypted laptop database")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="mfq-field-") as tmp_name:
        tmp = Path(tmp_name)
        url = f"sqlite:///{tmp / 'server.db'}"
        engine = make_engine(url)
        migrate(engine)
        _load(engine, tmp, args.cooperatives)
        engine.dispose()
        server, port = _serve(url)
        try:
            whole = _first_sync(port, tmp, LOOPBACK, "loopback")
            figures["first_sync_bytes"] = whole["laptop_bytes"]
            figures["first_sync_round_trips"] = whole["round_trips"]
            figures["loopback_first_sync_s"] = round(whole["seconds"], 1)
            cut = _first_sync(port, tmp, CUT_100KB, "cut")
            figures["cut_sync_bytes_ratio"] = round(
                (cut["link_up"] + cut["link_down"]) / (whole["link_up"] + whole["link_down"]), 3)
            figures["cut_sync_cuts"] = cut["cuts"]
            figures["cut_sync_identical"] = cut["copy"] == whole["copy"]
            figures.update(_day(port, tmp))
            if not args.skip_edge_first:
                edge = _first_sync(port, tmp, EDGE, "edge")
                alone = edge["link_down"] * 8 / (EDGE.down_bps or 1) + edge["link_up"] * 8 / (EDGE.up_bps or 1)
                figures["edge_first_sync_s"] = round(edge["seconds"], 1)
                figures["edge_bytes_alone_s"] = round(alone, 1)
                figures["edge_first_sync_ratio"] = round(edge["seconds"] / alone, 3)
                figures["edge_first_sync_identical"] = edge["copy"] == whole["copy"]
            if args.encrypted:
                sealed = _first_sync(port, tmp, LOOPBACK, "loopback-encrypted", encrypted=True)
                figures["encrypted_loopback_first_sync_s"] = round(sealed["seconds"], 1)
                sealed = _first_sync(port, tmp, EDGE, "edge-encrypted", encrypted=True)
                alone = sealed["link_down"] * 8 / (EDGE.down_bps or 1) + sealed["link_up"] * 8 / (EDGE.up_bps or 1)
                figures["encrypted_edge_first_sync_s"] = round(sealed["seconds"], 1)
                figures["encrypted_edge_first_sync_ratio"] = round(sealed["seconds"] / alone, 3)
                figures["encrypted_identical"] = sealed["copy"] == whole["copy"]
        finally:
            server.terminate()
            server.wait(20)
    return figures
