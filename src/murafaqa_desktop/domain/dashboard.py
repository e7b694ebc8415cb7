"""The coordinator's dashboard: what each figure counts, as plain data.

``services.dashboard.figures`` fills these from the store; the window's
dashboard page, ``murafaqa dashboard --json`` and the printed progress report
show them. A figure that counts cooperatives is a ``Count``: its value and
the list filter that lists exactly the cooperatives it counts, so that every
number on the page opens the list behind it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

# The pipeline's stages, in order: each cooperative counted in a stage has
# reached it (a coached cooperative was diagnosed, most often, but each
# stage is counted on its own fact, not deduced from the previous one).
STAGES = ("in_programme", "diagnosed", "plan_set", "trained", "coached", "completed", "withdrawn", "financed")


@dataclass(frozen=True)
class Scope:
    """What the page looks at; None means all."""

    region: str | None = None
    province: str | None = None
    tranche: int | None = None
    phase: int | None = None
    coach: str | None = None


@dataclass(frozen=True)
class Count:
    """A number of cooperatives, and the list filter that lists them
    (fields of ``store.cooperatives.CooperativeFilter``, e.g.
    ``{"region": "07", "stage": "diagnosed"}`` or ``{"overdue": True}``)."""

    value: int
    filter: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pipeline:
    stages: dict[str, Count]  # keyed by STAGES, every stage present
    financed_target: int | None  # 80 for tranche 4 (None when the scope has no target)


@dataclass(frozen=True)
class MonthCount:
    month: str  # "YYYY-MM"
    sessions: int


@dataclass(frozen=True)
class Coaching:
    held: int  # coaching sessions held (in scope)
    due: int  # sessions due by today from each cooperative's schedule
    on_time: int  # sessions held by their due date
    on_time_rate: float | None  # on_time / held, None when none held
    overdue: Count  # cooperatives whose next session is past due today
    oldest_overdue: dt.date | None  # the earliest due date among them
    per_month: list[MonthCount]  # the last 12 months, oldest first, every month present


@dataclass(frozen=True)
class AxisTraining:
    axis: str  # a training axis code (governance, communication, marketing)
    sessions: int
    participants: int
    women: int
    youth: int


@dataclass(frozen=True)
class Training:
    axes: list[AxisTraining]  # every axis present, in the reference data's order
    participants: int
    women_share: float | None  # women / participants
    youth_share: float | None  # young people / participants


@dataclass(frozen=True)
class PlanRow:
    """One line of the programme's own table beside what the database holds."""

    tranche: int
    phase: int | None
    planned: int | None  # the programme text's figure (438, 478, 474, 600), None when it gives none
    held: Count  # cooperatives of that tranche (and phase) in the database
    diagnosed_planned: int | None  # 243 for tranche 4 phase 1
    diagnosed: Count
    financed_planned: int | None  # 80 for tranche 4
    financed: Count


@dataclass(frozen=True)
class RegionRow:
    region: str
    cooperatives: Count
    coached: Count
    completed: Count
    overdue: Count


@dataclass(frozen=True)
class CoachRow:
    coach: str
    cooperatives: Count
    sessions_this_month: int
    overdue: Count
    last_sync: str | None = None  # ISO time of that coach's laptop's last sync, as the server last told
    pending_at_last_sync: int | None = None  # changes waiting on that laptop at its last sync
    app_version: str | None = None


@dataclass(frozen=True)
class Freshness:
    last_sync: str | None  # ISO time of this laptop's last sync; None: never synced
    pending_here: int  # changes of this laptop not yet sent


@dataclass(frozen=True)
class Dashboard:
    scope: Scope
    today: dt.date
    pipeline: Pipeline
    coaching: Coaching
    training: Training
    plan: list[PlanRow]
    regions: list[RegionRow]
    team: list[CoachRow]
    freshness: Freshness

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates as ISO text), for ``--json``."""
        plain: dict[str, Any] = _plain(asdict(self))
        return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
