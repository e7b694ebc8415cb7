"""Pieces, retries and the time left (sync/pieces.py)."""
from __future__ import annotations

import random

import pytest

from murafaqa_desktop.sync import errors, pieces


def _entry(size: int) -> dict:
    return {"fields": {"notes": "x" * size}, "base": {}}


def test_a_push_piece_stays_within_its_budget_and_always_holds_one_entry():
    entries = [_entry(1000) for _ in range(10)]
    assert len(pieces.push_piece(entries, 3500)) == 3
    assert len(pieces.push_piece([_entry(10_000)], 3500)) == 1


def test_only_network_failures_are_retried_with_growing_capped_waits():
    waits: list[float] = []
    calls = iter([errors.network("cut"), errors.network("cut"), "ok"])

    def call():
        value = next(calls)
        if isinstance(value, Exception):
            raise value
        return value

    policy = pieces.Retry(attempts=5, first_s=1, cap_s=1.5)
    assert pieces.retrying(call, policy, sleep=waits.append, rng=random.Random(1)) == "ok"
    assert len(waits) == 2 and 0.5 <= waits[0] <= 1 and 0.75 <= waits[1] <= 1.5
    refused = errors.auth("revoked")

    def refuse():
        raise refused

    with pytest.raises(errors.SyncError) as e:
        pieces.retrying(refuse, policy, sleep=waits.append)
    assert e.value is refused and len(waits) == 2


def test_the_next_page_aims_at_the_piece_size_growing_by_half_at_most():
    assert pieces.next_page_rows(2000, 80_000, 2000, target=40_000) == 1000
    assert pieces.next_page_rows(1000, 10_000, 1000, target=40_000) == 1500
    assert pieces.next_page_rows(10, 1_000_000, 10, target=40_000) == pieces.MIN_PAGE_ROWS
