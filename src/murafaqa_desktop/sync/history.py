"""Fetching a cooperative's history from the server (who changed what) and
keeping it on the laptop, for the History tab and ``murafaqa history``."""
from __future__ import annotations

from urllib.parse import quote

from sqlite_utils import Database

from murafaqa_protocol.messages import MAX_HISTORY_ENTRIES, HistoryEntryOut, HistoryPage

from ..store import history
from ..store.ids import now_iso
from . import errors
from .transport import HttpTransport

# At most this many pages a fetch reads (newest first): a cooperative's
# whole programme is a few hundred changes; past this, the oldest are left.
MAX_PAGES = 10


def fetch(db: Database, transport: HttpTransport, coop_id: str) -> int:
    """Read the cooperative's history from the server and keep it in place of
    the last; returns how many changes it holds. A cooperative the server
    does not hold for this user (not sent yet) has none. Raises SyncError
    when the server cannot be asked (what was kept stays as it was)."""
    entries: list[HistoryEntryOut] = []
    before: int | None = None
    try:
        for _ in range(MAX_PAGES):
            params: dict[str, str | int] = {"limit": MAX_HISTORY_ENTRIES}
            if before is not None:
                params["before"] = before
            page = transport.get(f"/cooperatives/{quote(coop_id, safe='')}/history", params, HistoryPage)
            entries += page.entries
            before = page.next
            if before is None:
                break
    except errors.SyncError as e:
        if e.kind != errors.NOT_FOUND:
            raise
        entries = []
    with db.atomic():
        history.replace(db, coop_id, entries, now_iso())
    return len(entries)
