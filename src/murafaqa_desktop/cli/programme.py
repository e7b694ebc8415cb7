"""``murafaqa list|dashboard``: the programme across cooperatives.

    murafaqa list [--region R] [--province P] [--tranche T] [--phase P] [--coach NAME]
                  [--status S] [--overdue] [--stage S] [--at YYYY-MM-DD] [--json]
    murafaqa dashboard [--region R] [--province P] [--tranche T] [--phase P] [--coach NAME]
                       [--at YYYY-MM-DD] --json

``list`` prints every cooperative of the scope with the list's columns;
``dashboard`` prints every figure of the dashboard page (``Dashboard.as_dict``).
A region, province, tranche, phase, status or stage the programme does not
know: exit 2, one line, in the user's language.
"""
from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from ..domain.dashboard import STAGES
from ..domain.vocab import PROGRAMME_STATUS, label
from .context import Context
from .output import print_json
from .usage import EXIT_OK, Parser, Subcommands, UsageError, date_arg

SCOPE = ("region", "province", "tranche", "phase", "coach")
LIST_ONLY = ("status", "overdue", "stage")
# What ``list --json`` gives of each cooperative: the list window's columns.
LIST_COLUMNS = ("id", "registration_number", "name_ar", "name_fr", "region", "province", "tranche", "phase",
                "status", "coach", "eligible", "sessions_done", "next_due")
_SELECT = ("c.id, c.registration_number, c.name_ar, c.name_fr, c.region, c.province, c.tranche, c.phase, c.status, "
           "c.coach, c.legal_date, c.activity_start, c.application_date, coalesce(p.done, 0) AS sessions_done, "
           "p.next_due")


def _scope_options(p: Parser) -> None:
    p.add_argument("--region", metavar="R", help="region code (01-12) or name")
    p.add_argument("--province", metavar="P", help="province code or name")
    p.add_argument("--tranche", metavar="T", help="tranche, 1-4")
    p.add_argument("--phase", metavar="P", help="phase of the tranche, 1-2")
    p.add_argument("--coach", metavar="NAME", help="the coach's name, as the cooperatives record it")
    p.add_argument("--at", type=date_arg, metavar="YYYY-MM-DD", help="the day overdue is read against (today)")
    p.add_argument("--json", action="store_true")


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser("list", parents=[common], help="every cooperative of a scope, with the list's columns")
    _scope_options(p)
    p.add_argument("--status", metavar="S", help=f"programme status ({', '.join(PROGRAMME_STATUS)})")
    p.add_argument("--overdue", action="store_true", help="only those whose next coaching session is overdue")
    p.add_argument("--stage", metavar="S", help=f"only those at a stage of the pipeline ({', '.join(STAGES)})")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("dashboard", parents=[common], help="every figure of the dashboard for a scope")
    _scope_options(p)
    p.set_defaults(run=cmd_dashboard)


def _bad(ctx: Context, fr: str, ar: str) -> UsageError:
    command = ctx.args.command
    if ctx.lang == "ar":
        return UsageError(f"murafaqa {command}: {ar}")
    return UsageError(f"murafaqa {command} : {fr}")


def _number(ctx: Context, option: str, text: str | None, allowed: list[int]) -> int | None:
    if text is None:
        return None
    value = text.strip()
    if not value.isdigit() or int(value) not in allowed:
        shown = ", ".join(map(str, allowed))
        raise _bad(ctx, f"--{option} {text!r} inconnue (valeurs : {shown})",
                   f"--{option} «{text}» غير معروفة (القيم: {shown})")
    return int(value)


def filters(ctx: Context) -> dict[str, Any]:
    """The list filter the options name, checked against the reference data:
    a value the programme does not know is refused, never read as "none"."""
    from .. import assets

    ref = assets.reference()
    args: argparse.Namespace = ctx.args
    chosen: dict[str, Any] = {}
    if args.region is not None:
        chosen["region"] = ref.region_code(args.region)
        if chosen["region"] is None:
            raise _bad(ctx, f"région inconnue : {args.region!r} (un code 01-12 ou un nom)",
                       f"جهة غير معروفة: «{args.region}» (رمز من 01 إلى 12 أو اسم)")
    if args.province is not None:
        chosen["province"] = ref.province_code(args.province, chosen.get("region"))
        if chosen["province"] is None:
            raise _bad(ctx, f"province inconnue : {args.province!r}", f"إقليم غير معروف: «{args.province}»")
    chosen["tranche"] = _number(ctx, "tranche", args.tranche, sorted(ref.tranches))
    phases = sorted({phase for t in ref.tranches.values() for phase, _ in t.phases
                     if chosen["tranche"] in (None, t.number)})
    if args.phase is not None and not phases:
        raise _bad(ctx, f"la tranche {chosen['tranche']} n'a pas de phases",
                   f"الشطر {chosen['tranche']} لا يتضمن مراحل")
    chosen["phase"] = _number(ctx, "phase", args.phase, phases)
    if args.coach is not None:
        chosen["coach"] = args.coach.strip() or None
    for name, allowed in (("status", tuple(PROGRAMME_STATUS)), ("stage", STAGES)):
        value = getattr(args, name, None)
        if value is not None and value not in allowed:
            shown = ", ".join(allowed)
            raise _bad(ctx, f"--{name} {value!r} inconnu (valeurs : {shown})",
                       f"--{name} «{value}» غير معروف (القيم: {shown})")
        if value is not None:
            chosen[name] = value
    if getattr(args, "overdue", False):
        chosen["overdue"] = True
    return {k: v for k, v in chosen.items() if v is not None}


def cmd_list(ctx: Context) -> int:
    from ..services.cooperatives import eligibility_of
    from ..store import cooperatives as store

    chosen = filters(ctx)
    at: dt.date = ctx.args.at or dt.date.today()
    rows = store.page(ctx.open(), store.CooperativeFilter(**chosen, as_of=at), limit=-1, columns=_SELECT)
    # eligible at the application date, as the list window shows it (``--at`` when there is none)
    listed: list[dict[str, Any]] = [{**{k: r.get(k) for k in LIST_COLUMNS if k != "eligible"},
               "eligible": eligibility_of(r, None if r["application_date"] else at).eligible} for r in rows]
    if ctx.args.json:
        print_json([{k: r[k] for k in LIST_COLUMNS} for r in listed])
        return EXIT_OK
    for r in listed:
        name = r["name_ar"] if ctx.lang == "ar" else (r["name_fr"] or r["name_ar"])
        tranche = f"T{r['tranche']}" + (f"/P{r['phase']}" if r["phase"] else "") if r["tranche"] else "-"
        print("\t".join([r["registration_number"], name or "-", r["region"], tranche,
                         label(PROGRAMME_STATUS, r["status"], ctx.lang) or "-", r["coach"] or "-",
                         f"{r['sessions_done']}/12", r["next_due"] or "-"]))
    ctx.say(f"{len(listed)} coopérative(s)", f"{len(listed)} تعاونية")
    return EXIT_OK


def cmd_dashboard(ctx: Context) -> int:
    from ..domain.dashboard import Scope
    from ..services import dashboard

    chosen = filters(ctx)
    page = dashboard.figures(ctx.open(), Scope(**chosen), ctx.args.at)
    if ctx.args.json:
        print_json(page.as_dict())
        return EXIT_OK
    stages = page.pipeline.stages
    ctx.say("Parcours : " + ", ".join(f"{s} {c.value}" for s, c in stages.items()),
            "المسار: " + "، ".join(f"{s} {c.value}" for s, c in stages.items()))
    c = page.coaching
    ctx.say(f"Séances : {c.held} tenues / {c.due} dues, {c.on_time} à temps ; "
            f"{c.overdue.value} coopérative(s) en retard",
            f"الحصص: {c.held} منجزة / {c.due} مستحقة، {c.on_time} في وقتها؛ {c.overdue.value} تعاونية متأخرة")
    ctx.say(f"Formation collective : {page.training.participants} participant(s)",
            f"التكوين الجماعي: {page.training.participants} مشارك")
    return EXIT_OK
