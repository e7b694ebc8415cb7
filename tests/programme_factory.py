"""A small programme whose every dashboard figure is known by hand
(tests/unit/test_dashboard_figures.py counts them)."""
from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from factories import make_cooperative

# A small programme whose every figure is counted by hand below.
#   A  07  T4/P1  coaching   Amina    diagnosed, plan of 2, trained, 3 sessions (3rd late), next 2026-07-01
#   B  07  T4/P1  coaching   Amina    diagnosed, plan of 1, 1 session announcing 2026-04-01 (overdue), financed
#   C  07  T4/P2  diagnosis  Youssef  diagnosis not completed
#   D  04  T3     completed  Youssef  diagnosed, trained, 12 sessions from 31 Jan 2016 (5th one day late)
#   E  04  T4/P1  withdrawn  Youssef  2 sessions, then withdrew (its next session is nobody's due); refused financing
#   F  04  T4/P2  preselected         pre-selected: in the programme (tranche 4's selection), nothing done yet
TODAY = dt.date(2026, 6, 15)
AMINA, YOUSSEF = "Amina Tazi", "Youssef Alami"
PLACES = {"07": "07.03", "04": "04.01"}


def _cooperative(db: Database, key: str, region: str, tranche: int, phase: int | None, status: str,
                 coach: str | None) -> str:
    row = make_cooperative(db, registration_number=f"RC-HAND-{key}", name_fr=f"Coopérative {key}",
                           region=region, province=PLACES[region], tranche=tranche, phase=phase, status=status,
                           coach=coach)
    return str(row["id"])


def _sessions(db: Database, coop_id: str, *sessions: tuple[str, str | None]) -> None:
    from murafaqa_desktop.services import coaching

    for held_on, next_date in sessions:
        coaching.log_session(db, coop_id, {"held_on": held_on, "next_date": next_date})


def build_programme(db: Database, only: set[str] | None = None) -> dict[str, str]:
    """The programme above (``only``: some of its cooperatives, with their records)."""
    from murafaqa_desktop.services import diagnosis, financing, plans, trainings

    specs = {"A": ("07", 4, 1, "coaching", AMINA), "B": ("07", 4, 1, "coaching", AMINA),
             "C": ("07", 4, 2, "diagnosis", YOUSSEF), "D": ("04", 3, None, "completed", YOUSSEF),
             "E": ("04", 4, 1, "withdrawn", YOUSSEF), "F": ("04", 4, 2, "preselected", None)}
    ids = {k: _cooperative(db, k, *spec) for k, spec in specs.items() if only is None or k in only}
    has = ids.__contains__
    for key in ("A", "B", "D"):
        if has(key):
            diagnosis.save(db, ids[key], {"diagnosed_on": "2025-11-01", "completed": True})
    if has("C"):
        diagnosis.save(db, ids["C"], {"diagnosed_on": "2026-05-01", "completed": False})
    for key, n in (("A", 2), ("B", 1)):
        for i in range(n if has(key) else 0):
            plans.add_action(db, ids[key], {"axis": "marketing", "objective": f"Objectif {i + 1}"})
    if has("A"):
        # planned 10 Jan, 10 Mar, 10 May: the third is held on 2 June, late
        _sessions(db, ids["A"], ("2026-01-10", None), ("2026-03-10", None), ("2026-06-02", "2026-07-01"))
    if has("B"):
        _sessions(db, ids["B"], ("2026-02-28", "2026-04-01"))
    if has("D"):
        # on the schedule from 31 January (31 Mar, 31 May, 31 Jul, 30 Sep...) but the 5th on 1 October
        from murafaqa_desktop.domain.coaching import planned_date

        first = dt.date(2016, 1, 31)
        dates = [planned_date(first, n) for n in range(1, 13)]
        dates[4] = dt.date(2016, 10, 1)
        _sessions(db, ids["D"], *((d.isoformat(), None) for d in dates))
    if has("E"):
        _sessions(db, ids["E"], ("2025-10-01", None), ("2025-12-01", None))
    governance = trainings.create_session(db, {"module_code": "GOV-01", "held_on": "2026-03-01", "region": "07"})
    marketing = trainings.create_session(db, {"module_code": "MKT-01", "held_on": "2026-04-01", "region": "04"})
    walk_in = {"participant": "Invité", "gender": "M", "age_band": "25_34"}  # from no cooperative: not counted
    trainings.add_attendance(db, governance["id"], [walk_in] + ([
        {"cooperative_id": ids["A"], "participant": "Fatima", "gender": "F", "age_band": "18_24"},
        {"cooperative_id": ids["A"], "participant": "Ahmed", "gender": "M", "age_band": "45_59"}]
        if has("A") else []))
    if has("D"):
        trainings.add_attendance(db, marketing["id"], [
            {"cooperative_id": ids["D"], "participant": "Khadija", "gender": "F", "age_band": "25_34"}])
    if has("B"):
        financing.apply(db, ids["B"], {"applied_on": "2026-01-05", "project": "Unité", "status": "granted",
                                       "amount_requested": 100000, "amount_granted": 80000})
    if has("E"):
        financing.apply(db, ids["E"], {"applied_on": "2026-01-05", "project": "Unité", "status": "refused",
                                       "amount_requested": 100000})
    return ids
