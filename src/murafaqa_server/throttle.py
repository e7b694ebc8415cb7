"""Failed sign-ins slow the next ones down: per user name, per address and
per device (recovery codes), kept in the database so that every worker
process and every machine behind a load balancer counts the same failures.

After ``THRESHOLD`` failures in a row on a key, the key is blocked for a
delay that doubles with each further failure (1 s, 2 s, 4 s... up to 15
minutes); an attempt while it is blocked is answered 429 at once, with no
password checked. A key quiet for ``QUIET`` starts again from zero; a
successful sign-in clears its user's (not its address's) failures.
"""
from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import Connection

from . import data, logs
from .policy import stamp, utc_now

THRESHOLD = 5
FIRST_DELAY = dt.timedelta(seconds=1)
MAX_DELAY = dt.timedelta(minutes=15)
QUIET = dt.timedelta(hours=1)


class Throttled(Exception):
    """Too many failures on one of the keys: wait ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed attempts: try again in {retry_after} second(s).")
        self.retry_after = retry_after


def user_key(name: str) -> str:
    # The name as typed, folded: a name that is no account is counted alike,
    # so the answers tell no account from none.
    return "user:" + name.strip().casefold()[:190]


def address_key(address: str | None) -> str:
    return "addr:" + (address or "unknown")[:190]


def device_key(device_id: str) -> str:
    return "device:" + device_id[:190]


def delay(failures: int) -> dt.timedelta:
    """How long a key is blocked after this many failures in a row."""
    if failures < THRESHOLD:
        return dt.timedelta(0)
    doublings: int = min(failures - THRESHOLD, 20)
    return min(MAX_DELAY, FIRST_DELAY * (1 << doublings))


def check(conn: Connection, keys: list[str], at: dt.datetime | None = None) -> None:
    """Refuse at once (``Throttled``) while any of the keys is blocked."""
    now = stamp(at or utc_now())
    waits = [row["blocked_until"] for row in data.failures(conn, keys)
             if row["blocked_until"] and row["blocked_until"] > now]
    if waits:
        until = dt.datetime.fromisoformat(max(waits))
        raise Throttled(max(1, math.ceil((until - (at or utc_now())).total_seconds())))


def failed(conn: Connection, keys: list[str], what: str, at: dt.datetime | None = None) -> None:
    """Count a failure on every key (each logged), blocking those past the
    threshold."""
    when = at or utc_now()
    for key in keys:
        n = data.count_failure(conn, key, stamp(when), stamp(when - QUIET))
        wait = delay(n)
        if wait:
            # Rounded up to the second (the stored times' precision): a
            # block never ends sooner than said.
            until = when + wait
            data.block(conn, key, stamp(until + dt.timedelta(seconds=1) if until.microsecond else until))
        logs.event(f"{what}_failed", key=key, failures=n, blocked_seconds=int(wait.total_seconds()))


def succeeded(conn: Connection, keys: list[str]) -> None:
    data.forget_failures(conn, keys)
