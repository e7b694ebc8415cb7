#!/usr/bin/env python3
"""Regenerate docs/samples: the first page of each printed document, in
Arabic and in French, as PNG (pdftoppm -png -r 70), from the demo programme;
for the progress report also the first page of its dashboard section; for
the selection, a call of tranche 4, phase 2 (scripts/selection_demo.py):
the ranking of a decided region, the committee's minutes and three letters
(retained, waiting list, not retained).

    python scripts/samples.py [--out docs/samples] [--keep-pdf]

Look at every image after a change to the documents: columns right to left
in Arabic, letters joined, nothing overflowing, brackets the right way round.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from selection_demo import make_call  # noqa: E402

from murafaqa_desktop.reports import documents  # noqa: E402
from murafaqa_desktop.services import demo  # noqa: E402
from murafaqa_desktop.store.db import open_db  # noqa: E402

PRINTED = dt.date(2026, 11, 29)


def pick(db) -> dict[str, tuple[str, dict]]:
    """A tranche-4 cooperative with both names, a long plan and sessions, and
    the best-attended training."""
    coop = db.execute(
        "SELECT c.id FROM cooperatives c JOIN plan_actions a ON a.cooperative_id = c.id "
        "WHERE c.tranche = 4 AND c.phase = 1 AND c.name_fr IS NOT NULL AND c.status = 'coaching' "
        "GROUP BY c.id ORDER BY count(*) DESC, c.registration_number LIMIT 1").fetchone()[0]
    session = db.execute("SELECT id FROM coaching_sessions WHERE cooperative_id = ? ORDER BY number DESC LIMIT 1",
                         [coop]).fetchone()[0]
    training = db.execute("SELECT training_session_id FROM training_attendance GROUP BY 1 "
                          "ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
    return {"diagnostic": (coop, {}), "plan": (coop, {}), "session": (session, {}),
            "attendance": (training, {}), "attendance-blank": (training, {"blank": True}),
            "progress": ("all", {})}


def selection(db) -> dict[str, tuple[str, str, dict]]:
    """The selection's documents of the demo call: name -> (kind, key, options)."""
    from murafaqa_desktop.services import calls

    call_id = make_call(db)
    ranked = calls.ranking(db, call_id, "11")
    letter = {d: next(r.application_id for r in ranked if r.decision == d) for d in ("retained", "waiting", "rejected")}
    return {"ranking": ("ranking", call_id, {"region": "11"}),
            "minutes": ("minutes", call_id, {"members": ["Amina Alaoui — ODCO, présidente du comité",
                                                          "Karim Benjelloun — Fondation OCP",
                                                          "Salma Ouazzani — UM6P"]}),
            **{f"letter-{d}": ("letters", key, {}) for d, key in letter.items()}}


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def dashboard_page(db, key: str, lang: str, tmp: Path) -> int:
    """The page the dashboard's section starts on: the one after the
    programme's tables (the section begins with a page break)."""
    record = documents.load(db, "progress", key, lang, today=PRINTED)
    del record["dashboard"]
    alone = tmp / f"progress-tables-{lang}.pdf"
    alone.write_bytes(documents.render_record("progress", record, lang, PRINTED))
    return page_count(alone) + 1


def png(pdf: Path, page: int, stem: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "samples")
    parser.add_argument("--keep-pdf", action="store_true")
    args = parser.parse_args(argv)
    if not (shutil.which("pdftoppm") and shutil.which("pdfinfo")):
        print("pdftoppm and pdfinfo (poppler-utils) are needed", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "demo.db")
        demo.generate(db, 2000, seed=1)
        for name, (key, options) in pick(db).items():
            kind = name.split("-")[0]
            for lang in ("ar", "fr"):
                pdf = Path(tmp) / f"{name}-{lang}.pdf"
                pdf.write_bytes(documents.build(db, kind, key, lang, printed_on=PRINTED, **options))
                stem = args.out / f"{name}-{lang}"
                png(pdf, 1, stem)
                print(f"{stem}.png")
                if kind == "progress":
                    stem = args.out / f"{name}-dashboard-{lang}"
                    png(pdf, dashboard_page(db, key, lang, Path(tmp)), stem)
                    print(f"{stem}.png")
                if args.keep_pdf:
                    shutil.copy(pdf, args.out / pdf.name)
        for name, (kind, key, options) in selection(db).items():
            for lang in ("ar", "fr"):
                pdf = Path(tmp) / f"{name}-{lang}.pdf"
                pdf.write_bytes(documents.build(db, kind, key, lang, printed_on=PRINTED, **options))
                stem = args.out / f"{name}-{lang}"
                png(pdf, 1, stem)
                print(f"{stem}.png")
                if args.keep_pdf:
                    shutil.copy(pdf, args.out / pdf.name)
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
