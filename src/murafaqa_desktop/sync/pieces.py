"""How a sync fits a slow link that drops: pieces small enough to get through
between two cuts, retries that wait longer each time, and how much is left.

A sync goes in pieces that are each safe to send again: a push carries
outbox entries under their own numbers (the server answers a number it has
already applied as a replay), a pull page is asked for by target and last
position received. A cut thus costs at most the piece in flight, and a
piece is kept to a few tens of kilobytes so that one gets through between
two cuts of a link that drops every 100 KB.
"""
from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from . import errors

T = TypeVar("T")

# What a piece aims at on the wire (compressed): a page of 2,000 whole rows
# is about this much, and two fit between cuts of a link that drops every
# 100 KB.
PIECE_BYTES = 40_000
# An outbox entry's JSON compresses about fourfold on the way.
PUSH_JSON_BYTES = 4 * PIECE_BYTES
MIN_PAGE_ROWS = 10


def push_piece(entries: list[dict[str, Any]], budget: int = PUSH_JSON_BYTES) -> list[dict[str, Any]]:
    """The first entries of ``entries`` whose JSON stays within ``budget``
    (always at least one: a single large entry still goes, alone)."""
    used = 0
    for i, e in enumerate(entries):
        used += len(json.dumps(e["fields"], ensure_ascii=False)) + len(json.dumps(e["base"])) + 80
        if used > budget and i > 0:
            return entries[:i]
    return entries


def next_page_rows(rows: int, received: int, current: int, *, target: int = PIECE_BYTES,
                   ceiling: int = 5000) -> int:
    """The rows to ask for in the next page, so that it weighs about ``target``
    bytes, judged by the last page (``rows`` rows in ``received`` bytes)."""
    if rows <= 0 or received <= 0:
        return current
    wanted = int(rows * target / received)
    # Half again at most per page: one page of short rows says little of the next.
    return max(MIN_PAGE_ROWS, min(ceiling, wanted, current * 3 // 2 if wanted > current else wanted))


@dataclass(frozen=True)
class Retry:
    """Attempts at one exchange whose link failed: waits doubling from
    ``first_s`` up to ``cap_s``, each drawn at random between half and all of
    it (so that laptops cut by the same outage do not come back together)."""

    attempts: int = 8
    first_s: float = 1.0
    cap_s: float = 30.0

    def wait(self, attempt: int, rng: random.Random) -> float:
        ceiling = min(self.cap_s, self.first_s * 2 ** attempt)
        return rng.uniform(ceiling / 2, ceiling)


NO_RETRY = Retry(attempts=1)


def retrying(call: Callable[[], T], policy: Retry, *, sleep: Callable[[float], None] = time.sleep,
             cancelled: Callable[[], bool] = lambda: False, only_cuts: bool = False,
             on_retry: Callable[[int, float], None] | None = None,
             rng: random.Random | None = None) -> T:
    """``call()``, again after a network failure, up to ``policy.attempts``
    times. Only network failures are retried: a refusal (401, 426, 422...)
    would be answered the same way again. ``only_cuts``: not a server that
    could not be reached at all, only a link that broke while in use
    (``errors.SyncError.cut``)."""
    rng = rng or random.Random()
    attempt = 0
    while True:
        try:
            return call()
        except errors.SyncError as e:
            attempt += 1
            if e.kind != errors.NETWORK or attempt >= policy.attempts or cancelled() \
                    or (only_cuts and not e.cut):
                raise
            pause = policy.wait(attempt - 1, rng)
            if on_retry is not None:
                on_retry(attempt, pause)
            sleep(pause)


def seconds_left(done: int, total: int, elapsed: float) -> int | None:
    """The time the bytes still expected should take at the pace so far
    (None while there is nothing to judge by)."""
    if done <= 0 or total <= done or elapsed <= 0:
        return None
    return round((total - done) * elapsed / done)
