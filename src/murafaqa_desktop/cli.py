"""The headless command line: parse, call the services, turn errors into one
line in the user's language and exit code 2. No traceback for bad input."""
from __future__ import annotations

import argparse
import datetime as dt
import errno
import importlib
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn, Sequence

from sqlite_utils import Database

from . import __version__, paths
from .domain.errors import DomainError
from .domain.vocab import PROGRAMME_STATUS, label

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input on the command line."""


class OutputError(Exception):
    """The command's own output could not be written (a full disk, a closed
    pipe, a standard output not open for writing)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error

    def message(self, lang: str) -> str:
        code = self.error.errno
        if code == errno.ENOSPC:
            fr, ar = "le disque est plein", "القرص ممتلئ"
        elif code == errno.EPIPE:
            fr, ar = "le programme qui la lisait s'est arrêté", "توقف البرنامج الذي كان يقرؤها"
        elif code == errno.EBADF:
            fr, ar = "elle n'est pas ouverte en écriture", "ليست مفتوحة للكتابة"
        else:
            fr = ar = self.error.strerror or str(self.error)
        if lang == "ar":
            return f"murafaqa: تعذرت كتابة ناتج الأمر: {ar}"
        return f"murafaqa : impossible d'écrire la sortie de la commande : {fr}"


class _GuardedOutput:
    """Standard output for one command: a failed write raises OutputError,
    told apart from the command's own file errors."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:  # started with its output closed
            raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))
        try:
            return int(self._stream.write(text))
        except OSError as e:
            raise OutputError(e) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as e:
            raise OutputError(e) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, no usage dump
        raise UsageError(f"{self.prog}: {message} (see --help)")


def cli_lang(explicit: str | None = None) -> str:
    value = explicit or os.environ.get("MURAFAQA_LANG") or os.environ.get("LANG", "")
    return "ar" if value.lower().startswith("ar") else "fr"


class Context:
    """What every command gets: the language and the database it works on."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang = cli_lang(getattr(args, "lang", None))
        self.db_path = Path(args.db) if getattr(args, "db", None) else paths.default_db_path()
        self.opened: list[Database] = []

    def open(self, *, create: bool = False) -> Database:
        from .store.db import open_db

        if not create and not self.db_path.exists():
            raise DomainError(
                "no_database",
                f"Pas de base à {self.db_path} (créez-la avec « murafaqa demo » ou « murafaqa import »)",
                f"لا توجد قاعدة بيانات في {self.db_path} (أنشئها بـ «murafaqa demo» أو «murafaqa import»)")
        if create:
            paths.make_private_dir(self.db_path.parent)
        db = open_db(self.db_path)
        self.opened.append(db)
        return db

    def after_failure(self) -> None:
        """A command that failed leaves no large WAL behind (a failed demo or
        import on a full disk would otherwise keep it full)."""
        from .store.db import truncate_wal

        for db in self.opened:
            truncate_wal(db)

    def say(self, fr: str, ar: str) -> None:
        print(ar if self.lang == "ar" else fr)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _dump(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


# -- commands -------------------------------------------------------------

def cmd_demo(ctx: Context) -> int:
    from .services import demo

    db = ctx.open(create=True)
    summary = demo.generate(db, ctx.args.cooperatives, ctx.args.seed)
    counts = ", ".join(f"{k}={v}" for k, v in summary.counts.items())
    ctx.say(f"Démonstration chargée dans {ctx.db_path} en {summary.seconds} s : {counts}",
            f"تم تحميل بيانات العرض في {ctx.db_path} خلال {summary.seconds} ث: {counts}")
    return EXIT_OK


def cmd_import(ctx: Context) -> int:
    from .services.importer import ImportRefused, ignored_columns_line, import_file, more_errors_line, shown_errors

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
    from .store import cooperatives as store

    rows = [_brief(r) for r in store.search_rows(ctx.open(), ctx.args.text, limit=ctx.args.limit)]
    if ctx.args.json:
        _dump(rows)
        return EXIT_OK
    for r in rows:
        name = r["name_ar"] if ctx.lang == "ar" else (r["name_fr"] or r["name_ar"])
        print(f"{r['registration_number']}\t{name}\t{r['region']}\tT{r['tranche'] or '-'}")
    if not rows:
        ctx.say("Aucune coopérative trouvée", "لم يتم العثور على أي تعاونية")
    return EXIT_OK


def cmd_show(ctx: Context) -> int:
    from .services import cooperatives

    record = cooperatives.file(ctx.open(), ctx.args.id, at=ctx.args.at)
    if ctx.args.json:
        _dump(record)
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


def cmd_check(ctx: Context) -> int:
    from .store.integrity import problems

    found = problems(ctx.open())
    for line in found:
        print(line)
    if found:
        return EXIT_PROBLEMS
    ctx.say(f"{ctx.db_path} : aucune anomalie", f"{ctx.db_path}: لا توجد أي مشكلة")
    return EXIT_OK


def cmd_backup(ctx: Context) -> int:
    from .store.backup import backup_to, default_backup_name

    target = ctx.args.out
    if target.is_dir():
        target = target / default_backup_name()
    backup_to(ctx.open(), target)
    ctx.say(f"Sauvegarde écrite : {target}", f"تم حفظ النسخة الاحتياطية: {target}")
    return EXIT_OK


def cmd_restore(ctx: Context) -> int:
    from .store.backup import restore_from

    previous = restore_from(ctx.args.file, ctx.db_path)
    ctx.say(f"Base restaurée depuis {ctx.args.file}" + (f" (ancienne base gardée : {previous})" if previous else "")
            + " ; avant de synchroniser, enrôlez de nouveau ce portable (murafaqa sync le demande)",
            f"تمت الاستعادة من {ctx.args.file}" + (f" (القاعدة السابقة محفوظة: {previous})" if previous else "")
            + "؛ قبل المزامنة، سجّل هذا الحاسوب من جديد")
    return EXIT_OK


Command = Callable[[Context], int]


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="database file (default: the app's data folder)")
    common.add_argument("--lang", choices=("ar", "fr"), help="language of messages")
    parser = _Parser(prog="murafaqa", description="Murafaqa Desktop — command line")
    parser.add_argument("--version", action="version", version=f"murafaqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("demo", parents=[common], help="fill an empty database with a demo programme")
    p.add_argument("--cooperatives", type=_positive, default=2000, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("import", parents=[common], help="import a list of cooperatives (.csv or .xlsx)")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check and report without writing")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("search", parents=[common], help="search cooperatives by name, president, commune, number")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=_positive, default=50)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("show", parents=[common], help="one cooperative with eligibility, score, plan, sessions")
    p.add_argument("id", metavar="ID_OR_REGISTRATION_NUMBER")
    p.add_argument("--json", action="store_true")
    p.add_argument("--at", type=_date, metavar="YYYY-MM-DD", help="assess eligibility at this date")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("check", parents=[common], help="check the database's integrity (exit 1 on problems)")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("backup", parents=[common],
                       help="write a consistent copy of the database (safe while the app runs)")
    p.add_argument("out", type=Path, metavar="OUT", help="a file, or a folder for a dated file")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="replace the database with a backup (the old one is kept)")
    p.add_argument("file", type=Path, metavar="BACKUP")
    p.set_defaults(run=cmd_restore)
    for module in EXTRA_COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{module}").register(sub, common)
    return parser


# Feature areas add their commands in a module of their own with
# ``register(subparsers, common_parent)``; each command's ``run`` takes a Context.
EXTRA_COMMAND_MODULES: tuple[str, ...] = ("cli_print", "cli_sync")


def command_names() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = cli_lang()
    ctx: Context | None = None
    stdout = sys.stdout
    sys.stdout = _GuardedOutput(stdout)  # type: ignore[assignment]
    try:
        args = build_parser().parse_args(argv)
        if not getattr(args, "run", None):
            raise UsageError("murafaqa: a command is needed (see --help)")
        ctx = Context(args)
        lang = ctx.lang
        code = args.run(ctx)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not after the exit code
        return code
    except BaseException as e:
        if ctx is not None:
            ctx.after_failure()
        code = _report(e, lang, stdout)
        if code is None:
            raise
        return code
    finally:
        sys.stdout = stdout


def _report(error: BaseException, lang: str, stdout: Any) -> int | None:
    """One line on stderr in the user's language, and the exit code; None
    for what is not the user's to fix (a bug: its traceback is kept)."""
    from .store.db import disk_full

    def say(fr: str, ar: str) -> None:
        print(ar if lang == "ar" else fr, file=sys.stderr)

    if isinstance(error, KeyboardInterrupt):
        return 130
    if isinstance(error, OutputError):
        print(error.message(lang), file=sys.stderr)
        _silence(stdout)
        return EXIT_USAGE
    if isinstance(error, UsageError):
        print(str(error), file=sys.stderr)
    elif isinstance(error, DomainError):  # ValidationError included
        print(error.message(lang), file=sys.stderr)
    elif (full := disk_full(error)) is not None:
        print(full.message(lang), file=sys.stderr)
    elif isinstance(error, sqlite3.DatabaseError):
        say(f"murafaqa : erreur de la base de données : {error}", f"murafaqa: خطأ في قاعدة البيانات: {error}")
    elif isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        say(f"murafaqa : erreur d'entrée-sortie{where} : {error.strerror or error}",
            f"murafaqa: خطأ في القراءة أو الكتابة{where}: {error.strerror or error}")
    else:
        return None
    return EXIT_USAGE


def _silence(stdout: Any) -> None:
    """What is left in the output's buffer would fail again when Python
    exits, with a second message: the process's own output now goes to the
    null device (only when it is the real standard output)."""
    real = sys.__stdout__
    if real is None or stdout is not real:
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, real.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
