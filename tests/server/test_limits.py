"""The server's limits on what a client sends and how slowly, over real
sockets (uvicorn in a thread, with the protocol ``serve`` uses): a body over
the limit is answered 413 before it is read whole, a gzip bomb is not
unpacked whole, a body or a head that trickles in is cut, a head too long is
refused; and ``serve``'s default number of workers follows the cores."""
from __future__ import annotations

import gzip
import json
import select
import socket
import threading
import time
import zlib
from collections.abc import Iterator

import pytest
import uvicorn

from murafaqa_protocol.messages import SCHEMA_VERSION
from murafaqa_server import cli, config, http_protocol, limits
from murafaqa_server.app import create_app
from murafaqa_server.http_protocol import GuardedHttpProtocol
from murafaqa_server.routes.bodies import gunzipped
from murafaqa_server.routes.errors import ApiError
from server.mfq_harness import PASSWORD, make_server, sqlite_engine


@pytest.fixture
def live(tmp_path) -> Iterator[tuple[int, object]]:
    """A server on a real socket: (port, the in-process handle for set-up)."""
    engine = sqlite_engine(tmp_path / "server.db")
    handle = make_server(engine, "sqlite")
    handle.user("ali")
    sock = socket.create_server(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(engine), http=GuardedHttpProtocol, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield sock.getsockname()[1], handle
    server.should_exit = True
    thread.join(10)
    sock.close()
    engine.dispose()


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def _head(path: str, **headers: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: murafaqa.test", "Content-Type: application/json",
             *(f"{k.replace('_', '-')}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _answer(sock: socket.socket) -> tuple[int, dict, bytes]:
    """The status, the JSON body and whatever else came until the server
    closed the connection (it must close it: the read ends)."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    assert b"connection: close" in head.lower(), head
    return status, json.loads(body), head


def _enrol_body() -> bytes:
    return json.dumps({"schema_version": SCHEMA_VERSION, "user": "ali", "password": PASSWORD}).encode()


def test_a_body_declared_over_the_limit_is_refused_before_any_of_it_is_sent(live):
    port, _ = live
    with _connect(port) as sock:
        sock.sendall(_head("/api/v1/enrol", Content_Length=str(limits.MAX_BODY_BYTES + 1)))
        status, body, _ = _answer(sock)  # answered with no byte of the body sent
    assert status == 413 and body["code"] == "body_too_large" and str(limits.MAX_BODY_BYTES) in body["detail"]


def test_a_chunked_body_is_refused_once_it_passes_the_limit(live, monkeypatch):
    """No length declared: the answer comes as soon as the bytes received
    pass the limit, while the client is still sending."""
    port, handle = live
    monkeypatch.setattr(limits, "MAX_BODY_BYTES", 100_000)
    chunk = b"x" * 10_000
    sent = 0
    with _connect(port) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 32_768)  # what is sent is close to what is read
        sock.sendall(_head("/api/v1/enrol", Transfer_Encoding="chunked"))
        while sent < 10_000_000 and not select.select([sock], [], [], 0)[0]:
            sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            sent += len(chunk)
        status, body, _ = _answer(sock)  # read while the body is unfinished: no reset, the whole answer
    assert status == 413 and body["code"] == "body_too_large"
    assert sent < 1_000_000
    assert handle.client.get("/healthz").status_code == 200  # and it serves the next one


def test_a_body_just_under_the_limit_is_read_as_usual(live, monkeypatch):
    port, _ = live
    body = _enrol_body()
    monkeypatch.setattr(limits, "MAX_BODY_BYTES", len(body))
    with _connect(port) as sock:
        sock.sendall(_head("/api/v1/enrol", Content_Length=str(len(body)), Connection="close") + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.1 200"), data[:200]


def test_a_gzip_bomb_is_refused_without_being_unpacked_whole(live):
    port, handle = live
    bomb = gzip.compress(b"{" + b" " * (limits.MAX_BODY_BYTES + 1) + b"}", compresslevel=9)
    assert len(bomb) < limits.MAX_BODY_BYTES // 500
    r = handle.client.post("/api/v1/enrol", content=bomb,
                           headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "body_too_large"


def test_gunzip_is_bounded_and_takes_what_gzip_takes():
    text = b'{"a": "' + b"x" * 5000 + b'"}'
    two_members = gzip.compress(text[:100]) + gzip.compress(text[100:])
    assert gunzipped(two_members, len(text)) == text == gzip.decompress(two_members)
    with pytest.raises(limits.BodyRefused) as refused:
        gunzipped(two_members, len(text) - 1)
    assert refused.value.status == 413
    for broken in (gzip.compress(text)[:-12], b"not gzip", gzip.compress(text)[:10]):
        with pytest.raises(ApiError) as bad:
            gunzipped(broken, 10**6)
        assert bad.value.status_code == 422
    # one tiny member that unpacks past the limit is stopped at the limit, not unpacked
    unpacker_calls = []
    real = zlib.decompressobj

    def spying(*args, **kwargs):
        obj = real(*args, **kwargs)
        unpacker_calls.append(obj)
        return obj

    bomb = gzip.compress(b"\0" * 5_000_000)
    zlib.decompressobj = spying
    try:
        with pytest.raises(limits.BodyRefused):
            gunzipped(bomb, 1000)
    finally:
        zlib.decompressobj = real
    assert len(unpacker_calls) == 1


def test_a_body_that_trickles_in_is_cut(live, monkeypatch):
    port, _ = live
    monkeypatch.setattr(limits, "BODY_GRACE_S", 0.5)
    monkeypatch.setattr(limits, "BODY_MIN_RATE", 1000)
    body = _enrol_body()
    started = time.monotonic()
    with _connect(port) as sock:
        sock.sendall(_head("/api/v1/enrol", Content_Length=str(len(body))) + body[:5])
        status, answer, _ = _answer(sock)  # nothing more is sent: the server must give up on us
    assert status == 408 and answer["code"] == "too_slow"
    assert time.monotonic() - started < 5


def test_a_body_at_edge_pace_is_not_cut(live, monkeypatch):
    """Slow but steady (2,500 bytes a second, EDGE's upload) passes the
    minimum rate once the grace is over."""
    port, _ = live
    monkeypatch.setattr(limits, "BODY_GRACE_S", 0.2)
    monkeypatch.setattr(limits, "BODY_MIN_RATE", 500)
    body = _enrol_body()
    padded = body[:-1] + b" " * 2400 + body[-1:]  # JSON allows the blanks; about 1 s at 2,500 bytes a second
    with _connect(port) as sock:
        sock.sendall(_head("/api/v1/enrol", Content_Length=str(len(padded)), Connection="close"))
        for at in range(0, len(padded), 250):
            sock.sendall(padded[at:at + 250])
            time.sleep(0.1)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.1 200"), data[:300]


def test_a_head_that_trickles_in_is_cut(live, monkeypatch):
    port, _ = live
    monkeypatch.setattr(http_protocol, "HEAD_TIMEOUT_S", 0.5)
    started = time.monotonic()
    with _connect(port) as sock:
        sock.sendall(b"POST /api/v1/enrol HTTP/1.1\r\nHost: murafaqa.test\r\nX-Slow: ")
        try:
            for _ in range(50):  # a byte every 100 ms: each one would reset an idle timer
                sock.sendall(b"a")
                time.sleep(0.1)
        except OSError:
            pass
        status, answer, _ = _answer(sock)
    assert status == 408 and answer["code"] == "too_slow"
    assert time.monotonic() - started < 4


def test_a_connection_that_never_speaks_is_cut(live, monkeypatch):
    port, _ = live
    monkeypatch.setattr(http_protocol, "HEAD_TIMEOUT_S", 0.3)
    with _connect(port) as sock:
        status, _, _ = _answer(sock)
    assert status == 408


def test_a_head_too_long_is_refused(live):
    port, _ = live
    with _connect(port) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: murafaqa.test\r\n")
        try:
            for n in range(200):  # 200 headers of 1 KB: 200 KB of head
                sock.sendall(f"X-Filler-{n}: {'a' * 1000}\r\n".encode())
        except OSError:
            pass
        status, answer, _ = _answer(sock)
    assert status == 431 and answer["code"] == "head_too_large"


def test_kept_alive_requests_each_get_their_own_head_deadline(live, monkeypatch):
    port, _ = live
    monkeypatch.setattr(http_protocol, "HEAD_TIMEOUT_S", 1.5)
    request = b"GET /healthz HTTP/1.1\r\nHost: murafaqa.test\r\n\r\n"
    with _connect(port) as sock:
        for _ in range(3):  # 3 × 0.6 s: past one deadline in all, within it each time
            time.sleep(0.6)
            sock.sendall(request)
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")


# -- the number of worker processes ----------------------------------------------------------------------

def test_the_default_workers_follow_the_usable_cores(monkeypatch):
    monkeypatch.delenv("WORKERS", raising=False)
    for cores, workers in ((1, 2), (2, 4), (3, 6), (8, 16), (64, 16)):
        monkeypatch.setattr(config, "usable_cores", lambda cores=cores: cores)
        assert config.Settings().workers == workers
    monkeypatch.setenv("WORKERS", "3")
    assert config.Settings().workers == 3


def test_serve_hands_uvicorn_the_workers_and_the_guarded_protocol(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'server.db'}")
    monkeypatch.delenv("WORKERS", raising=False)
    monkeypatch.setattr(config, "usable_cores", lambda: 3)
    started: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append({"app": app, **options}))
    assert cli.main(["serve"]) == 0
    assert cli.main(["serve", "--workers", "2"]) == 0
    assert [s["workers"] for s in started] == [6, 2]
    assert all(s["http"] is GuardedHttpProtocol and s["factory"] for s in started)
    # a worker slow to start on a busy machine is waited for, not killed over and over
    assert all(s["timeout_worker_healthcheck"] >= 30 for s in started)


@pytest.mark.parametrize("argv, env", [(["serve", "--workers", "0"], {}), (["serve"], {"WORKERS": "0"}),
                                       (["serve"], {"WORKERS": "many"})])
def test_a_bad_number_of_workers_is_one_line_and_exit_2(monkeypatch, capsys, argv, env):
    monkeypatch.setattr(uvicorn, "run", lambda *_, **__: pytest.fail("must not start"))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "workers" in err.lower() and "Traceback" not in err


def test_the_usable_cores_are_this_process_s_share():
    assert 1 <= config.usable_cores() <= (__import__("os").cpu_count() or 1)

