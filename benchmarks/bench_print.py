"""Printing: one diagnostic sheet, and batches of 150 and 600 sheets into one
PDF with their peak memory (each batch in a fresh process, so that its peak
RSS is its own). Targets: one sheet <= 100 ms; 600 sheets <= 60 s; peak
memory that does not grow with the batch size.

    python benchmarks/run.py print [--json] [--db DEMO.db] [--lang ar|fr] [--repeat N] [--sizes 150,600,1500]
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _demo(path: Path) -> None:
    from murafaqa_desktop.services import demo
    from murafaqa_desktop.store.db import open_db

    db = open_db(path)
    demo.generate(db, 2000, seed=1)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _sheet_ms(db_path: Path, lang: str, repeat: int) -> float:
    from murafaqa_desktop.reports import documents
    from murafaqa_desktop.store.db import open_db

    db = open_db(db_path)
    coop = db.execute("SELECT id FROM cooperatives WHERE tranche = 4 AND phase = 1 AND status = 'coaching' "
                      "ORDER BY registration_number LIMIT 1").fetchone()[0]
    documents.build(db, "diagnostic", coop, lang)  # fonts registered, caches warm: a running app
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        documents.build(db, "diagnostic", coop, lang)
        times.append((time.perf_counter() - started) * 1000)
    db.close()
    return round(statistics.median(times), 1)


def _peak_rss_mb() -> float:
    """This process's peak RSS. On Linux VmHWM, which starts afresh at exec;
    ru_maxrss is carried over from the parent across exec (the parent made the
    demo database), so it would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_batch(db_path: str, count: int, lang: str, out: str) -> None:
    """Runs in its own process: one batch, then time and peak RSS as JSON."""
    from murafaqa_desktop.reports.batch import build_batch
    from murafaqa_desktop.store import cooperatives
    from murafaqa_desktop.store.db import open_db

    db = open_db(db_path)
    tranche4 = cooperatives.ids(db, cooperatives.CooperativeFilter(tranche=4))
    first = set(tranche4)
    others = [i for i in cooperatives.ids(db, cooperatives.CooperativeFilter()) if i not in first]
    ids = (tranche4 + others)[:count]  # tranche 4 first: the sheets coordinators print now
    assert len(ids) == count, f"only {len(ids)} cooperatives in the database"
    started = time.perf_counter()
    result = build_batch(db, "diagnostic", ids, out, lang)
    seconds = time.perf_counter() - started
    peak_mb = _peak_rss_mb()
    print(json.dumps({"seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb, 1), "pages": result.pages,
                      "file_mb": round(Path(out).stat().st_size / 1e6, 1)}))


def _batch(db_path: Path, count: int, lang: str, folder: Path) -> dict:
    out = folder / f"batch-{count}.pdf"
    proc = subprocess.run([sys.executable, __file__, "--child", str(db_path), str(count), lang, str(out)],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="run.py print")
    parser.add_argument("--db", type=Path, help="a demo database (made with 2000 cooperatives if absent)")
    parser.add_argument("--lang", choices=("ar", "fr"), default="ar")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sizes", default="150,600",
                        help="batch sizes to measure, comma-separated (600 is always included)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = args.db or folder / "demo.db"
        if not db_path.exists():
            _demo(db_path)
        figures = {
            "sheet_ms": _sheet_ms(db_path, args.lang, args.repeat),
            "sheet_ms_fr": _sheet_ms(db_path, "fr", args.repeat),
        }
        sizes = sorted({int(n) for n in args.sizes.split(",")} | {600})
        batches = {n: _batch(db_path, n, args.lang, folder) for n in sizes}
    large = batches[600]
    figures.update({
        "batch_600_s": large["seconds"],
        "batch_peak_rss_mb": large["peak_rss_mb"],
        "batch_600_pages": large["pages"],
        "batch_600_file_mb": large["file_mb"],
    })
    for n, b in batches.items():
        if n != 600:
            figures[f"batch_{n}_s"] = b["seconds"]
        figures[f"batch_{n}_peak_rss_mb"] = b["peak_rss_mb"]
    figures["lang"] = args.lang
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child_batch(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
    else:
        print(json.dumps(main(sys.argv[1:]), indent=2))
