"""A hand-built dashboard whose every figure is known: tranche 4, phase 1,
four regions that add up to the scope's 120 cooperatives, three coaches (one
named in Arabic, one that never synced)."""
from __future__ import annotations

import datetime as dt

from murafaqa_desktop.domain.dashboard import (
    AxisTraining,
    Coaching,
    CoachRow,
    Count,
    Dashboard,
    Freshness,
    MonthCount,
    Pipeline,
    PlanRow,
    RegionRow,
    Scope,
    Training,
)

TODAY = dt.date(2026, 11, 29)
STAGE_VALUES = {"in_programme": 120, "diagnosed": 96, "plan_set": 80, "trained": 64, "coached": 50,
                "completed": 12, "withdrawn": 3, "financed": 9}
# the last 12 months, oldest first: December 2025 … November 2026
MONTHS = [("2025-12", 11), ("2026-01", 18), ("2026-02", 25), ("2026-03", 31), ("2026-04", 0), ("2026-05", 40),
          ("2026-06", 44), ("2026-07", 38), ("2026-08", 12), ("2026-09", 52), ("2026-10", 61), ("2026-11", 47)]
REGIONS = [("07", 50, 22, 6, 3), ("10", 20, 8, 2, 1), ("04", 30, 12, 3, 2), ("08", 20, 8, 1, 1)]


def _count(value: int, **where: object) -> Count:
    return Count(value, {"tranche": 4, "phase": 1, **where})


def sample(team: bool = True, last_sync: str | None = "2026-11-29T08:15:00", pending: int = 4) -> Dashboard:
    coaches = [
        CoachRow("Fatima Zahra El Idrissi", _count(40, coach="Fatima Zahra El Idrissi"), 9,
                 _count(2, coach="Fatima Zahra El Idrissi", overdue=True), "2026-11-28T16:42:00", 3, "1.4.0"),
        CoachRow("خديجة بنعلي", _count(50, coach="خديجة بنعلي"), 14, _count(4, coach="خديجة بنعلي", overdue=True),
                 "2026-11-27T09:05:00", 0, "1.3.2"),
        CoachRow("Youssef Amrani", _count(30, coach="Youssef Amrani"), 0, _count(1, coach="Youssef Amrani",
                                                                                overdue=True)),
    ]
    return Dashboard(
        scope=Scope(tranche=4, phase=1),
        today=TODAY,
        pipeline=Pipeline({stage: _count(value, stage=stage) for stage, value in STAGE_VALUES.items()}, 80),
        coaching=Coaching(held=410, due=460, on_time=352, on_time_rate=352 / 410, overdue=_count(7, overdue=True),
                          oldest_overdue=dt.date(2026, 9, 14),
                          per_month=[MonthCount(month, n) for month, n in MONTHS]),
        training=Training(
            axes=[AxisTraining("governance", 6, 90, 54, 30), AxisTraining("communication", 4, 60, 40, 22),
                  AxisTraining("marketing", 5, 75, 36, 30)],
            participants=225, women_share=130 / 225, youth_share=82 / 225),
        plan=[PlanRow(4, None, 600, _count(120), None, _count(96, stage="diagnosed"), 80,
                      _count(9, stage="financed")),
              PlanRow(4, 1, None, _count(120), 243, _count(96, stage="diagnosed"), None,
                      _count(9, stage="financed"))],
        regions=[RegionRow(code, _count(n, region=code), _count(coached, region=code, stage="coached"),
                           _count(done, region=code, stage="completed"), _count(late, region=code, overdue=True))
                 for code, n, coached, done, late in REGIONS],
        team=coaches if team else [],
        freshness=Freshness(last_sync, pending),
    )
