"""The rest of a pull in the same answer, a page a line (routes/sync.py,
``X-Murafaqa-Stream: pages``): one exchange brings a whole pull, a cut in
the middle keeps the pages that arrived, and a server that does not stream
answers one page at a time as before."""
from __future__ import annotations

from typing import Any

import pytest

from factories import make_cooperative
from murafaqa_desktop.services import coaching, plans
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.sync import errors
from murafaqa_protocol.tables import TABLES
from server.mfq_harness import Laptop


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from murafaqa_server.routes import sync as route

    monkeypatch.setattr(route, "STREAM_PAGE_BYTES", 300)


def _two_laptops(server: Any, tmp_path: Any) -> tuple[Laptop, Laptop]:
    server.user("ali")
    server.user("sara")
    ali = Laptop(server, tmp_path / "ali.db", "ali")
    for i in range(5):
        coop = make_cooperative(ali.db, registration_number=f"07/2023/{i:05d}")
        action = plans.add_action(ali.db, coop["id"], {"axis": "marketing", "objective": f"Objectif {i}"})
        for k in range(3):
            coaching.log_session(ali.db, coop["id"], {"held_on": f"2024-0{k + 1}-10", "author": "ali"},
                                 [{"action_id": action["id"], "progress": 10 * (k + 1)}])
    ali.sync()
    server.assign("sara", *[r["id"] for r in st.synced_rows(ali.db, "cooperatives")])
    return ali, Laptop(server, tmp_path / "sara.db", "sara")


def _copy(laptop: Laptop) -> dict[str, list[dict[str, Any]]]:
    return {t: st.synced_rows(laptop.db, t) for t in TABLES}


class CutAfter:
    """The laptop's transport; the link breaks once, after ``answers``
    answers of one exchange have arrived. Notes each request's pull."""

    def __init__(self, inner: Any, answers: int) -> None:
        self.inner, self.answers = inner, answers
        self.asked: list[tuple[int | None, int]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def post_lines(self, path: str, body: Any, answer: type, each: Any, *, headers: Any = None) -> int:
        self.asked.append((body.pull.target, body.pull.after))
        count = [0]

        def one(out: Any) -> None:
            if self.answers and count[0] == self.answers:
                self.answers = 0
                failure = errors.network("link cut")
                failure.cut = True
                raise failure
            count[0] += 1
            each(out)

        given: int = self.inner.post_lines(path, body, answer, one, headers=headers)
        return given


def test_a_whole_pull_comes_in_one_exchange_page_by_page(server, tmp_path):
    ali, sara = _two_laptops(server, tmp_path)
    pages: list[int] = []
    report = sara.sync(page_rows=5, progress=lambda stage, done, _t: pages.append(done) if stage == "pull" else None)
    assert report.round_trips == 1 and len(pages) > 3
    assert _copy(sara) == _copy(ali)
    for lap in (ali, sara):
        lap.close()


def test_a_cut_in_the_middle_of_an_answer_keeps_its_pages_and_goes_on_from_the_last(server, tmp_path):
    ali, sara = _two_laptops(server, tmp_path)
    sara.transport = CutAfter(sara.transport, answers=3)
    report = sara.sync(page_rows=5)
    (target, after), (resumed_target, resumed_after) = sara.transport.asked
    assert target is None and after == 0
    # Asked again from the third page's end, for the same pull.
    assert resumed_target is not None and resumed_after > 0
    assert report.round_trips == 2 and report.pulled == len(st.synced_rows(ali.db, "cooperatives")) + 5 + 15 + 15
    assert _copy(sara) == _copy(ali)
    for lap in (ali, sara):
        lap.close()


def test_a_server_that_does_not_stream_answers_a_page_an_exchange(server, tmp_path, monkeypatch):
    from murafaqa_server.routes import sync as route

    monkeypatch.setattr(route, "STREAMED", "a header this server does not know")
    ali, sara = _two_laptops(server, tmp_path)
    report = sara.sync(page_rows=5, piece_bytes=200)
    assert report.round_trips > 3
    assert _copy(sara) == _copy(ali)
    for lap in (ali, sara):
        lap.close()
