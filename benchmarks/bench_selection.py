"""The selection of a call: ``python benchmarks/run.py selection --json [--applications N] [--runs N]``.

``ranking_ms``: ``services.calls.ranking`` of a whole call of 5,000
applications over four regions (every application rated on the six
criteria, a tenth of the files incomplete, about a third of the
cooperatives not eligible at the reference date, ties everywhere: scores take only 19
values), median of the runs after one warm-up; ``ranking_cpu_ms``: its
processor time (the same on a busy machine); ``ranking_region_ms``: one
region's ranking.

``letters_600_s``: the letters of a call of 600 applications (the four
regions, 150 places; each application rated, the committee's decision
following the proposal, the last quarter of each region refused with a
written reason: the three kinds of letter), printed in one batch into one
PDF, in Arabic, resolving the keys included (``reports.documents.
letter_keys``), and its processor time ``letters_600_cpu_s`` (what the
batch costs a core, whatever else the machine runs). ``letter_ms``: one letter alone (median of 20, fonts
registered); ``load_average``: the machine's when the batch ended, since
the figures follow it closely on a shared machine. That call has a database
of its own (``letters-600.db``): the 5,000 of the ranking are not decided.

The database is built
once in ``benchmarks/.work/`` through the store's own writes (outbox
included), as a coordinator's laptop holds it after the call's import.

Each figure is one entry of ``FIGURES`` (name -> function of the built call),
so that a figure of the same call (the letters) is one more entry.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WORK = Path(__file__).resolve().parent / ".work"
# The ranking and the letters are measured on plain databases (the encrypted
# store has figures of its own: bench_store); without this the databases
# built here would be encrypted under a key this process does not keep.
os.environ.setdefault("MURAFAQA_UNENCRYPTED", "1")
REGIONS = ("11", "06", "03", "05")  # tranche 4, phase 2: Laâyoune, Fès-Meknès, Casablanca-Settat, Béni Mellal


def _median_ms(call: Callable[[], Any], runs: int, clock: Callable[[], float] = time.perf_counter) -> float:
    call()
    times = []
    for _ in range(runs):
        start = clock()
        call()
        times.append((clock() - start) * 1000)
    return round(statistics.median(times), 1)


def build(path: Path, applications: int, seed: int = 4) -> str:
    """A database with one call and its applications; returns the call's id."""
    from murafaqa_desktop.domain.vocab import SELECTION_CRITERIA
    from murafaqa_desktop.services import calls
    from murafaqa_desktop.store import changes
    from murafaqa_desktop.store.db import open_db

    path.unlink(missing_ok=True)
    db = open_db(path)
    rnd = random.Random(seed)
    per_region = applications // len(REGIONS)
    call = calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", title="AMI T4-P2",
                             places=dict.fromkeys(REGIONS, per_region // 10))
    with db.atomic():
        for i in range(applications):
            region = REGIONS[i % len(REGIONS)]
            members = rnd.randint(7, 60)
            # About a third not eligible at the reference date (created more
            # than four years before it, or active for less than a year).
            year = rnd.choice((2021, 2022, 2023, 2023, 2024, 2024, 2025))
            legal = f"{year}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"
            activity = f"{max(int(legal[:4]), 2023) if rnd.random() < 0.95 else 2026}-0{rnd.randint(1, 5)}-01"
            coop = changes.insert(db, "cooperatives", {
                "registration_number": f"B-{i:05d}", "name_fr": f"Coopérative {i}", "name_ar": f"تعاونية {i}",
                "legal_date": legal, "activity_start": max(activity, legal), "region": region,
                "members": members, "women": rnd.randint(0, members // 2), "youth": rnd.randint(0, members // 2),
                "status": "applied"})
            app = changes.insert(db, "applications", {
                "call_id": call.id, "cooperative_id": coop["id"],
                "received_on": f"2026-0{rnd.randint(4, 6)}-{rnd.randint(10, 28)}",
                "complete": 0 if rnd.random() < 0.1 else 1})
            for criterion in SELECTION_CRITERIA:
                rating = rnd.randint(0, 3)
                changes.insert(db, "application_ratings", {
                    "application_id": app["id"], "criterion": criterion, "rating": rating,
                    "evidence": "constat sur place" if rating else None})
    db.close()
    return call.id


def ranking_figures(db: Any, call_id: str, runs: int) -> dict[str, Any]:
    from murafaqa_desktop.services import calls

    ranked = calls.ranking(db, call_id)
    return {
        "applications": len(ranked),
        "ranked": sum(1 for r in ranked if r.rank is not None),
        "eligible": sum(1 for r in ranked if r.eligible),
        "ranking_ms": _median_ms(lambda: calls.ranking(db, call_id), runs),
        "ranking_cpu_ms": _median_ms(lambda: calls.ranking(db, call_id), runs, time.process_time),
        "ranking_region_ms": _median_ms(lambda: calls.ranking(db, call_id, "06"), runs),
    }


LETTER_REGIONS = {"11": ("11.01", 30), "03": ("03.01", 40), "06": ("06.01", 45), "05": ("05.01", 35)}


def build_decided(path: Path, count: int) -> str:
    """A call of ``count`` applications, every one decided (through the
    services, as the committee's decisions are taken)."""
    from murafaqa_desktop.domain.vocab import SELECTION_CRITERIA
    from murafaqa_desktop.services import calls, cooperatives
    from murafaqa_desktop.store.db import open_db

    path.unlink(missing_ok=True)
    db = open_db(path)
    with db.atomic():
        call = calls.create_call(db, tranche=4, phase=2, closes_on="2026-06-30", opens_on="2026-04-01",
                                 places={r: p for r, (_prov, p) in LETTER_REGIONS.items()},
                                 title="AMI Mourafaka T4-P2")
        codes = list(LETTER_REGIONS)
        for n in range(count):
            region = codes[n % len(codes)]
            coop = cooperatives.create(db, {
                "registration_number": f"{region}/2024/{n:05d}", "name_ar": f"تعاونية الأمل رقم {n}",
                "name_fr": f"Coopérative Al Amal n° {n}", "legal_date": "2024-01-10",
                "activity_start": "2024-03-01", "region": region, "province": LETTER_REGIONS[region][0],
                "commune": "Centre", "members": 12, "women": n % 7, "youth": n % 5,
                "president": "فاطمة الزهراء بناني"})
            app = calls.record_application(db, call.id, coop["id"], received_on=f"2026-05-{n % 28 + 1:02d}",
                                           complete=True)
            for i, criterion in enumerate(SELECTION_CRITERIA):
                rating = (n * 7 + i * 3) % 4
                calls.rate(db, app["id"], criterion, rating, "PV n° 12" if rating else None)
    ranking = calls.ranking(db, call.id)
    per_region = {r: sum(1 for x in ranking if x.region == r) for r in LETTER_REGIONS}
    seen = dict.fromkeys(LETTER_REGIONS, 0)
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


def letter_figures(_db: Any, _call_id: str, _runs: int, count: int = 600, lang: str = "ar") -> dict[str, Any]:
    from murafaqa_desktop.reports import documents
    from murafaqa_desktop.reports.batch import build_batch
    from murafaqa_desktop.store.db import open_db

    call_id = build_decided(WORK / f"letters-{count}.db", count)
    db = open_db(WORK / f"letters-{count}.db")
    try:
        keys = documents.letter_keys(db, call_id)
        cache: dict[str, Any] = {}
        documents.build(db, "letters", keys[0], lang, cache=cache)  # fonts registered, the call ranked
        times = []
        for key in keys[:20]:
            start = time.perf_counter()
            documents.build(db, "letters", key, lang, cache=cache)
            times.append((time.perf_counter() - start) * 1000)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "letters.pdf"
            start, cpu = time.perf_counter(), time.process_time()
            result = build_batch(db, "letters", documents.letter_keys(db, call_id), out, lang, cache={})
            seconds, cpu_s = time.perf_counter() - start, time.process_time() - cpu
            size_mb = out.stat().st_size / 1e6
    finally:
        db.close()
    return {f"letters_{count}_s": round(seconds, 2), f"letters_{count}_cpu_s": round(cpu_s, 2),
            "letter_ms": round(statistics.median(times), 1),
            "letters": result.documents, "letters_pages": result.pages, "letters_pdf_mb": round(size_mb, 1),
            "load_average": round(os.getloadavg()[0], 1)}


FIGURES: dict[str, Callable[[Any, str, int], dict[str, Any]]] = {"ranking": ranking_figures,
                                                                 "letters": letter_figures}


def main(argv: list[str]) -> dict[str, Any]:
    from murafaqa_desktop.store.db import open_db

    parser = argparse.ArgumentParser(prog="run.py selection")
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", choices=tuple(FIGURES), action="append")
    args = parser.parse_args(argv)
    WORK.mkdir(exist_ok=True)
    path = WORK / f"selection-{args.applications}.db"
    start = time.perf_counter()
    call_id = build(path, args.applications)
    figures: dict[str, Any] = {"build_s": round(time.perf_counter() - start, 1)}
    db = open_db(path)
    try:
        for name, measure in FIGURES.items():
            if args.only and name not in args.only:
                continue
            figures.update(measure(db, call_id, args.runs))
    finally:
        db.close()
    return figures
