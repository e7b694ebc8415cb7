"""``murafaqa check|backup|restore``: the database's health and its copies."""
from __future__ import annotations

from pathlib import Path

from .context import Context
from .usage import EXIT_OK, EXIT_PROBLEMS, Parser, Subcommands


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser("check", parents=[common], help="check the database's integrity (exit 1 on problems)")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("backup", parents=[common],
                       help="write a consistent copy of the database (safe while the app runs)")
    p.add_argument("out", type=Path, metavar="OUT", help="a file, or a folder for a dated file")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="replace the database with a backup (the old one is kept)")
    p.add_argument("file", type=Path, metavar="BACKUP")
    p.set_defaults(run=cmd_restore)


def cmd_check(ctx: Context) -> int:
    from ..store.integrity import problems

    found = problems(ctx.open())
    for line in found:
        print(line)
    if found:
        return EXIT_PROBLEMS
    ctx.say(f"{ctx.db_path} : aucune anomalie", f"{ctx.db_path}: لا توجد أي مشكلة")
    return EXIT_OK


def cmd_backup(ctx: Context) -> int:
    from ..store.backup import backup_to, default_backup_name

    target: Path = ctx.args.out
    if target.is_dir():
        target = target / default_backup_name()
    backup_to(ctx.open(), target)
    ctx.say(f"Sauvegarde écrite : {target}", f"تم حفظ النسخة الاحتياطية: {target}")
    return EXIT_OK


def cmd_restore(ctx: Context) -> int:
    from ..store import keys
    from ..store.backup import opens_with, restore_from, unlock_backup
    from .passphrases import backup_secret

    ctx.unlock()  # an encrypted database is restored with its own key
    source_key = None
    if ctx.args.file.is_file() and not opens_with(ctx.args.file, keys.key_for(ctx.db_path)):
        # made on another laptop (a lost one): its key file beside it, and
        # the passphrase that laptop had, or its recovery key
        backup_key = unlock_backup(ctx.args.file, backup_secret(ctx.lang, ctx.args.file))
        source_key = backup_key
    previous = restore_from(ctx.args.file, ctx.db_path, source_key=source_key)
    ctx.say(f"Base restaurée depuis {ctx.args.file}" + (f" (ancienne base gardée : {previous})" if previous else "")
            + " ; avant de synchroniser, enrôlez de nouveau ce portable (murafaqa sync le demande)",
            f"تمت الاستعادة من {ctx.args.file}" + (f" (القاعدة السابقة محفوظة: {previous})" if previous else "")
            + "؛ قبل المزامنة، سجّل هذا الحاسوب من جديد")
    return EXIT_OK
