"""A link emulator for tests and benchmarks: an asyncio TCP proxy (real
sockets) between a laptop and the server that gives each direction a
bandwidth, adds latency and jitter, can stall, and cuts a connection after
a number of bytes.

    with LinkEmulator("127.0.0.1", server_port, EDGE) as link:
        HttpTransport(f"http://127.0.0.1:{link.port}", ...)

Each direction is a queue of chunks: a chunk leaves once the ones before it
have gone through the link's bandwidth (so latency does not throttle
throughput, as on a real link) and arrives half a round trip (plus jitter)
later, never before the chunk ahead of it. ``cut_after`` counts the bytes of
a connection, both ways: when the next chunk would pass it, what fits is
delivered and both sides are reset, as when the bus leaves the café.
The proxy runs its own event loop on a thread, so synchronous code (the
sync engine, httpx) can talk through it.
"""
from __future__ import annotations

import asyncio
import random
import socket
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType


@dataclass(frozen=True)
class Profile:
    name: str
    down_bps: float | None = None  # server to laptop, bits per second (None: as fast as loopback)
    up_bps: float | None = None  # laptop to server
    rtt_s: float = 0.0
    jitter_s: float = 0.0  # each chunk's one-way delay varies by up to this much
    cut_after: int | None = None  # bytes per connection, both ways together
    stall_after: int | None = None  # bytes per connection after which the link stalls once
    stall_s: float = 0.0


EDGE = Profile("edge", down_bps=60_000, up_bps=20_000, rtt_s=0.5, jitter_s=0.05)
WEAK_3G = Profile("weak-3g", down_bps=384_000, up_bps=128_000, rtt_s=0.2, jitter_s=0.02)
CUT_100KB = Profile("cut-100kb", cut_after=100_000)
LOOPBACK = Profile("loopback")
PROFILES = {p.name: p for p in (EDGE, WEAK_3G, CUT_100KB, LOOPBACK)}

CHUNK = 1460  # a TCP segment's payload: pacing is no coarser than the link's own


@dataclass
class Counters:
    bytes_up: int = 0
    bytes_down: int = 0
    connections: int = 0
    cuts: int = 0
    stalls: int = 0  # how many times a connection was held
    per_connection: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.bytes_up + self.bytes_down


class _Connection:
    def __init__(self, link: LinkEmulator, index: int) -> None:
        self.link = link
        self.index = index
        self.passed = 0
        self.stalled = False
        self.closed = asyncio.Event()

    def allowance(self, wanted: int) -> int:
        """How many of ``wanted`` bytes may still pass before the cut."""
        cut = self.link.profile.cut_after
        return wanted if cut is None else max(0, min(wanted, cut - self.passed))


class LinkEmulator:
    def __init__(self, target_host: str, target_port: int, profile: Profile = LOOPBACK, *,
                 seed: int = 1) -> None:
        self.target = (target_host, target_port)
        self.profile = profile
        self.counters = Counters()
        self.port = 0
        self._random = random.Random(seed)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=f"link-{profile.name}", daemon=True)
        self._server: asyncio.Server | None = None
        self._lock = threading.Lock()

    # -- life ----------------------------------------------------------------------
    def start(self) -> LinkEmulator:
        self._thread.start()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._serve, sock=sock), self._loop).result(10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        self._loop.close()

    def __enter__(self) -> LinkEmulator:
        return self.start()

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- one connection ------------------------------------------------------------------
    async def _serve(self, laptop_r: asyncio.StreamReader, laptop_w: asyncio.StreamWriter) -> None:
        with self._lock:
            self.counters.connections += 1
            index = len(self.counters.per_connection)
            self.counters.per_connection.append(0)
        conn = _Connection(self, index)
        try:
            server_r, server_w = await asyncio.open_connection(*self.target)
        except OSError:
            laptop_w.transport.abort()
            return
        tasks = [asyncio.ensure_future(self._pump(conn, laptop_r, server_w, up=True)),
                 asyncio.ensure_future(self._pump(conn, server_r, laptop_w, up=False))]
        try:
            await conn.closed.wait()
        except asyncio.CancelledError:
            pass  # the emulator stops: its connections go with it
        finally:
            for task in tasks:
                task.cancel()
            for writer in (laptop_w, server_w):
                writer.transport.abort()

    async def _pump(self, conn: _Connection, src: asyncio.StreamReader, dst: asyncio.StreamWriter, *,
                    up: bool) -> None:
        bps = self.profile.up_bps if up else self.profile.down_bps
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
        deliver = asyncio.ensure_future(self._deliver(queue, dst))
        free_at = 0.0  # when the link has sent what it was given
        last_arrival = 0.0
        try:
            while True:
                data = await src.read(CHUNK)
                if not data:
                    break
                fits = conn.allowance(len(data))
                cut = fits < len(data)
                data = data[:fits]
                stall = self._stall(conn, len(data))
                conn.passed += len(data)
                self._count(conn, len(data), up)
                now = time.monotonic()
                free_at = max(now, free_at) + stall + (len(data) * 8 / bps if bps else 0.0)
                delay = self.profile.rtt_s / 2 + self._random.uniform(-1, 1) * self.profile.jitter_s
                last_arrival = max(last_arrival, free_at + max(0.0, delay))
                if data:
                    await queue.put((last_arrival, data))
                if cut:
                    with self._lock:
                        self.counters.cuts += 1
                    break
            await queue.put(None)
            await deliver
        finally:
            deliver.cancel()
            conn.closed.set()

    async def _deliver(self, queue: asyncio.Queue[tuple[float, bytes] | None],
                       dst: asyncio.StreamWriter) -> None:
        while (item := await queue.get()) is not None:
            arrival, data = item
            wait = arrival - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            dst.write(data)
            await dst.drain()

    def _stall(self, conn: _Connection, size: int) -> float:
        after = self.profile.stall_after
        if after is None or conn.stalled or conn.passed + size < after:
            return 0.0
        conn.stalled = True
        self.counters.stalls += 1
        return self.profile.stall_s

    def _count(self, conn: _Connection, size: int, up: bool) -> None:
        with self._lock:
            if up:
                self.counters.bytes_up += size
            else:
                self.counters.bytes_down += size
            self.counters.per_connection[conn.index] += size


def main() -> None:
    """The emulator in a process of its own (a benchmark's laptop and server
    would otherwise share its interpreter): ``python link_emulator.py PORT
    PROFILE [CUT_AFTER]`` prints the port it listens on, runs until its
    stdin closes, then prints its counters as JSON. ``CUT_AFTER``: the
    profile cut after that many bytes of a connection instead."""
    import json
    import sys
    from dataclasses import asdict, replace

    profile = PROFILES[sys.argv[2]]
    if len(sys.argv) > 3:
        profile = replace(profile, cut_after=int(sys.argv[3]))
    with LinkEmulator("127.0.0.1", int(sys.argv[1]), profile) as link:
        print(link.port, flush=True)
        sys.stdin.read()
    print(json.dumps(asdict(link.counters)), flush=True)


if __name__ == "__main__":
    main()
