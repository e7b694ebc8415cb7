"""References by position (murafaqa_protocol/columns.py): a row a later page
refers to travels once, then as its position; the copy a laptop rebuilds is
the one ids alone give, resumed pages and wrong judgements included, and a
laptop that does not ask for positions never receives one."""
from __future__ import annotations

from typing import Any

import pytest

from factories import make_cooperative
from murafaqa_desktop.services import coaching, plans
from murafaqa_desktop.store import sync_state as st
from murafaqa_protocol.columns import (
    REFS_HEADER,
    Positions,
    UnresolvedPosition,
    decode,
    from_blocks,
    to_blocks,
)
from murafaqa_protocol.messages import Change, SyncResponse
from murafaqa_protocol.tables import TABLES
from server.mfq_harness import Laptop

COOP = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
SESSION = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60"
ACTION = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61"


def _rows() -> list[Change]:
    return [
        Change(t="cooperatives", id=COOP, s=1, f={"region": "07", "name_fr": "Tafoukt"}, w=True),
        Change(t="plan_actions", id=ACTION, s=2, f={"cooperative_id": COOP, "objective": "Vendre"}, w=True),
        Change(t="coaching_sessions", id=SESSION, s=3, f={"cooperative_id": COOP, "number": 1}, w=True),
        Change(t="session_reviews", id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62", s=4,
               f={"session_id": SESSION, "action_id": ACTION, "progress": 30}, w=True),
        # A reference holding what is no id (a number): it must stay that value.
        Change(t="training_attendance", id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a63", s=5,
               f={"training_session_id": "x", "cooperative_id": 12, "participant": "Amina"}, w=True),
        Change(t="session_reviews", id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a64", s=6, d=True),
    ]


def test_a_page_by_position_rebuilds_the_rows_and_tells_their_positions():
    rows = _rows()
    at = {c.id: 100 + i for i, c in enumerate(rows)}
    blocks = to_blocks(rows, positions=Positions(at))
    # Every reference to a row of the page went as a position, not as an id.
    sent = [v for b in blocks for j, k in enumerate(b.cols) if k in ("session_id", "action_id", "cooperative_id")
            for v in b.f[j]]
    assert all(type(v) is int for v in sent if not isinstance(v, list))
    decoded = decode(blocks, positions=True)
    assert decoded.changes == from_blocks(to_blocks(rows)) == rows
    assert decoded.positions == {("cooperatives", COOP): 100, ("plan_actions", ACTION): 101,
                                 ("coaching_sessions", SESSION): 102}


def test_a_later_page_refers_to_rows_staged_from_an_earlier_one():
    first, second = _rows()[:3], _rows()[3:]
    earlier = decode(to_blocks(first, positions=Positions({c.id: 7 + i for i, c in enumerate(first)})),
                     positions=True)
    staged = {at: row_id for (_, row_id), at in earlier.positions.items()}
    blocks = to_blocks(second, positions=Positions({c.id: 20 + i for i, c in enumerate(second)},
                                                   held={SESSION: 9, ACTION: 8}))
    asked: list[set[int]] = []

    def resolve(wanted: set[int]) -> dict[int, str]:
        asked.append(wanted)
        return {w: staged[w] for w in wanted if w in staged}

    assert decode(blocks, positions=True, resolve=resolve).changes == second
    assert asked == [{8, 9}]
    # A position the laptop holds nothing at: the page is not read at all.
    with pytest.raises(UnresolvedPosition):
        decode(blocks, positions=True, resolve=lambda _wanted: {})


def _work(laptop: Laptop, n: int) -> None:
    for i in range(n):
        coop = make_cooperative(laptop.db, registration_number=f"07/2023/{i:05d}")
        actions = [plans.add_action(laptop.db, coop["id"], {"axis": "marketing", "objective": f"Objectif {j}"})
                   for j in range(3)]
        for k in range(2):
            coaching.log_session(laptop.db, coop["id"], {"held_on": f"2024-0{k + 1}-10", "author": laptop.user},
                                 [{"action_id": a["id"], "progress": 10 * (k + 1)} for a in actions])


def _copy(laptop: Laptop) -> dict[str, list[dict[str, Any]]]:
    return {t: st.synced_rows(laptop.db, t) for t in TABLES}


class Watched:
    """The laptop's transport, noting each sync's headers and page."""

    def __init__(self, transport: Any) -> None:
        self.inner = transport
        self.sent: list[dict[str, str]] = []
        self.pages: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def post_lines(self, path: str, body: Any, answer: type, each: Any, *, headers: Any = None) -> int:
        self.sent.append(dict(headers or {}))

        def seen(out: Any) -> None:
            if isinstance(out, SyncResponse) and out.page is not None:
                self.pages.append(out.page)
            each(out)

        given: int = self.inner.post_lines(path, body, answer, seen, headers=headers)
        return given


def _positions_sent(pages: list[Any]) -> int:
    return sum(1 for p in pages for b in p.blocks or () for j, k in enumerate(b.cols)
               if k.endswith("_id") for v in b.f[j] if type(v) is int)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of a few rows each, in one answer as in several."""
    from murafaqa_server.routes import sync as route

    monkeypatch.setattr(route, "STREAM_PAGE_BYTES", 200)


def test_a_pull_in_small_pages_refers_by_position_and_copies_what_ids_give(server, tmp_path, small_pages):
    server.user("ali")
    server.user("sara")
    ali = Laptop(server, tmp_path / "ali.db", "ali")
    _work(ali, 4)
    ali.sync()
    server.assign("sara", *[r["id"] for r in st.synced_rows(ali.db, "cooperatives")])
    sara = Laptop(server, tmp_path / "sara.db", "sara")
    sara.transport = Watched(sara.transport)
    sara.sync(page_rows=5, piece_bytes=200)
    assert len(sara.transport.pages) > 5 and all(p.positions for p in sara.transport.pages)
    assert _positions_sent(sara.transport.pages) > 10  # references to rows of earlier pages among them
    assert _copy(sara) == _copy(ali)
    for lap in (ali, sara):
        lap.close()


def test_a_position_the_laptop_cannot_resolve_makes_it_ask_the_page_again_with_ids(server, tmp_path, monkeypatch,
                                                                                    small_pages):
    server.user("ali")
    server.user("sara")
    ali = Laptop(server, tmp_path / "ali.db", "ali")
    _work(ali, 3)
    ali.sync()
    server.assign("sara", *[r["id"] for r in st.synced_rows(ali.db, "cooperatives")])
    sara = Laptop(server, tmp_path / "sara.db", "sara")
    sara.transport = Watched(sara.transport)
    # As if the server took for held rows this laptop never staged.
    monkeypatch.setattr(st, "staged_at", lambda _db, _wanted: {})
    sara.sync(page_rows=5, piece_bytes=200)
    asked_plain = [h for h in sara.transport.sent if REFS_HEADER not in h]
    assert asked_plain  # some pages came again, with ids
    assert _copy(sara) == _copy(ali)
    for lap in (ali, sara):
        lap.close()
