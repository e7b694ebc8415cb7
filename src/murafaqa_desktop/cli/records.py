"""``murafaqa demo|import|search|show``: filling a database and reading it.
Thin: the services and the store do the work."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..domain.vocab import PROGRAMME_STATUS, label
from .context import Context
from .output import print_json
from .usage import EXIT_OK, Parser, Subcommands, date_arg, positive_arg


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser("demo", parents=[common], help="fill an empty database with a demo programme")
    p.add_argument("--cooperatives", type=positive_arg, default=2000, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--unencrypted", action="store_true",
                   help="make a new database in clear (benchmarks, tests); otherwise it is encrypted")
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("import", parents=[common], help="import a list of cooperatives (.csv or .xlsx)")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check and report without writing")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("search", parents=[common], help="search cooperatives by name, president, commune, number")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=positive_arg, default=50)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("show", parents=[common], help="one cooperative with eligibility, score, plan, sessions")
    p.add_argument("id", metavar="ID_OR_REGISTRATION_NUMBER")
    p.add_argument("--json", action="store_true")
    p.add_argument("--at", type=date_arg, metavar="YYYY-MM-DD", help="assess eligibility at this date")
    p.set_defaults(run=cmd_show)


def cmd_demo(ctx: Context) -> int:
    from ..services import demo

    db = ctx.open(create=True)
    summary = demo.generate(db, ctx.args.cooperatives, ctx.args.seed)
    counts = ", ".join(f"{k}={v}" for k, v in summary.counts.items())
    ctx.say(f"Démonstration chargée dans {ctx.db_path} en {summary.seconds} s : {counts}",
            f"تم تحميل بيانات العرض في {ctx.db_path} خلال {summary.seconds} ث: {counts}")
    return EXIT_OK


def cmd_import(ctx: Context) -> int:
    from ..services.importer import ImportRefused, ignored_columns_line, import_file, more_errors_line, shown_errors

    db = ctx.open(create=True)
    try:
        report = import_file(db, ctx.args.file, dry_run=ctx.args.dry_run, lang=ctx.lang)
    except ImportRefused as e:
        for line in shown_errors(e.report):
            print(line, file=sys.stderr)
        more = more_errors_line(e.report, ctx.lang)
        if more:
            print(more, file=sys.stderr)
        raise
    ignored = ignored_columns_line(report, ctx.lang)
    if ignored:
        print(ignored)
    prefix_fr = "Simulation (rien n'est écrit) : " if report.dry_run else ""
    prefix_ar = "محاكاة (لا شيء يكتب): " if report.dry_run else ""
    ctx.say(f"{prefix_fr}{report.created} créée(s), {report.updated} mise(s) à jour, {report.unchanged} inchangée(s)",
            f"{prefix_ar}{report.created} جديدة، {report.updated} محينة، {report.unchanged} دون تغيير")
    return EXIT_OK


def _brief(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("id", "registration_number", "name_ar", "name_fr", "region", "province",
                                    "tranche", "phase", "status")}


def cmd_search(ctx: Context) -> int:
    from ..store import cooperatives as store

    rows = [_brief(r) for r in store.search_rows(ctx.open(), ctx.args.text, limit=ctx.args.limit)]
    if ctx.args.json:
        print_json(rows)
        return EXIT_OK
    for r in rows:
        name = r["name_ar"] if ctx.lang == "ar" else (r["name_fr"] or r["name_ar"])
        print(f"{r['registration_number']}\t{name}\t{r['region']}\tT{r['tranche'] or '-'}")
    if not rows:
        ctx.say("Aucune coopérative trouvée", "لم يتم العثور على أي تعاونية")
    return EXIT_OK


def cmd_show(ctx: Context) -> int:
    from ..services import cooperatives

    record = cooperatives.file(ctx.open(), ctx.args.id, at=ctx.args.at)
    if ctx.args.json:
        print_json(record)
        return EXIT_OK
    c, el = record["cooperative"], record["eligibility"]
    lang = ctx.lang
    name = c["name_ar"] if lang == "ar" else (c["name_fr"] or c["name_ar"])
    prog = record["coaching"]["progress"]
    print(f"{c['registration_number']} — {name}")
    print(f"  {c['region']} / {c['province'] or '-'} / {c['commune'] or '-'} — T{c['tranche'] or '-'}"
          f"{'/P' + str(c['phase']) if c['phase'] else ''} — {label(PROGRAMME_STATUS, c['status'], lang)}")
    if el["eligible"]:
        ctx.say(f"  Éligible au {el['at']}", f"  مؤهلة في {el['at']}")
    else:
        ctx.say(f"  NON éligible au {el['at']} :", f"  غير مؤهلة في {el['at']}:")
        for reason in el["reasons"]:
            print(f"    - {reason[lang]}")
    ctx.say(f"  Score de sélection : {record['selection']['score']} / 100",
            f"  نقطة الانتقاء: {record['selection']['score']} / 100")
    ctx.say(f"  Plan : {len(record['plan'])} action(s) ; séances : {prog['done']} / 12"
            f"{' — EN RETARD depuis le ' + prog['next_due'] if prog['overdue'] else ''}",
            f"  المخطط: {len(record['plan'])} إجراء؛ الحصص: {prog['done']} / 12"
            f"{' — متأخرة منذ ' + prog['next_due'] if prog['overdue'] else ''}")
    return EXIT_OK
