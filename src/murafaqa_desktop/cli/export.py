"""``murafaqa export``: the programme to Excel (or CSV) for head office.

    murafaqa export OUT.xlsx [--format xlsx|csv] [--region R] [--tranche T] [--phase P] [--lang ar|fr]

One workbook, a sheet per table, headers in the language of ``--lang``;
``--format csv`` writes a new folder OUT of CSV files instead. Bad input
(an unknown region, a folder that does not exist): exit 2, one line, and no
file (the output is written under a temporary name and renamed when whole).
"""
from __future__ import annotations

from pathlib import Path

from .context import Context
from .usage import EXIT_OK, Parser, Subcommands


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser("export", parents=[common],
                       help="export every table to an Excel workbook (or a folder of CSV files)",
                       description="One sheet per table (cooperatives, diagnoses, plans, sessions, trainings, "
                                   "financing, indicators); the filters select cooperatives, their rows follow "
                                   "them, training sessions follow the region.")
    p.add_argument("out", type=Path, metavar="OUT", help="the .xlsx file, or with --format csv a new folder")
    p.add_argument("--format", choices=("xlsx", "csv"), default="xlsx", dest="fmt",
                   help="xlsx (default) or csv (UTF-8 with a byte-order mark, one file per sheet)")
    p.add_argument("--region", metavar="CODE_OR_NAME")
    p.add_argument("--tranche", type=int, metavar="N")
    p.add_argument("--phase", type=int, metavar="N")
    p.set_defaults(run=cmd_export)


def cmd_export(ctx: Context) -> int:
    from ..services.export import export

    args = ctx.args
    result = export(ctx.open(), args.out, lang=ctx.lang, fmt=args.fmt, region=args.region,
                    tranche=args.tranche, phase=args.phase)
    sheets = len(result.sheets)
    ctx.say(f"Écrit : {result.path} — {sheets} feuille(s), {result.rows} ligne(s)",
            f"تمت الكتابة: {result.path} — {sheets} ورقة، {result.rows} سطر")
    return EXIT_OK
