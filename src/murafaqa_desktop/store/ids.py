"""Identifiers and timestamps made on the laptop."""
from __future__ import annotations

import datetime as dt

from uuid6 import uuid7


def new_id() -> str:
    """A UUIDv7: unique without asking the server, and sorted by creation time."""
    return str(uuid7())


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
