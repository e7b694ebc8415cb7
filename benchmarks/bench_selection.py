"""The selection of a call: ``python benchmarks/run.py selection --json [--applications N] [--runs N]``.

``ranking_ms``: ``services.calls.ranking`` of a whole call of 5,000
applications over four regions (every application rated on the six
criteria, a tenth of the files incomplete, about a third of the
cooperatives not eligible at the reference date, ties everywhere: scores take only 19
values), median of the runs after one warm-up; ``ranking_cpu_ms``: its
processor time (the same on a busy machine); ``ranking_region_ms``: one
region's ranking. The database is built
once in ``benchmarks/.work/`` through the store's own writes (outbox
included), as a coordinator's laptop holds it after the call's import.

Each figure is one entry of ``FIGURES`` (name -> function of the built call),
so that a figure of the same call (the letters) is one more entry.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WORK = Path(__file__).resolve().parent / ".work"
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


FIGURES: dict[str, Callable[[Any, str, int], dict[str, Any]]] = {"ranking": ranking_figures}


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
