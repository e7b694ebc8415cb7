"""A hand-built dashboard whose every figure is known: what the page and its
screenshots are shown (the figures' own computation is tested apart)."""
from __future__ import annotations

import datetime as dt

from murafaqa_desktop.domain.dashboard import (
    STAGES,
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

TODAY = dt.date(2025, 6, 18)
REGIONS = {"01": 52, "02": 31, "03": 64, "04": 58, "05": 40, "06": 71, "07": 88, "08": 37, "09": 45, "10": 22,
           "11": 12, "12": 9}
STAGE_VALUES = {"in_programme": 529, "diagnosed": 243, "plan_set": 201, "trained": 176, "coached": 158,
                "completed": 41, "withdrawn": 17, "financed": 36}
MONTHS = [("2024-07", 38), ("2024-08", 12), ("2024-09", 61), ("2024-10", 84), ("2024-11", 97), ("2024-12", 73),
          ("2025-01", 88), ("2025-02", 102), ("2025-03", 79), ("2025-04", 111), ("2025-05", 124), ("2025-06", 57)]


def sample_dashboard(scope: Scope | None = None, last_sync: str | None = "2025-06-18T14:05:00",
                     pending: int = 3) -> Dashboard:
    scope = scope or Scope()
    regions = [RegionRow(code, Count(n, {"region": code}), Count(n * 3 // 10, {"region": code, "stage": "coached"}),
                         Count(n // 13, {"region": code, "stage": "completed"}),
                         Count(n // 9, {"region": code, "overdue": True}))
               for code, n in REGIONS.items()]
    team = [
        CoachRow("Fatima Zahra Bennani", Count(24, {"coach": "Fatima Zahra Bennani"}), 9,
                 Count(2, {"coach": "Fatima Zahra Bennani", "overdue": True}), "2025-06-18T09:12:00", 0, "1.4.0"),
        CoachRow("Mohamed Ouali", Count(19, {"coach": "Mohamed Ouali"}), 4,
                 Count(5, {"coach": "Mohamed Ouali", "overdue": True}), "2025-06-11T17:40:00", 12, "1.3.2"),
        CoachRow("خديجة العلوي", Count(21, {"coach": "خديجة العلوي"}), 7,
                 Count(0, {"coach": "خديجة العلوي", "overdue": True}), "2025-06-17T16:02:00", 2, "1.4.0"),
        CoachRow("Youssef Amrani", Count(17, {"coach": "Youssef Amrani"}), 0,
                 Count(3, {"coach": "Youssef Amrani", "overdue": True})),  # the server never told
    ]
    return Dashboard(
        scope=scope, today=TODAY,
        pipeline=Pipeline({s: Count(STAGE_VALUES[s], {"stage": s}) for s in STAGES}, financed_target=80),
        coaching=Coaching(held=926, due=1004, on_time=801, on_time_rate=801 / 926,
                          overdue=Count(44, {"overdue": True}), oldest_overdue=dt.date(2025, 3, 2),
                          per_month=[MonthCount(m, n) for m, n in MONTHS]),
        training=Training(axes=[AxisTraining("governance", 14, 212, 131, 64),
                                AxisTraining("communication", 9, 143, 92, 51),
                                AxisTraining("marketing", 11, 167, 98, 70)],
                          participants=522, women_share=321 / 522, youth_share=185 / 522),
        plan=[PlanRow(1, None, 438, Count(438, {"tranche": 1}), None, Count(438, {"tranche": 1, "stage": "diagnosed"}),
                      None, Count(0, {"tranche": 1, "stage": "financed"})),
              PlanRow(2, None, 478, Count(476, {"tranche": 2}), None, Count(470, {"tranche": 2, "stage": "diagnosed"}),
                      None, Count(0, {"tranche": 2, "stage": "financed"})),
              PlanRow(3, None, 474, Count(474, {"tranche": 3}), None, Count(474, {"tranche": 3, "stage": "diagnosed"}),
                      None, Count(0, {"tranche": 3, "stage": "financed"})),
              PlanRow(4, None, 600, Count(529, {"tranche": 4}), None, Count(243, {"tranche": 4, "stage": "diagnosed"}),
                      80, Count(36, {"tranche": 4, "stage": "financed"})),
              PlanRow(4, 1, None, Count(283, {"tranche": 4, "phase": 1}), 243,
                      Count(243, {"tranche": 4, "phase": 1, "stage": "diagnosed"}), None,
                      Count(30, {"tranche": 4, "phase": 1, "stage": "financed"}))],
        regions=regions, team=team, freshness=Freshness(last_sync, pending))
