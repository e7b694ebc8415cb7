"""An answer that says nothing of the request (a body that came too slowly
over EDGE, a proxy whose server restarts) is a link problem: sent again like
a cut, not reported as a server error the coach can do nothing about."""
from __future__ import annotations

import random

import httpx
import pytest
from pydantic import BaseModel

from murafaqa_desktop.sync import errors, pieces
from murafaqa_desktop.sync.transport import HttpTransport


class Ping(BaseModel):
    n: int = 1


class Pong(BaseModel):
    ok: bool


def _transport(answers: list[httpx.Response]) -> tuple[HttpTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answers.pop(0)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    return HttpTransport("http://127.0.0.1:8000", client=client), seen


@pytest.mark.parametrize("status", [408, 502, 503, 504])
def test_a_transient_answer_is_a_cut_link_and_is_sent_again(status: int) -> None:
    transport, seen = _transport([
        httpx.Response(status, json={"detail": "The request body came too slowly", "code": "too_slow"}),
        httpx.Response(200, json={"ok": True})])
    with pytest.raises(errors.SyncError) as first:
        transport.post("/sync", Ping(), Pong)
    assert first.value.kind == errors.NETWORK and first.value.cut
    assert "Serveur injoignable" in first.value.fr

    transport, seen = _transport([httpx.Response(status, json={"detail": "slow"}),
                                  httpx.Response(200, json={"ok": True})])
    waits: list[float] = []
    answer = pieces.retrying(lambda: transport.post("/sync", Ping(), Pong), pieces.Retry(attempts=3, first_s=0.01),
                             sleep=waits.append, only_cuts=True, rng=random.Random(1))
    assert answer.ok and len(seen) == 2 and len(waits) == 1


def test_a_server_error_is_still_reported_as_one_and_not_sent_again() -> None:
    transport, seen = _transport([httpx.Response(500, json={"detail": "boom"}),
                                  httpx.Response(200, json={"ok": True})])
    with pytest.raises(errors.SyncError) as e:
        pieces.retrying(lambda: transport.post("/sync", Ping(), Pong), pieces.Retry(attempts=3, first_s=0.01),
                        sleep=lambda _s: None)
    assert e.value.kind == errors.SERVER and len(seen) == 1
