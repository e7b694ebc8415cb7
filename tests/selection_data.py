"""A call of tranche 4, phase 2 whose ranking, proposals and decisions are
known in advance (the printed documents' and the selection screens' tests).

Laâyoune-Sakia El Hamra (11), 2 places: A (15/18), then C and B tie at 12
across the places line (C's share of women and youth is higher: C is
proposed, B waits first), D (6) waits second; INC is incomplete and OLD is
not eligible (registered too long ago). Fès-Meknès (03), 1 place: E (18)
proposed, F (9) waits. Registration numbers are digits only (``REG``), which
read back from an Arabic page in the order they were written.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from factories import make_cooperative
from murafaqa_desktop.domain.vocab import SELECTION_CRITERIA
from murafaqa_desktop.services import calls

CRITERIA = list(SELECTION_CRITERIA)


def ratings(total: int) -> dict[str, int]:
    out, left = {}, total
    for c in CRITERIA:
        out[c] = min(3, left)
        left -= out[c]
    return out


@dataclass
class SelectionData:
    call_id: str
    apps: dict[str, str]  # registration number -> application id


REG = {"A": "11/2024/101", "B": "11/2024/102", "C": "11/2024/103", "D": "11/2024/104", "INC": "11/2024/105",
       "OLD": "11/2019/106", "E": "03/2024/201", "F": "03/2024/202"}
APPLICANTS = [
    # reg, region, province, total, women, youth, complete, legal date
    (REG["A"], "11", "11.01", 15, 4, 2, True, "2024-01-10"),
    (REG["B"], "11", "11.01", 12, 1, 1, True, "2024-01-10"),
    (REG["C"], "11", "11.01", 12, 4, 3, True, "2024-01-10"),
    (REG["D"], "11", "11.01", 6, 2, 2, True, "2024-01-10"),
    (REG["INC"], "11", "11.01", 18, 5, 5, False, "2024-01-10"),
    (REG["OLD"], "11", "11.01", 18, 5, 5, True, "2019-01-10"),
    (REG["E"], "03", "03.01", 18, 3, 3, True, "2024-02-01"),
    (REG["F"], "03", "03.01", 9, 3, 3, True, "2024-02-01"),
]


def make_selection(db: Database, rate: bool = True) -> SelectionData:
    call = calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", opens_on="2026-04-01",
                             places={"11": 2, "03": 1}, title="AMI Mourafaka T4-P2")
    apps: dict[str, str] = {}
    for n, (reg, region, province, total, women, youth, complete, legal) in enumerate(APPLICANTS):
        letter = next(k for k, v in REG.items() if v == reg)
        coop = make_cooperative(db, registration_number=reg, region=region, province=province, commune="Centre",
                                name_fr=f"Coopérative {letter}", name_ar=f"تعاونية {letter}",
                                members=10, women=women, youth=youth, legal_date=legal,
                                activity_start="2024-03-01" if legal >= "2024" else "2019-03-01",
                                tranche=None, phase=None, status="applied")
        app = calls.record_application(db, call.id, coop["id"], received_on=f"2026-05-{n + 1:02d}",
                                       complete=complete)
        apps[reg] = app["id"]
        if rate:
            for criterion, value in ratings(total).items():
                calls.rate(db, app["id"], criterion, value, "PV n° 12" if value else None)
    return SelectionData(call.id, apps)


def decide_all(db: Database, data: SelectionData) -> None:
    """The committee follows the proposal, and refuses D and the incomplete file."""
    calls.decide(db, data.call_id, REG["A"], "retained")
    calls.decide(db, data.call_id, REG["C"], "retained")
    calls.decide(db, data.call_id, REG["B"], "waiting")
    calls.decide(db, data.call_id, REG["D"], "rejected", "Score insuffisant pour la liste d'attente")
    calls.decide(db, data.call_id, REG["E"], "retained")
    calls.decide(db, data.call_id, REG["F"], "waiting")
