"""``murafaqa print``: the printed documents from the command line.

    murafaqa print diagnostic|plan|session|attendance|progress ID… -o OUT.pdf [--lang ar|fr]

Several ids make one PDF (``--split``: one file each in the folder OUT). An
unknown id or a path that cannot be written: exit 2, one line, and no file
(every file is written under a temporary name and renamed when complete).
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from .reports.documents import KINDS


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "print", parents=[common], help="print documents to PDF (diagnostic sheets, plans, reports)",
        description="diagnostic|plan ID_OR_REGISTRATION…; session SESSION_ID or COOP:NUMBER…; "
                    "attendance TRAINING_SESSION_ID… [--blank]; progress TRANCHE | TRANCHE/PHASE | all")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf",
                   help="the PDF to write (a folder with --split)")
    p.add_argument("--split", action="store_true", help="one file per document, in the folder OUT")
    p.add_argument("--blank", action="store_true", help="attendance: lines to sign instead of the recorded list")
    p.add_argument("--lines", type=int, default=None, metavar="N", help="attendance --blank: number of lines")
    p.add_argument("--printed-on", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                   help="print date shown on the pages (default: today)")
    p.set_defaults(run=cmd_print)


def cmd_print(ctx: Any) -> int:
    from .reports.batch import build_batch

    args = ctx.args
    options: dict[str, Any] = {}
    if args.kind == "attendance":
        options = {"blank": args.blank, "lines": args.lines}
    db = ctx.open()
    result = build_batch(db, args.kind, args.ids, args.output, ctx.lang, split=args.split,
                         printed_on=args.printed_on, **options)
    where = args.output if not args.split else f"{args.output} ({len(result.files)})"
    ctx.say(f"Écrit : {where} — {result.documents} document(s)", f"تمت الكتابة: {where} — {result.documents} وثيقة")
    return 0
