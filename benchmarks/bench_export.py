"""Export: every table of the 60,000-cooperative demo to one Excel workbook,
``murafaqa export`` in a fresh process, timed from the outside (interpreter
start included) with that process's own peak memory. Targets:
``export_60000_s`` <= 30 and ``export_peak_rss_mb`` <= 250 (memory that does
not grow with the data).

    murafaqa demo --cooperatives 60000 --db benchmarks/.work/ui-60000.db   # once
    python benchmarks/run.py export [--json] [--db DEMO.db] [--lang ar|fr] [--format xlsx|csv] [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / ".work"

# Runs in the child: the command itself, then its peak RSS (VmHWM starts
# afresh at exec; ru_maxrss would carry the parent's) and CPU time.
_CHILD = """
import json, resource, sys
from pathlib import Path
from murafaqa_desktop.cli import main
code = main(sys.argv[1:])
hwm = next(int(l.split()[1]) for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM:"))
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"peak_rss_kb": hwm, "cpu_s": use.ru_utime + use.ru_stime}), file=sys.stderr)
sys.exit(code)
"""


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


def _one(db: Path, lang: str, fmt: str, folder: Path) -> dict[str, float]:
    out = folder / ("export.xlsx" if fmt == "xlsx" else "export-csv")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, "--db", str(db), "--lang", lang, "export", str(out),
                           "--format", fmt], capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"export failed ({proc.returncode}): {proc.stderr.strip()}")
    measured = json.loads(proc.stderr.strip().splitlines()[-1])
    size = _size(out)
    shutil.rmtree(out) if out.is_dir() else out.unlink()
    return {"seconds": seconds, "peak_rss_mb": measured["peak_rss_kb"] / 1024, "cpu_s": measured["cpu_s"],
            "mb": size / 1e6}


def main(argv: list[str]) -> dict[str, float | int]:
    parser = argparse.ArgumentParser(prog="run.py export")
    parser.add_argument("--db", type=Path, default=WORK / "ui-60000.db")
    parser.add_argument("--lang", choices=("ar", "fr"), default="fr")
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx", dest="fmt")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"{args.db}: make it first (murafaqa demo --cooperatives 60000 --db {args.db})")
    with sqlite3.connect(args.db) as conn:
        cooperatives = conn.execute("SELECT count(*) FROM cooperatives").fetchone()[0]
    runs = []
    with tempfile.TemporaryDirectory(dir=args.db.parent, prefix="export-") as folder:
        for _ in range(args.repeat):
            runs.append(_one(args.db, args.lang, args.fmt, Path(folder)))
    best = min(runs, key=lambda r: r["seconds"])
    return {
        "cooperatives": cooperatives,
        "export_60000_s": round(statistics.median(r["seconds"] for r in runs), 1),
        "export_best_s": round(best["seconds"], 1),
        "export_cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 1),
        "export_peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs), 1),
        "export_file_mb": round(best["mb"], 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
