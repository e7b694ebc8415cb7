"""Edge-case records for the printed documents: a cooperative with nothing
but the required fields, one with very long texts and names mixing scripts,
12 coaching sessions, a training with 40 participants."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from factories import make_cooperative
from murafaqa_desktop.services import coaching, diagnosis, plans, selection, trainings

PRINTED = dt.date(2026, 11, 29)
LONG_AR = ("تعاني التعاونية من ضعف في تسويق منتوجاتها خارج السوق الأسبوعي، ويقترح المؤطر إبرام شراكة مع "
           "جمعية Dar Si Hmad (أكادير) ووضع خطة تواصل عبر الهاتف 0612345678 قبل نهاية السنة. ") * 12
LONG_FR = ("La coopérative vend surtout au souk hebdomadaire ; l'accompagnateur propose un partenariat avec "
           "l'association دار سي حماد (Agadir) et un plan de communication avant la fin de l'année. ") * 12


@dataclass
class EdgeData:
    empty_id: str
    full_id: str
    full_reg: str
    session_ids: list[str]
    training_id: str
    empty_training_id: str


def make_edge(db: Database) -> EdgeData:
    empty = make_cooperative(db, registration_number="RC-EMPTY-1", name_fr=None, commune=None, sector=None,
                             members=None, women=None, youth=None, president=None, phone=None, province=None,
                             activity_start=None, application_date=None, tranche=None, phase=None)
    full = make_cooperative(db, registration_number="07/2022/00042", name_ar="تعاونية أركان Tamount للنساء",
                            name_fr="Coopérative Argane Tamount (femmes)", president="Fatima Zahra بناني",
                            notes=LONG_AR, email="coop.tamount@example.ma")
    coop_id = full["id"]
    for criterion in ("social_impact", "local_resources", "youth_or_women"):
        selection.rate(db, coop_id, criterion, 3, "محضر الجمع العام (PV) رقم 12/2023")
    diagnosis.save(db, coop_id, {"diagnosed_on": "2024-03-10", "diagnosed_by": "Youssef Amghar",
                                 "strengths": LONG_AR, "weaknesses": LONG_FR, "completed": True})
    diagnosis.set_section(db, coop_id, "governance_legal", 2, LONG_AR)
    diagnosis.set_section(db, coop_id, "marketing_sales", 3, "Vente au souk (Tamesloht) — البيع في السوق")
    diagnosis.add_need(db, coop_id, {"kind": "training", "axis": "marketing",
                                     "description": "تقنيات البيع والتفاوض", "priority": "high"})
    actions = []
    for i, axis in enumerate(["supply", "production", "marketing", "management"] * 3):
        actions.append(plans.add_action(db, coop_id, {
            "axis": axis, "objective": f"الهدف رقم {i + 1}: " + ("إبرام عقود التموين " * (8 if i == 0 else 1)),
            "indicator": "عدد العقود", "owner": "الرئيسة", "due_date": "2025-06-30",
            "estimated_cost": 12500 + i * 1000, "status": "planned"}))
    sessions = []
    held = dt.date(2024, 4, 1)
    for n in range(12):
        sessions.append(coaching.log_session(db, coop_id, {
            "held_on": held.isoformat(), "duration_minutes": 120, "place": "بمقر التعاونية",
            "attendees": "الرئيسة، أمينة المال (Khadija)، 3 متعاونات", "topics": [
                {"axis": "marketing", "text": "التحضير للمعرض"}, {"axis": "management", "text": LONG_FR[:300]}],
            "recommendations": LONG_AR if n == 11 else "تحيين السجلات", "next_steps": "زيارة مورد",
            "next_date": (held + dt.timedelta(days=55)).isoformat() if n < 11 else None,
            "author": "Youssef Amghar"},
            reviews=[{"action_id": actions[n]["id"], "progress": 50, "comment": "في الطريق (on track)"}]))
        held += dt.timedelta(days=58)
    training = trainings.create_session(db, {"module_code": "GOV-01", "held_on": "2024-05-14",
                                             "place": "Marrakech — مركز التكوين", "region": "07",
                                             "trainer": "Rachid El Fassi"})
    people = []
    for i in range(40):
        name = f"مشاركة {i + 1} Ait Baha" if i % 2 else f"Participant {i + 1} بن علي"
        people.append({"cooperative_id": coop_id if i % 3 else empty["id"], "participant": name,
                       "role": "member", "gender": "F" if i % 4 else "M",
                       "age_band": "25_34" if i % 2 else "45_59"})
    trainings.add_attendance(db, training["id"], people)
    empty_training = trainings.create_session(db, {"module_code": "MKT-02", "held_on": "2024-06-01",
                                                   "region": "10"})
    return EdgeData(empty["id"], coop_id, "07/2022/00042", [s["id"] for s in sessions], training["id"],
                    empty_training["id"])
