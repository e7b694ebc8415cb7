"""``murafaqa call|apply|ranking|decide|grid``: a call for applications, from
its places to the committee's decisions.

    murafaqa call add --tranche T --phase P --places 11=40,06=35 --closes YYYY-MM-DD
                      [--opens YYYY-MM-DD] [--reference-date YYYY-MM-DD] [--title TEXT]
    murafaqa call list [--json]
    murafaqa apply CALL FILE [--dry-run]
    murafaqa ranking CALL [--region R] [--json]
    murafaqa decide CALL REGISTRATION_NUMBER retained|waiting|rejected [--reason TEXT]
    murafaqa withdraw CALL REGISTRATION_NUMBER [--reason TEXT]
    murafaqa grid export CALL -o GRID.xlsx [--region R]
    murafaqa grid import CALL GRID.xlsx [--dry-run]

Bad input (an unknown call, a region the call does not cover, a decision
without its reason, a bad row of a file) exits 2 and changes nothing.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..domain.calls import DECISIONS
from ..domain.vocab import label
from .context import Context
from .output import print_json
from .usage import EXIT_OK, Parser, Subcommands, date_arg


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser("call", parents=[common], help="add or list calls for applications")
    calls_sub = p.add_subparsers(dest="call_command", metavar="add|list", parser_class=Parser, required=True)
    a = calls_sub.add_parser("add", parents=[common], help="a new call; prints its id")
    a.add_argument("--tranche", required=True, metavar="T")
    a.add_argument("--phase", required=True, metavar="P")
    a.add_argument("--places", required=True, metavar="R=N,…", help="places per region code, e.g. 11=40,06=35")
    a.add_argument("--closes", required=True, type=date_arg, metavar="YYYY-MM-DD")
    a.add_argument("--opens", type=date_arg, metavar="YYYY-MM-DD")
    a.add_argument("--reference-date", type=date_arg, metavar="YYYY-MM-DD",
                   help="eligibility is judged at this date (the closing date unless given)")
    a.add_argument("--title", metavar="TEXT")
    a.set_defaults(run=cmd_call_add)
    a = calls_sub.add_parser("list", parents=[common], help="every call with its places")
    a.add_argument("--json", action="store_true")
    a.set_defaults(run=cmd_call_list)

    p = sub.add_parser("apply", parents=[common], help="a call's applications from a CSV or XLSX file")
    p.add_argument("call", metavar="CALL")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check and report without writing")
    p.set_defaults(run=cmd_apply)

    p = sub.add_parser("ranking", parents=[common], help="a call's applications in ranking order, per region")
    p.add_argument("call", metavar="CALL")
    p.add_argument("--region", metavar="R", help="region code or name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_ranking)

    p = sub.add_parser("decide", parents=[common], help="the committee's decision on one application")
    p.add_argument("call", metavar="CALL")
    p.add_argument("registration_number", metavar="REGISTRATION_NUMBER")
    p.add_argument("decision", choices=tuple(DECISIONS))
    p.add_argument("--reason", metavar="TEXT", help="needed when the decision differs from the proposal, "
                                                    "and always for rejected")
    p.add_argument("--by", metavar="NAME", help="who decides (the committee's chair)")
    p.set_defaults(run=cmd_decide)

    p = sub.add_parser("withdraw", parents=[common],
                       help="a retained cooperative withdraws: the first of the waiting list is offered the place")
    p.add_argument("call", metavar="CALL")
    p.add_argument("registration_number", metavar="REGISTRATION_NUMBER")
    p.add_argument("--reason", metavar="TEXT")
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD")
    p.set_defaults(run=cmd_withdraw)

    p = sub.add_parser("grid", parents=[common], help="the committee's rating grid of a call (XLSX)")
    grid_sub = p.add_subparsers(dest="grid_command", metavar="export|import", parser_class=Parser, required=True)
    g = grid_sub.add_parser("export", parents=[common], help="one row per application, the six criteria")
    g.add_argument("call", metavar="CALL")
    g.add_argument("-o", "--output", type=Path, required=True, metavar="GRID.xlsx")
    g.add_argument("--region", metavar="R")
    g.set_defaults(run=cmd_grid_export)
    g = grid_sub.add_parser("import", parents=[common], help="the grid back, all rows or none")
    g.add_argument("call", metavar="CALL")
    g.add_argument("file", type=Path)
    g.add_argument("--dry-run", action="store_true")
    g.set_defaults(run=cmd_grid_import)


def cmd_call_add(ctx: Context) -> int:
    from ..services import calls

    a = ctx.args
    call = calls.create_call(ctx.open(create=True), tranche=a.tranche, phase=a.phase, closes_on=a.closes,
                             places=a.places, opens_on=a.opens, reference_date=a.reference_date, title=a.title)
    print(call.id)
    return EXIT_OK


def _call_json(call: Any) -> dict[str, Any]:
    return {"id": call.id, "tranche": call.tranche, "phase": call.phase, "title": call.title,
            "opens_on": call.opens_on.isoformat() if call.opens_on else None,
            "closes_on": call.closes_on.isoformat(), "reference_date": call.reference_date.isoformat(),
            "places": call.places}


def cmd_call_list(ctx: Context) -> int:
    from ..services import calls

    found = calls.list_calls(ctx.open())
    if ctx.args.json:
        print_json([_call_json(c) for c in found])
        return EXIT_OK
    for c in found:
        places = ",".join(f"{r}={n}" for r, n in sorted(c.places.items()))
        print(f"{c.id}\tT{c.tranche}/P{c.phase}\t{c.closes_on.isoformat()}\t{places}\t{c.title}")
    if not found:
        ctx.say("Aucun appel", "لا يوجد أي طلب لإبداء الاهتمام")
    return EXIT_OK


def _print_refused_rows(e: Any, lang: str) -> None:
    from ..services.importer import more_errors_line, shown_errors

    for line in shown_errors(e.report):
        print(line, file=sys.stderr)
    more = more_errors_line(e.report, lang)
    if more:
        print(more, file=sys.stderr)


def cmd_apply(ctx: Context) -> int:
    from ..services.call_import import apply_file
    from ..services.importer import ImportRefused, ignored_columns_line

    db = ctx.open()
    try:
        report = apply_file(db, ctx.args.call, ctx.args.file, dry_run=ctx.args.dry_run, lang=ctx.lang)
    except ImportRefused as e:
        _print_refused_rows(e, ctx.lang)
        raise
    ignored = ignored_columns_line(report, ctx.lang)
    if ignored:
        print(ignored)
    prefix_fr = "Simulation (rien n'est écrit) : " if report.dry_run else ""
    prefix_ar = "محاكاة (لا شيء يكتب): " if report.dry_run else ""
    ctx.say(f"{prefix_fr}{report.created} candidature(s) nouvelle(s), {report.updated} mise(s) à jour, "
            f"{report.unchanged} inchangée(s) ; {report.cooperatives} coopérative(s) créée(s)",
            f"{prefix_ar}{report.created} ترشيح جديد، {report.updated} محين، {report.unchanged} دون تغيير؛ "
            f"{report.cooperatives} تعاونية جديدة")
    return EXIT_OK


def cmd_ranking(ctx: Context) -> int:
    from ..services import calls

    ranked = calls.ranking(ctx.open(), ctx.args.call, ctx.args.region, lang=ctx.lang)
    if ctx.args.json:
        print_json([r.as_json() for r in ranked])
        return EXIT_OK
    region = None
    for r in ranked:
        if r.region != region:
            region = r.region
            ctx.say(f"Région {region}", f"الجهة {region}")
        rank = str(r.rank) if r.rank is not None else "-"
        proposal = ("P" if r.proposed else f"L{r.waiting_position}" if r.waiting_position else "")
        decision = label(DECISIONS, r.decision, ctx.lang) if r.decision else ""
        reasons = " ; ".join(x[ctx.lang] for x in r.reasons)
        print(f"  {rank}\t{r.registration_number}\t{r.score}\t{proposal}\t{decision}\t{r.name}\t{reasons}".rstrip())
    if not ranked:
        ctx.say("Aucune candidature", "لا يوجد أي ترشيح")
    return EXIT_OK


def cmd_decide(ctx: Context) -> int:
    from ..services import calls

    a = ctx.args
    item = calls.decide(ctx.open(), a.call, a.registration_number, a.decision, a.reason, decided_by=a.by)
    fr, ar = DECISIONS[a.decision]
    ctx.say(f"{item.registration_number} : {fr}", f"{item.registration_number}: {ar}")
    return EXIT_OK


def cmd_withdraw(ctx: Context) -> int:
    from ..services import calls

    a = ctx.args
    offered = calls.withdraw(ctx.open(), a.call, a.registration_number, a.reason, on=a.on)
    ctx.say(f"{a.registration_number} : retrait enregistré", f"{a.registration_number}: تم تسجيل الانسحاب")
    if offered is None:
        ctx.say("Liste d'attente vide : la place reste libre", "لائحة الانتظار فارغة: يبقى المقعد شاغرا")
    else:
        ctx.say(f"Place offerte à {offered.registration_number}",
                f"تم اقتراح المقعد على {offered.registration_number}")
    return EXIT_OK


def cmd_grid_export(ctx: Context) -> int:
    from ..services import grid

    n = grid.export_grid(ctx.open(), ctx.args.call, ctx.args.output, lang=ctx.lang, region=ctx.args.region)
    ctx.say(f"{n} candidature(s) dans {ctx.args.output}", f"{n} ترشيح في {ctx.args.output}")
    return EXIT_OK


def cmd_grid_import(ctx: Context) -> int:
    from ..services import grid
    from ..services.importer import ImportRefused

    try:
        report = grid.import_grid(ctx.open(), ctx.args.call, ctx.args.file, dry_run=ctx.args.dry_run,
                                  lang=ctx.lang)
    except ImportRefused as e:
        _print_refused_rows(e, ctx.lang)
        raise
    prefix_fr = "Simulation (rien n'est écrit) : " if report.dry_run else ""
    prefix_ar = "محاكاة (لا شيء يكتب): " if report.dry_run else ""
    ctx.say(f"{prefix_fr}{report.updated} candidature(s) notée(s) à nouveau, {report.unchanged} inchangée(s)",
            f"{prefix_ar}{report.updated} ترشيح أعيد تنقيطه، {report.unchanged} دون تغيير")
    return EXIT_OK
