"""Real processes for the crash tests: a laptop process (``driver.py``) killed
with SIGKILL at a random moment, and the sync server as ``murafaqa-server
serve`` (uvicorn), killed and started again.

The number of kills: a short run by default (CI), ``MURAFAQA_CRASH_KILLS=200``
for the full one, shared out among the areas as ``SHARES`` says. The
randomness is seeded (``MURAFAQA_CRASH_SEED``, else a fresh seed), and the
seed is printed so that a failure can be run again.
"""
from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("driver.py")
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
       "PYTHONUNBUFFERED": "1"}

# How the full run's kills are shared out; the short run kills once or twice per area.
SHARES = {"save": 0.3, "import": 0.15, "sync": 0.25, "backup": 0.15, "server": 0.15}
SHORT = {"save": 3, "import": 1, "sync": 1, "backup": 1, "server": 1}


def kills(area: str) -> int:
    total = os.environ.get("MURAFAQA_CRASH_KILLS")
    if not total:
        return SHORT[area]
    return max(1, round(int(total) * SHARES[area]))


def seeded(area: str) -> random.Random:
    seed = int(os.environ.get("MURAFAQA_CRASH_SEED") or random.SystemRandom().randrange(10**9))
    print(f"crash harness {area}: seed {seed} (MURAFAQA_CRASH_SEED={seed} to run it again), {kills(area)} kills")
    return random.Random(f"{seed}-{area}")


@dataclass
class Run:
    """One driver process: the lines it finished writing, and whether the
    harness killed it before it was done."""

    lines: list[str] = field(default_factory=list)
    killed: bool = False
    seconds: float = 0.0  # from READY to the end (killed or done)


def drive(args: list[str], kill_after: float | None, *, timeout: float = 300) -> Run:
    """Run the driver; ``kill_after`` seconds after it is READY, SIGKILL it
    (None: let it finish)."""
    proc = subprocess.Popen([sys.executable, str(DRIVER), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=ENV, cwd=ROOT)
    run = Run()
    ready = threading.Event()
    assert proc.stdout is not None

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace")
            if not line.endswith("\n"):
                break  # cut by the kill in the middle of the line: the user was not told
            if line == "READY\n":
                ready.set()
            else:
                run.lines.append(line.rstrip("\n"))
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(timeout):
        proc.kill()
        raise AssertionError("the driver never became ready")
    start = time.monotonic()
    try:
        proc.wait(timeout=kill_after if kill_after is not None else timeout)
    except subprocess.TimeoutExpired:
        if kill_after is None:
            proc.kill()
            raise AssertionError(f"driver {args[0]} did not finish in {timeout} s") from None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        run.killed = True
    run.seconds = time.monotonic() - start
    reader.join(10)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if not run.killed and proc.returncode != 0:
        raise AssertionError(f"driver {args} failed ({proc.returncode}): {err[-2000:]}")
    return run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """``murafaqa-server serve`` on a port of its own; ``kill`` is SIGKILL."""

    def __init__(self, database_url: str, folder: Path) -> None:
        self.database_url = database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"server-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, timeout: float = 60) -> None:
        env = {**ENV, "DATABASE_URL": self.database_url, "LOG_LEVEL": "WARNING"}
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "murafaqa_server", "serve", "--host", "127.0.0.1",
                                          "--port", str(self.port), "--workers", "1"],
                                         stdout=log, stderr=log, env=env, cwd=ROOT)
        self.starts += 1
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the server stopped: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError("the server did not answer in time")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.proc = None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None
