"""Selection: the letters of a call of 600 applications (every one decided),
printed in one batch into one PDF, in Arabic. Target: ``letters_600_s`` <= 60.

    python benchmarks/run.py selection [--json] [--letters 600] [--lang ar|fr]

The call covers the four regions of tranche 4's phase 2 with 150 places in
all; each application is rated on the six criteria, and the committee's
decision follows the proposal (retained, waiting list), the last quarter of
each region refused with a written reason: the three kinds of letter.
``letter_ms`` is one letter alone (median of 20, fonts registered);
``load_average`` the machine's when the batch ended, since the figures
follow it closely on a shared machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

REGIONS = {"11": ("11.01", 30), "03": ("03.01", 40), "06": ("06.01", 45), "05": ("05.01", 35)}


def _call(db_path: Path, count: int) -> str:
    """A call of ``count`` applications, decided, written in one transaction."""
    from murafaqa_desktop.domain.vocab import SELECTION_CRITERIA
    from murafaqa_desktop.services import calls, cooperatives
    from murafaqa_desktop.store.db import open_db

    db = open_db(db_path)
    with db.atomic():
        call = calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", opens_on="2026-04-01",
                                 places={r: p for r, (_prov, p) in REGIONS.items()}, title="AMI Mourafaka T4-P2")
        codes = list(REGIONS)
        for n in range(count):
            region = codes[n % len(codes)]
            coop = cooperatives.create(db, {
                "registration_number": f"{region}/2024/{n:05d}", "name_ar": f"تعاونية الأمل رقم {n}",
                "name_fr": f"Coopérative Al Amal n° {n}", "legal_date": "2024-01-10",
                "activity_start": "2024-03-01", "region": region, "province": REGIONS[region][0],
                "commune": "Centre", "members": 12, "women": n % 7, "youth": n % 5,
                "president": "فاطمة الزهراء بناني"})
            app = calls.record_application(db, call.id, coop["id"], received_on=f"2026-05-{n % 28 + 1:02d}",
                                           complete=True)
            for i, criterion in enumerate(SELECTION_CRITERIA):
                rating = (n * 7 + i * 3) % 4
                calls.rate(db, app["id"], criterion, rating, "PV n° 12" if rating else None)
    ranking = calls.ranking(db, call.id)
    per_region = {r: sum(1 for x in ranking if x.region == r) for r in REGIONS}
    seen = dict.fromkeys(REGIONS, 0)
    with db.atomic():
        for item in ranking:
            seen[item.region] += 1
            if seen[item.region] > per_region[item.region] * 3 // 4:
                calls.decide(db, call.id, item.application_id, "rejected",
                             "Score inférieur à celui des candidatures retenues et de la liste d'attente")
            else:
                calls.decide(db, call.id, item.application_id, "retained" if item.proposed else "waiting")
    db.close()
    return call.id


def main(argv: list[str]) -> dict[str, float | int]:
    parser = argparse.ArgumentParser(prog="run.py selection")
    parser.add_argument("--letters", type=int, default=600)
    parser.add_argument("--lang", default="ar", choices=("ar", "fr"))
    args = parser.parse_args(argv)
    from murafaqa_desktop.reports.batch import build_batch
    from murafaqa_desktop.reports.documents import letter_keys
    from murafaqa_desktop.store.db import open_db

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "selection.db"
        call_id = _call(db_path, args.letters)
        db = open_db(db_path)
        from murafaqa_desktop.reports import documents

        keys = letter_keys(db, call_id)
        cache: dict[str, object] = {}
        documents.build(db, "letters", keys[0], args.lang, cache=cache)  # fonts registered, the call ranked
        times = []
        for key in keys[:20]:
            started = time.perf_counter()
            documents.build(db, "letters", key, args.lang, cache=cache)
            times.append((time.perf_counter() - started) * 1000)
        out = Path(tmp) / "letters.pdf"
        started = time.perf_counter()
        keys = letter_keys(db, call_id)
        result = build_batch(db, "letters", keys, out, args.lang, cache={})
        seconds = time.perf_counter() - started
        size_mb = out.stat().st_size / 1e6
        db.close()
    return {"letters_600_s" if args.letters == 600 else f"letters_{args.letters}_s": round(seconds, 2),
            "letter_ms": round(statistics.median(times), 1), "load_average": round(os.getloadavg()[0], 1),
            "letters": result.documents, "letters_pages": result.pages, "letters_pdf_mb": round(size_mb, 1)}
