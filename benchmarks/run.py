#!/usr/bin/env python3
"""Reproducible performance runs: ``python benchmarks/run.py AREA [--json] [options]``.

Each area lives in ``benchmarks/bench_<area>.py`` with ``main(argv) -> dict``
returning named figures (units in the names). Results are recorded, with the
command that produced them, in ``benchmarks/RESULTS.md``.
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

AREAS = ("store", "ui", "sync", "print", "hostile", "signin", "dashboard", "export", "history", "selection",
         "field", "national")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in AREAS:
        print(f"usage: run.py {{{'|'.join(AREAS)}}} [--json] [options]", file=sys.stderr)
        return 2
    area, rest = argv[0], argv[1:]
    as_json = "--json" in rest
    rest = [a for a in rest if a != "--json"]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    figures = importlib.import_module(f"bench_{area}").main(rest)
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        for name, value in figures.items():
            print(f"{name:28} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
