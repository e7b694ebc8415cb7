"""Valid records to start a test from."""
from __future__ import annotations

from sqlite_utils import Database

from murafaqa_desktop.services import cooperatives


def make_cooperative(db: Database, **overrides) -> dict:
    """A valid, eligible cooperative (applied 2024-01-15), changed by overrides."""
    data = {
        "registration_number": "RC-2022-0001", "name_ar": "تعاونية الأمل", "name_fr": "Coopérative Al Amal",
        "legal_date": "2022-03-01", "activity_start": "2022-06-01", "application_date": "2024-01-15",
        "region": "07", "province": "07.03", "commune": "Tamesloht", "sector": "argan",
        "members": 20, "women": 15, "youth": 8, "president": "فاطمة الزهراء بناني", "phone": "0612345678",
        "tranche": 4, "phase": 1,
    }
    data.update(overrides)
    return cooperatives.create(db, data)
