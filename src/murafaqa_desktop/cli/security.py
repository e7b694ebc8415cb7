"""``murafaqa passphrase change|encrypt`` and the passphrase every command
on an encrypted database asks for: from ``MURAFAQA_PASSPHRASE``, or typed
at a terminal (never echoed); with neither, one line and exit 2."""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ..domain.errors import DomainError
from .context import Context
from .usage import EXIT_OK, Parser, Subcommands

PASSPHRASE_ENV = "MURAFAQA_PASSPHRASE"
NEW_PASSPHRASE_ENV = "MURAFAQA_NEW_PASSPHRASE"


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser("passphrase", parents=[common],
                       help="change the passphrase of the encrypted database (the data is not re-encrypted)")
    p.add_argument("action", choices=("change",))
    p.set_defaults(run=cmd_passphrase)

    p = sub.add_parser("encrypt", parents=[common],
                       help="encrypt a database made in clear by an earlier version, in place and safely")
    p.set_defaults(run=cmd_encrypt)


def _typed(lang: str, fr: str, ar: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass((ar if lang == "ar" else fr) + " ")


def passphrase(lang: str, db_path: Path) -> str:
    """The passphrase of the database at db_path (the environment first)."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given is None:
        given = _typed(lang, "Phrase secrète :", "العبارة السرية:")
    if given is None:
        raise DomainError("no_passphrase",
                          f"La base {db_path} est chiffrée : donnez sa phrase secrète dans {PASSPHRASE_ENV} "
                          "ou lancez la commande dans un terminal.",
                          f"قاعدة البيانات {db_path} مشفرة: ضع عبارتها السرية في {PASSPHRASE_ENV} "
                          "أو شغّل الأمر في طرفية.")
    return given


def new_passphrase(lang: str, env: str) -> str:
    """A passphrase being chosen: from env, or typed twice at a terminal."""
    from ..store.keys import MIN_PASSPHRASE, check_passphrase

    given = os.environ.get(env)
    if given is None:
        rule_fr = f"au moins {MIN_PASSPHRASE} caractères"
        rule_ar = f"{MIN_PASSPHRASE} أحرف على الأقل"
        given = _typed(lang, f"Nouvelle phrase secrète ({rule_fr}) :", f"العبارة السرية الجديدة ({rule_ar}):")
        if given is not None and given != _typed(lang, "Répétez-la :", "أعدها:"):
            raise DomainError("passphrase_mismatch", "Les deux saisies diffèrent : rien n'a été changé.",
                              "الإدخالان مختلفان: لم يُغيَّر أي شيء.")
    if given is None:
        raise DomainError("no_passphrase",
                          f"Donnez la nouvelle phrase secrète dans {env} ou lancez la commande dans un terminal.",
                          f"ضع العبارة السرية الجديدة في {env} أو شغّل الأمر في طرفية.")
    check_passphrase(given)
    return given


def say_recovery_key(ctx: Context, recovery: str) -> None:
    """Shown once, on standard error (what a command prints on standard
    output may be read by a program): the coach writes it down."""
    print(ctx.say_text(f"Clé de secours (à garder en lieu sûr, elle ouvre la base si la phrase secrète "
                       f"est oubliée) : {recovery}",
                       f"مفتاح الاستعادة (احفظه في مكان آمن، فهو يفتح القاعدة إذا نُسيت العبارة السرية): "
                       f"{recovery}"), file=sys.stderr)


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
        say_recovery_key(ctx, recovery)
    encrypt_in_place(ctx.db_path, db_key)
    ctx.say(f"Base chiffrée : {ctx.db_path}", f"تم تشفير قاعدة البيانات: {ctx.db_path}")
    return EXIT_OK
