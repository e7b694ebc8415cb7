"""``murafaqa print``: the printed documents from the command line.

    murafaqa print diagnostic|plan|session|attendance|progress ID… -o OUT.pdf [--lang ar|fr]
    murafaqa print ranking|minutes|letters CALL -o OUT.pdf [--lang ar|fr] [--region R]

Several ids make one PDF (``--split``: one file each in the folder OUT). An
unknown id or a path that cannot be written: exit 2, one line, and no file
(every file is written under a temporary name and renamed when complete).
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..reports.documents import CALL_KINDS, KINDS
from .context import Context
from .usage import EXIT_OK, Parser, Subcommands, UsageError

if TYPE_CHECKING:
    from sqlite_utils import Database


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser(
        "print", parents=[common], help="print documents to PDF (diagnostic sheets, plans, reports)",
        description="diagnostic|plan ID_OR_REGISTRATION…; session SESSION_ID or COOP:NUMBER…; "
                    "attendance TRAINING_SESSION_ID… [--blank]; progress TRANCHE | TRANCHE/PHASE | all; "
                    "ranking|minutes|letters CALL_ID [--region R] (letters: one per cooperative, in one PDF). "
                    "--lang ar|fr is the language of the documents (and of the messages).")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf",
                   help="the PDF to write (a folder with --split)")
    p.add_argument("--split", action="store_true", help="one file per document, in the folder OUT")
    p.add_argument("--blank", action="store_true", help="attendance: lines to sign instead of the recorded list")
    p.add_argument("--lines", type=int, default=None, metavar="N", help="attendance --blank: number of lines")
    selection = p.add_argument_group("a selection instead of ids (diagnostic, plan)")
    selection.add_argument("--region", metavar="CODE",
                           help="region code, 01-12 (ranking, minutes, letters: one region of the call)")
    selection.add_argument("--tranche", type=int, metavar="N")
    selection.add_argument("--phase", type=int, metavar="N")
    selection.add_argument("--status", metavar="CODE", help="programme status (applied, coaching, …)")
    committee = p.add_argument_group("the committee's minutes")
    committee.add_argument("--member", action="append", default=[], metavar='"NAME — QUALITY"',
                           help="a member of the committee (repeat; without any, blank lines to fill in)")
    committee.add_argument("--held-on", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                           help="the committee's meeting date (default: the print date)")
    p.add_argument("--printed-on", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                   help="print date shown on the pages (default: today)")
    p.set_defaults(run=cmd_print)


def _selection(db: Database, args: argparse.Namespace) -> list[str]:
    """Ids of the cooperatives a selection names (the list's filters)."""
    chosen: dict[str, Any] = {k: getattr(args, k) for k in ("region", "tranche", "phase", "status")
                              if getattr(args, k) is not None}
    if not chosen or args.kind in CALL_KINDS:
        return []
    if args.kind not in ("diagnostic", "plan"):
        raise UsageError(f"murafaqa print {args.kind}: --region/--tranche/--phase/--status select cooperatives, "
                         "for diagnostic and plan only")
    from ..store import cooperatives

    if "region" in chosen and chosen["region"].isdigit():
        chosen["region"] = chosen["region"].zfill(2)
    return cooperatives.ids(db, cooperatives.CooperativeFilter(**chosen))


def cmd_print(ctx: Context) -> int:
    from ..reports.batch import build_batch

    args = ctx.args
    options: dict[str, Any] = {}
    if args.kind == "attendance":
        options = {"blank": args.blank, "lines": args.lines}
    if args.kind == "progress":  # the dashboard's figures as of the date printed: a reprint shows the same
        options = {"today": args.printed_on}
    if args.kind in CALL_KINDS:
        return _print_call_document(ctx, args)
    db = ctx.open()
    keys = list(args.ids) + _selection(db, args)
    if not keys:
        raise UsageError("murafaqa print: give at least one ID, or a selection (--region, --tranche, --phase, "
                         "--status) for diagnostic and plan (see --help)")
    result = build_batch(db, args.kind, keys, args.output, ctx.lang, split=args.split,
                         printed_on=args.printed_on, **options)
    where = args.output if not args.split else f"{args.output} ({len(result.files)})"
    ctx.say(f"Écrit : {where} — {result.documents} document(s)", f"تمت الكتابة: {where} — {result.documents} وثيقة")
    return EXIT_OK


def _print_call_document(ctx: Context, args: argparse.Namespace) -> int:
    """The ranking, the minutes or the letters of one call: a region of it
    with --region; the letters are all of the call's in one PDF."""
    from ..reports.batch import build_batch
    from ..reports.documents import letter_keys

    if len(args.ids) != 1:
        raise UsageError(f"murafaqa print {args.kind}: give one call id (murafaqa call list)")
    if args.split and args.kind != "letters":
        raise UsageError(f"murafaqa print {args.kind}: --split is for the letters only")
    db = ctx.open()
    call_id = args.ids[0]
    if args.kind == "letters":
        keys = letter_keys(db, call_id, args.region)
        options: dict[str, Any] = {"cache": {}}
    else:
        keys = [call_id]
        options = {"region": args.region, "members": args.member, "held_on": args.held_on}
    result = build_batch(db, args.kind, keys, args.output, ctx.lang, split=args.split,
                         printed_on=args.printed_on, **options)
    where = args.output if not args.split else f"{args.output} ({len(result.files)})"
    ctx.say(f"Écrit : {where} — {result.documents} document(s)", f"تمت الكتابة: {where} — {result.documents} وثيقة")
    return EXIT_OK
