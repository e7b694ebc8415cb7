"""What the kept table of stages (``cooperative_stages``) must hold: the same
as the stages counted over the source tables (``store.stages.SOURCE_SQL``)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from murafaqa_desktop.domain.dashboard import STAGES
from murafaqa_desktop.store import stages
from murafaqa_desktop.store.cooperatives import OVERDUE_SQL

_OWN = ("region", "province", "coach", "tranche", "phase", "status")
_PROGRESS = ("done", "on_time", "first_on", "next_due")


def _ids(db: Database, sql: str, params: list[Any] | None = None) -> set[str]:
    return {r[0] for r in db.execute(sql, params or []).fetchall()}


def differences(db: Database, today: dt.date) -> dict[str, Any]:
    """Each way the kept table differs from the sources (empty: none)."""
    found: dict[str, Any] = {}
    for stage in STAGES:
        kept = _ids(db, f"SELECT cooperative_id FROM cooperative_stages WHERE {stage} = 1")
        counted = _ids(db, f"SELECT c.id FROM cooperatives c WHERE {stages.SOURCE_SQL[stage]}")
        if kept != counted:
            found[stage] = {"kept only": kept - counted, "sources only": counted - kept}
    own = ", ".join(_OWN)
    progress = ", ".join(f"coalesce(p.{k}, {0 if k in ('done', 'on_time') else 'NULL'})" for k in _PROGRESS)
    kept_rows = set(db.execute(f"SELECT cooperative_id, {own}, {', '.join(_PROGRESS)} "
                               "FROM cooperative_stages").fetchall())
    source_rows = set(db.execute(f"SELECT c.id, {', '.join('c.' + k for k in _OWN)}, {progress} FROM cooperatives c "
                                 "LEFT JOIN coaching_progress p ON p.cooperative_id = c.id").fetchall())
    if kept_rows != source_rows:
        found["rows"] = {"kept only": kept_rows - source_rows, "sources only": source_rows - kept_rows}
    iso = today.isoformat()
    kept_overdue = _ids(db, "SELECT cooperative_id FROM cooperative_stages WHERE open_due < ?", [iso])
    listed_overdue = _ids(db, "SELECT c.id FROM cooperatives c LEFT JOIN coaching_progress p "
                              f"ON p.cooperative_id = c.id WHERE {OVERDUE_SQL}", [iso])
    if kept_overdue != listed_overdue:
        found["overdue"] = {"kept only": kept_overdue - listed_overdue, "listed only": listed_overdue - kept_overdue}
    return found
