"""Sign-ins against the rest: /healthz and a sync, alone and during a burst
of wrong-password enrolments, with the production argon2 parameters.

    python benchmarks/run.py signin --json [--workers 4] [--signins 30] [--postgres URL] [--one-address]

Starts ``murafaqa-server serve`` in a subprocess on 127.0.0.1 (an SQLite file
of its own, or a schema of its own on PostgreSQL with ``--postgres``,
dropped at the end). One client thread samples /healthz and a no-op sync one
after the other, first alone, then while ``--signins`` threads post a
wrong-password enrolment each, all released at once by a barrier; the
sampling stops when the last enrolment is answered.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from murafaqa_protocol.messages import API_PREFIX, SCHEMA_HEADER, SCHEMA_VERSION
from murafaqa_server import services
from murafaqa_server.database import make_engine, migrate

PASSWORD = "bench-password"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentiles(ms: list[float], name: str) -> dict[str, Any]:
    ms = sorted(ms)
    p95 = ms[max(0, int(round(0.95 * len(ms))) - 1)]
    return {f"{name}_p50_ms": round(statistics.median(ms), 1), f"{name}_p95_ms": round(p95, 1),
            f"{name}_samples": len(ms)}


class Sampler:
    """/healthz and a no-op sync, one after the other, timed."""

    def __init__(self, base: str, token: str) -> None:
        self.client = httpx.Client(base_url=base, timeout=60)
        self.headers = {"Authorization": f"Bearer {token}", SCHEMA_HEADER: str(SCHEMA_VERSION)}
        self.health: list[float] = []
        self.sync: list[float] = []

    def once(self) -> None:
        start = time.perf_counter()
        assert self.client.get("/healthz").status_code == 200
        middle = time.perf_counter()
        r = self.client.post(f"{API_PREFIX}/sync", headers=self.headers,
                             json={"schema_version": SCHEMA_VERSION, "pull": {"cursor": 0}})
        assert r.status_code == 200, r.text
        end = time.perf_counter()
        self.health.append((middle - start) * 1000)
        self.sync.append((end - middle) * 1000)

    def close(self) -> None:
        self.client.close()


def _enrol(base: str, password: str, user: str = "coach", address: str | None = None) -> tuple[int, float]:
    """``address``: the laptop's, as the TLS proxy forwards it (the server
    believes X-Forwarded-For from 127.0.0.1, its default FORWARDED_ALLOW_IPS)."""
    headers = {"X-Forwarded-For": address} if address else {}
    with httpx.Client(base_url=base, timeout=120) as client:
        start = time.perf_counter()
        r = client.post(f"{API_PREFIX}/enrol", json={"schema_version": SCHEMA_VERSION, "user": user,
                                                     "password": password}, headers=headers)
        return r.status_code, (time.perf_counter() - start) * 1000


def measure(base: str, signins: int, alone_samples: int, one_address: bool = False) -> dict[str, Any]:
    """The burst: by default ``signins`` laptops, each its own address and
    user name (unknown names cost the decoy's check, as much as a real one),
    so that every one reaches its argon2 check; with ``one_address``, all
    from one address for one user: the throttle answers all but the first
    five with 429, no password checked."""
    with httpx.Client(base_url=base) as client:
        token = client.post(f"{API_PREFIX}/enrol", json={"schema_version": SCHEMA_VERSION, "user": "coach",
                                                         "password": PASSWORD}).json()["token"]
    alone = Sampler(base, token)
    for _ in range(10):  # warm: connections opened, code paths run once
        alone.once()
    alone.health.clear()
    alone.sync.clear()
    for _ in range(alone_samples):
        alone.once()
        time.sleep(0.01)
    alone.close()

    during = Sampler(base, token)
    barrier = threading.Barrier(signins + 1)
    answers: list[tuple[int, float]] = []
    lock = threading.Lock()

    def wrong_password(i: int) -> None:
        barrier.wait()
        found = (_enrol(base, "not-the-password") if one_address
                 else _enrol(base, "not-the-password", f"coach-{i}", f"10.1.{i // 250}.{i % 250 + 1}"))
        with lock:
            answers.append(found)

    threads = [threading.Thread(target=wrong_password, args=(i,)) for i in range(signins)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    while any(t.is_alive() for t in threads):
        during.once()
        time.sleep(0.01)
    burst_s = time.perf_counter() - start
    for t in threads:
        t.join()
    during.close()
    statuses = [status for status, _ in answers]
    assert set(statuses) <= ({401, 429} if one_address else {401}), answers
    enrol_ms = sorted(ms for _, ms in answers)
    return {**_percentiles(alone.health, "healthz_alone"), **_percentiles(during.health, "healthz_during"),
            **_percentiles(alone.sync, "sync_alone"), **_percentiles(during.sync, "sync_during"),
            "signins": signins, "signin_median_ms": round(statistics.median(enrol_ms), 1),
            "signin_max_ms": round(enrol_ms[-1], 1), "burst_seconds": round(burst_s, 2),
            "refused_401": statuses.count(401), "throttled_429": statuses.count(429),
            "one_address": one_address}


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="run.py signin")
    parser.add_argument("--workers", type=int, default=4, help="server worker processes")
    parser.add_argument("--signins", type=int, default=30, help="wrong-password enrolments at once")
    parser.add_argument("--samples", type=int, default=200, help="samples of each request, alone")
    parser.add_argument("--postgres", default=None, help="a PostgreSQL URL (default: an SQLite file)")
    parser.add_argument("--one-address", action="store_true",
                        help="the burst from one address for one user (throttled) instead of one per laptop")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mfq-bench-") as tmp:
        schema = None
        if args.postgres:
            schema = f"mfq_bench_{uuid.uuid4().hex[:8]}"
            admin = make_engine(args.postgres, pool_size=1, max_overflow=0)
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            url = f"{args.postgres}?options=-csearch_path%3D{schema}"
        else:
            url = f"sqlite:///{Path(tmp) / 'server.db'}"
        engine = make_engine(url)
        proc = None
        try:
            migrate(engine)
            with engine.begin() as conn:  # the production hasher: its parameters are what is measured
                services.add_user(conn, "coach", "coach", None, PASSWORD)
            port = _free_port()
            env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
            proc = subprocess.Popen([sys.executable, "-m", "murafaqa_server", "serve", "--host", "127.0.0.1",
                                     "--port", str(port), "--workers", str(args.workers)],
                                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            base = f"http://127.0.0.1:{port}"
            for _ in range(200):
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            figures = measure(base, args.signins, args.samples, args.one_address)
            return {**figures, "server_workers": args.workers, "database": "postgresql" if schema else "sqlite"}
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(10)
            engine.dispose()
            if schema:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), indent=2))
