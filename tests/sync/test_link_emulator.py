"""The link emulator itself: what the slow-link tests and the field benchmark
rely on (bandwidth each way, latency, the cut after N bytes, stalls)."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from link_emulator import LinkEmulator, Profile


@pytest.fixture
def sink() -> Iterator[tuple[int, list[bytes]]]:
    """A server that answers each message ``N\\n`` with N bytes and stores what
    it reads after that."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    received: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    def answer(conn: socket.socket) -> None:
        with conn:
            buf = b""
            while b"\n" not in buf:
                part = conn.recv(100)
                if not part:
                    return
                buf += part
            head, rest = buf.split(b"\n", 1)
            try:
                conn.sendall(b"x" * int(head))
                while part := conn.recv(65536):
                    rest += part
            except OSError:
                pass
            received.append(rest)

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1], received
    listener.close()


def _download(port: int, size: int) -> tuple[bytes, float]:
    with socket.create_connection(("127.0.0.1", port)) as s:
        start = time.monotonic()
        s.sendall(f"{size}\n".encode())
        got = b""
        try:
            while len(got) < size and (part := s.recv(65536)):
                got += part
        except ConnectionResetError:
            pass
        return got, time.monotonic() - start


def test_bandwidth_down_is_the_profile_s(sink):
    port, _ = sink
    with LinkEmulator("127.0.0.1", port, Profile("t", down_bps=400_000)) as link:
        got, seconds = _download(link.port, 25_000)  # 0.5 s at 400 kbit/s
    assert len(got) == 25_000
    assert 0.5 * 0.9 <= seconds <= 0.5 * 2  # a loaded machine is slower, never faster


def test_bandwidth_up_is_the_profile_s(sink):
    port, received = sink
    with LinkEmulator("127.0.0.1", port, Profile("t", up_bps=200_000)) as link, \
            socket.create_connection(("127.0.0.1", link.port)) as s:
        start = time.monotonic()
        s.sendall(b"0\n" + b"y" * 12_500)  # 0.5 s at 200 kbit/s
        s.shutdown(socket.SHUT_WR)
        s.recv(10)  # the proxy closes once it has delivered everything
        seconds = time.monotonic() - start
    assert 0.5 * 0.9 <= seconds <= 0.5 * 2
    deadline = time.monotonic() + 5
    while not received and time.monotonic() < deadline:
        time.sleep(0.01)
    assert received == [b"y" * 12_500]


def test_a_round_trip_takes_the_latency(sink):
    port, _ = sink
    with LinkEmulator("127.0.0.1", port, Profile("t", rtt_s=0.3)) as link:
        got, seconds = _download(link.port, 10)
    assert got == b"x" * 10
    assert 0.3 <= seconds <= 0.3 * 2


def test_a_connection_is_cut_after_n_bytes_both_ways_counted(sink):
    port, _ = sink
    with LinkEmulator("127.0.0.1", port, Profile("t", cut_after=10_000)) as link:
        got, _ = _download(link.port, 50_000)
        again, _ = _download(link.port, 5_000)  # a new connection starts afresh
    request_bytes = len(b"50000\n")
    assert len(got) == 10_000 - request_bytes
    assert again == b"x" * 5_000
    assert link.counters.cuts == 1 and link.counters.connections == 2
    assert link.counters.per_connection[0] == 10_000


def test_a_stall_holds_the_link_once(sink):
    port, _ = sink
    with LinkEmulator("127.0.0.1", port, Profile("t", stall_after=1_000, stall_s=0.4)) as link:
        got, seconds = _download(link.port, 5_000)
    assert len(got) == 5_000 and seconds >= 0.4
    assert link.counters.stalls == 1
