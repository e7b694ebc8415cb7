"""A sync over a real link that is cut again and again (the link emulator,
real sockets, the server behind uvicorn): a large push and a large pull go
in pieces, each cut costs the piece in flight only, and the copies end
identical to those of a sync over an unbroken link, nothing applied twice."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from factories import make_cooperative
from link_emulator import LinkEmulator, Profile
from murafaqa_desktop.services import coaching, plans
from murafaqa_desktop.store import outbox as outbox_store
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.sync import pieces
from murafaqa_desktop.sync.transport import HttpTransport
from murafaqa_protocol.columns import PAGES_HEADER
from murafaqa_protocol.messages import SCHEMA_HEADER, SCHEMA_VERSION
from murafaqa_protocol.tables import TABLES
from server.mfq_harness import PASSWORD, Laptop

PATIENT = pieces.Retry(attempts=60, first_s=0.01, cap_s=0.05)
SMALL_PIECES = 1_000  # bytes a piece aims at, so that a few kilobytes of data make many pieces


@pytest.fixture
def port(server) -> Iterator[int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    from murafaqa_server.app import create_app

    uv = uvicorn.Server(uvicorn.Config(create_app(server.engine), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield sock.getsockname()[1]
    uv.should_exit = True
    thread.join(20)
    sock.close()


def _laptop(server, path, user: str, url: str) -> Laptop:
    return Laptop(server, path, user, transport=HttpTransport(url))


def _work(laptop: Laptop, n: int) -> None:
    for i in range(n):
        coop = make_cooperative(laptop.db, registration_number=f"07/2023/{i:05d}")
        for j in range(6):
            plans.add_action(laptop.db, coop["id"], {"axis": "marketing", "objective": f"Objectif {j} du plan {i}"})
        for k in range(3):
            coaching.log_session(laptop.db, coop["id"], {
                "held_on": f"2024-0{k + 1}-1{k}", "place": "مقر التعاونية", "author": laptop.user,
                "attendees": "الرئيسة، أمين المال", "recommendations": f"تنظيم دفتر الحسابات {i}-{k}"})


def _copy(laptop: Laptop) -> dict[str, list[dict]]:
    return {t: st.synced_rows(laptop.db, t) for t in TABLES}


def test_a_sync_cut_every_few_kilobytes_completes_identical_to_an_unbroken_one(server, port, tmp_path, monkeypatch):
    from murafaqa_server.routes import sync as route

    monkeypatch.setattr(route, "STREAM_PAGE_BYTES", SMALL_PIECES)
    server.user("ali")
    server.user("sara")
    direct = f"http://127.0.0.1:{port}"
    with LinkEmulator("127.0.0.1", port, Profile("cut", cut_after=3_000)) as link:
        ali = _laptop(server, tmp_path / "ali.db", "ali", link.url)
        _work(ali, 12)
        pending = outbox_store.pending_count(ali.db)
        push = ali.sync(retry=PATIENT, piece_bytes=SMALL_PIECES, page_rows=10)
        assert push.pushed == pending and outbox_store.pending_count(ali.db) == 0
        cuts_in_push = link.counters.cuts
        assert cuts_in_push >= 2  # the push went in pieces, and some of them were cut

        coops = [r["id"] for r in st.synced_rows(ali.db, "cooperatives")]
        server.assign("sara", *coops)
        sara = _laptop(server, tmp_path / "sara.db", "sara", link.url)
        pages: list[int] = []  # rows staged after each page but the last
        sara.sync(retry=PATIENT, piece_bytes=SMALL_PIECES, page_rows=10,
                  progress=lambda stage, done, _total: pages.append(done) if stage == "pull" else None)
        # The pull went in pages (several in one answer), and some answers were cut.
        assert link.counters.cuts >= cuts_in_push + 2 and len(pages) > 5

    unbroken = _laptop(server, tmp_path / "sara2.db", "sara", direct)
    unbroken.sync()
    assert _copy(sara) == _copy(unbroken) == _copy(ali)
    assert len(_copy(ali)["coaching_sessions"]) == 36  # each session once: no retried push applied twice
    for lap in (ali, sara, unbroken):
        lap.close()


def test_a_page_in_columns_holds_what_rows_hold_and_an_older_laptop_still_gets_rows(server, port, tmp_path):
    server.user("ali")
    ali = _laptop(server, tmp_path / "ali.db", "ali", f"http://127.0.0.1:{port}")
    _work(ali, 2)
    ali.sync()
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        r = client.post("/api/v1/enrol", json={"schema_version": SCHEMA_VERSION, "user": "ali", "password": PASSWORD})
        auth = {"Authorization": f"Bearer {r.json()['token']}", SCHEMA_HEADER: str(SCHEMA_VERSION)}
        body = {"schema_version": SCHEMA_VERSION, "pull": {"cursor": 0}}
        older = client.post("/api/v1/sync", json=body, headers=auth).json()["page"]
        newer = client.post("/api/v1/sync", json=body, headers={**auth, PAGES_HEADER: "columns",
                                                                 "Accept-Encoding": "zstd"})
    assert newer.headers["content-encoding"] == "zstd"
    newer_page = newer.json()["page"]
    assert "blocks" not in older and "rows" not in older and len(older["changes"]) == 2 + 12 + 6
    assert "changes" not in newer_page and newer_page["rows"] == len(older["changes"])
    # Asked for columns only (a laptop of the previous version): no position.
    assert "positions" not in newer_page and all("p" not in b for b in newer_page["blocks"])
    from murafaqa_protocol.columns import from_blocks
    from murafaqa_protocol.messages import Block, Change

    rebuilt = from_blocks([Block.model_validate(b) for b in newer_page["blocks"]])
    as_rows = [Change.model_validate(c) for c in older["changes"]]
    key = lambda c: (c.t, c.id)  # noqa: E731
    assert sorted(rebuilt, key=key) == sorted(as_rows, key=key)
    ali.close()
