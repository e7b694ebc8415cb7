"""A call of tranche 4, phase 2 for the screenshots and the sample pages: the
four regions of the phase with their places, applications from new
cooperatives rated on the six criteria (a few incomplete or too old to be
eligible), and the committee's decisions taken in one region."""
from __future__ import annotations

import random

from sqlite_utils import Database

from murafaqa_desktop.domain.vocab import APPLICATION_DOCUMENTS, SELECTION_CRITERIA
from murafaqa_desktop.services import calls, cooperatives

REGIONS = {"11": ("11.01", 6), "03": ("03.01", 5), "06": ("06.01", 5), "05": ("05.01", 4)}
NAMES = [("الأمل", "Al Amal"), ("النور", "Annour"), ("الخير", "Al Khair"), ("الواحة", "Al Waha"),
         ("تيفاوين", "Tifawin"), ("أركان", "Argane"), ("الزيتونة", "Zitouna"), ("السعادة", "Saada"),
         ("الفلاح", "Al Falah"), ("الوفاق", "Al Wifaq"), ("النخيل", "Nakhil"), ("إيمان", "Imane")]
KINDS = [("للكسكس", "du couscous"), ("للعسل", "du miel"), ("لتربية الماعز", "d'élevage caprin"),
         ("للنسيج", "de tissage"), ("للأعشاب الطبية", "des plantes médicinales")]


def make_call(db: Database, per_region: int = 12, seed: int = 4) -> str:
    """The call's id; Laâyoune-Sakia El Hamra (11) decided, the others not yet."""
    rng = random.Random(seed)
    with db.atomic():
        call = calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", opens_on="2026-04-01",
                                 places={r: p for r, (_prov, p) in REGIONS.items()},
                                 title="AMI Mourafaka — tranche 4, phase 2")
        n = 0
        for region, (province, _places) in REGIONS.items():
            for i in range(per_region):
                n += 1
                name_ar, name_fr = NAMES[(n * 5) % len(NAMES)]
                kind_ar, kind_fr = KINDS[n % len(KINDS)]
                old = i == per_region - 1
                members = rng.randint(7, 40)
                coop = cooperatives.create(db, {
                    "registration_number": f"{region}/{2019 if old else 2024}/{n:05d}",
                    "name_ar": f"تعاونية {name_ar} {kind_ar}", "name_fr": f"Coopérative {name_fr} {kind_fr}",
                    "legal_date": "2019-02-01" if old else f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    "activity_start": "2019-05-01" if old else "2024-10-01", "region": region,
                    "province": province, "commune": "Centre", "members": members,
                    "women": (women := rng.randint(0, members * 2 // 3)),
                    "youth": rng.randint(0, members - women),  # young men: the share stays within 100 %
                    "president": "فاطمة الزهراء بناني" if n % 2 else "Mohamed El Idrissi", "status": "applied"})
                # A complete file has its four documents ticked and each rating's
                # evidence in it, as a coordinator would have checked them; the
                # incomplete one lacks its list of members.
                complete = i != per_region - 2
                documents = {code: complete or code != "members_list" for code in APPLICATION_DOCUMENTS}
                app = calls.record_application(db, call.id, coop["id"], received_on=f"2026-05-{i % 28 + 1:02d}",
                                               documents=documents, complete=complete)
                for criterion in SELECTION_CRITERIA:
                    rating = rng.choice((1, 2, 2, 3, 3)) if i % 4 else rng.choice((0, 1, 2))
                    calls.rate(db, app["id"], criterion, rating, "Statuts et PV de l'AG" if rating else None,
                               document=bool(rating) or None)
        for item in calls.ranking(db, call.id, "11"):
            if item.rank is None:
                continue
            if item.proposed:
                calls.decide(db, call.id, item.application_id, "retained")
            elif item.waiting_position and item.waiting_position <= 3:
                calls.decide(db, call.id, item.application_id, "waiting")
            else:
                calls.decide(db, call.id, item.application_id, "rejected",
                             "Score inférieur à celui des candidatures retenues et de la liste d'attente")
    return str(call.id)
