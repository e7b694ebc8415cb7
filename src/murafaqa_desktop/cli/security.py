"""``murafaqa passphrase change|encrypt``: the encrypted database's
passphrase, and encrypting one made in clear by an earlier version."""
from __future__ import annotations

from ..domain.errors import DomainError
from .context import Context
from .passphrases import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, new_passphrase, passphrase, say_recovery_key
from .usage import EXIT_OK, Parser, Subcommands


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser("passphrase", parents=[common],
                       help="change the passphrase of the encrypted database (the data is not re-encrypted)")
    p.add_argument("action", choices=("change",))
    p.set_defaults(run=cmd_passphrase)

    p = sub.add_parser("encrypt", parents=[common],
                       help="encrypt a database made in clear by an earlier version, in place and safely")
    p.set_defaults(run=cmd_encrypt)


def cmd_passphrase(ctx: Context) -> int:
    from ..store import keys
    from ..store.db import is_encrypted

    key_file = keys.key_path(ctx.db_path)
    if not is_encrypted(ctx.db_path) or not key_file.exists():
        raise DomainError("not_encrypted", f"La base {ctx.db_path} n'est pas chiffrée (murafaqa encrypt).",
                          f"قاعدة البيانات {ctx.db_path} غير مشفرة (murafaqa encrypt).")
    db_key = keys.unlock(key_file, passphrase(ctx.lang, ctx.db_path))
    keys.change_passphrase(key_file, db_key, new_passphrase(ctx.lang, NEW_PASSPHRASE_ENV))
    ctx.say("Phrase secrète changée (les données n'ont pas été réécrites, la clé de secours reste valable).",
            "تم تغيير العبارة السرية (لم تُعد كتابة البيانات، ومفتاح الاستعادة ما زال صالحًا).")
    return EXIT_OK


def cmd_encrypt(ctx: Context) -> int:
    from ..store import keys
    from ..store.db import is_plain
    from ..store.encrypt import encrypt_in_place

    if not is_plain(ctx.db_path):
        raise DomainError("not_plain", f"La base {ctx.db_path} n'existe pas ou est déjà chiffrée.",
                          f"قاعدة البيانات {ctx.db_path} غير موجودة أو مشفرة من قبل.")
    key_file = keys.key_path(ctx.db_path)
    if key_file.exists():  # an earlier attempt stopped after the key was made: the same key
        db_key = keys.unlock(key_file, passphrase(ctx.lang, ctx.db_path))
    else:
        db_key, recovery = keys.create(key_file, new_passphrase(ctx.lang, PASSPHRASE_ENV))
        say_recovery_key(ctx.lang, recovery)
    encrypt_in_place(ctx.db_path, db_key)
    ctx.say(f"Base chiffrée : {ctx.db_path}", f"تم تشفير قاعدة البيانات: {ctx.db_path}")
    return EXIT_OK
