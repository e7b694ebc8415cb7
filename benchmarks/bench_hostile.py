"""Hostile input: ``python benchmarks/run.py hostile --json [--rows N] [--only NAME,…]``.

Builds, in benchmarks/.work/hostile/, a real-sized list (2,000 cooperatives,
to see what the caps cost an honest import), then files a coordinator would never send
but a broken export or a malicious one could: a workbook of N rows (3 million
by default) that unzips to ~140 MB from a few hundred KB, a workbook of
1,000,000 rows (~45 MB) under the unzipped-size cap, one of 10,000 rows of
50 numbers (as many cells as the caps let through), one row of 5 million cells, a CSV
cell of 200 KB, a CSV of 10,000 columns; then runs ``murafaqa import`` on
each in a fresh process and reports its time, peak memory, exit code and the
number of lines it printed. Last, a search of 33,000 words on the
200-cooperative demo.

Each run is a fresh interpreter so that its peak memory is its own. Run it
against an older checkout with ``PYTHONPATH=<its src>`` for before/after.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

WORK = Path(__file__).resolve().parent / ".work" / "hostile"
SHEET = "xl/worksheets/sheet1.xml"

# Runs in the child: the import through the command line, its own time and peak memory.
CHILD = r"""
import io, json, resource, sys, time, contextlib
from murafaqa_desktop import cli
argv = json.loads(sys.argv[1])


def peak_mb():
    # VmHWM belongs to this process image; ru_maxrss on Linux keeps the
    # parent's high-water mark across fork and exec
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


err, out = io.StringIO(), io.StringIO()
started = time.perf_counter()
with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
    try:
        code = cli.main(argv)
    except BaseException as e:  # a traceback is a result too
        code = f"uncaught {e.__class__.__name__}"
seconds = time.perf_counter() - started
printed = (out.getvalue() + err.getvalue()).splitlines()
print(json.dumps({"seconds": round(seconds, 2),
                  "peak_mb": peak_mb(),
                  "exit": code, "lines_printed": len(printed),
                  "first_line": (printed[0] if printed else "")[-120:]}))
"""


def _inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def _workbook(path: Path, rows: Iterator[bytes]) -> Path:
    from openpyxl import Workbook

    template = path.with_suffix(".template.xlsx")
    Workbook().save(template)
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                           compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename != SHEET:
                dst.writestr(info, src.read(info))
                continue
            with dst.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet '
                            b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                batch: list[bytes] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) == 10_000:
                        sheet.write(b"".join(batch))
                        batch.clear()
                sheet.write(b"".join(batch) + b"</sheetData></worksheet>")
    template.unlink()
    return path


def _same_rows(count: int) -> Iterator[bytes]:
    """The header, then one row over and over: without cell references it
    compresses about a thousandfold, as the hostile file of the issue did."""
    yield b'<row r="1">' + _inline("A1", "registration_number") + _inline("B1", "name_fr") + b"</row>"
    row = b'<row><c t="inlineStr"><is><t>RC/1</t></is></c></row>'
    for _ in range(count):
        yield row


def _wide_row(cells: int) -> Iterator[bytes]:
    yield b'<row r="1">' + _inline("A1", "registration_number")
    for _ in range(cells // 1000):
        yield b"<c><v>1</v></c>" * 1000
    yield b"</row>"


def _real_list(path: Path, count: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Liste")
    sheet.append(["N° d'immatriculation", "Nom (français)", "Date de création", "Début d'activité", "Région",
                  "Adhérents", "Femmes", "Président(e)", "Téléphone"])
    for n in range(1, count + 1):
        sheet.append([f"RC/2022/{n:05}", f"Coopérative Test {n}", "2022-03-01", "2022-06-01", "07", 20, 12,
                      f"Président {n}", "0612345678"])
    wb.save(path)


def _full_rows(rows: int, columns: int) -> Iterator[bytes]:
    yield b'<row r="1">' + _inline("A1", "registration_number") + b"</row>"
    row = b"<row>" + b"<c><v>1</v></c>" * columns + b"</row>"
    for _ in range(rows):
        yield row


def build(rows: int) -> dict[str, Path]:
    WORK.mkdir(parents=True, exist_ok=True)
    files = {
        "real_list_2000_xlsx": (WORK / "real-2000.xlsx", lambda p: _real_list(p, 2_000)),
        "bomb_xlsx": (WORK / f"bomb-same-{rows}.xlsx", lambda p: _workbook(p, _same_rows(rows))),
        "million_rows_xlsx": (WORK / "rows-same-1000000.xlsx", lambda p: _workbook(p, _same_rows(1_000_000))),
        "at_the_caps_xlsx": (WORK / "caps-10000x50.xlsx", lambda p: _workbook(p, _full_rows(9_999, 50))),
        "wide_row_xlsx": (WORK / "wide-5000000.xlsx", lambda p: _workbook(p, _wide_row(5_000_000))),
        "cell_200kb_csv": (WORK / "cell-200kb.csv", lambda p: p.write_text(
            "registration_number,name_fr\nRC/1," + "x" * 200_000 + "\n", encoding="utf-8")),
        "columns_10000_csv": (WORK / "columns-10000.csv", lambda p: p.write_text(
            "registration_number," + ",".join(f"c{n}" for n in range(9_999)) + "\nRC/1\n", encoding="utf-8")),
    }
    out = {}
    for name, (path, make) in files.items():
        if not path.exists():
            make(path)
        out[name] = path
    return out


def _child(argv: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(argv)], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0 or not done.stdout.strip():
        return {"crashed": done.returncode, "stderr": done.stderr[-300:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _search(words: int) -> dict:
    code = r"""
import json, sys, time
from murafaqa_desktop.services import demo
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store.db import open_db
path = sys.argv[1]
db = open_db(path)
if not store.count_all(db):
    demo.generate(db, 200, seed=7)
query = " ".join(["tifaout"] + [f"mot{n}" for n in range(int(sys.argv[2]))])
started = time.perf_counter()
rows = store.search_rows(db, query)
print(json.dumps({"seconds": round(time.perf_counter() - started, 3), "rows": len(rows)}))
"""
    done = subprocess.run([sys.executable, "-c", code, str(WORK / "search-200.db"), str(words)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"crashed": done.returncode, "stderr": done.stderr[-300:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="run.py hostile")
    parser.add_argument("--rows", type=int, default=3_000_000, help="rows of the zip-bomb workbook")
    parser.add_argument("--only", default="", help="comma-separated case names")
    args = parser.parse_args(argv)
    files = build(args.rows)
    wanted = set(filter(None, args.only.split(",")))
    figures: dict[str, dict] = {}
    for name, path in files.items():
        if wanted and name not in wanted:
            continue
        db = WORK / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        figures[name] = {"file_kb": round(path.stat().st_size / 1024), **_child(["import", str(path), "--db", str(db)])}
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                figures[name]["unzipped_mb"] = round(sum(i.file_size for i in archive.infolist()) / 2**20, 1)
    if not wanted or "search_33000_words" in wanted:
        figures["search_33000_words"] = _search(33_000)
    return figures
