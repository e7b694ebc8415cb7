"""Identifiers and timestamps made on the laptop."""
from __future__ import annotations

import datetime as dt

from uuid6 import uuid7


def new_id() -> str:
    """A UUIDv7: unique without asking the server, and sorted by creation time."""
    return str(uuid7())


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def uuid7_at(unix_ms: int, random_bits: int) -> str:
    """A UUIDv7 for a given time and 74 random bits: reproducible generated
    data (the demo) gets ids shaped exactly like the laptop's own."""
    value = (unix_ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((random_bits >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= random_bits & ((1 << 62) - 1)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
