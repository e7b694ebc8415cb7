"""The passphrase every command on an encrypted database asks for: from
``MURAFAQA_PASSPHRASE``, or typed at a terminal (never echoed); with
neither, one line and exit 2."""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ..domain.errors import DomainError

PASSPHRASE_ENV = "MURAFAQA_PASSPHRASE"
NEW_PASSPHRASE_ENV = "MURAFAQA_NEW_PASSPHRASE"
# A backup made on another laptop: that laptop's passphrase, or its recovery key.
BACKUP_PASSPHRASE_ENV = "MURAFAQA_BACKUP_PASSPHRASE"


def _pick(lang: str, fr: str, ar: str) -> str:
    return ar if lang == "ar" else fr


def _typed(lang: str, fr: str, ar: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(_pick(lang, fr, ar) + " ")


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


def backup_secret(lang: str, backup: Path) -> str:
    """What opens a backup made on another laptop: the passphrase that laptop
    had when the backup was made, or its recovery key."""
    given = os.environ.get(BACKUP_PASSPHRASE_ENV)
    if given is None:
        given = _typed(lang, "Phrase secrète du poste de la sauvegarde (ou sa clé de secours) :",
                       "العبارة السرية لحاسوب النسخة الاحتياطية (أو مفتاح استعادته):")
    if given is None:
        raise DomainError("no_passphrase",
                          f"La sauvegarde {backup} vient d'un autre poste : donnez la phrase secrète de ce poste "
                          f"(ou sa clé de secours) dans {BACKUP_PASSPHRASE_ENV} ou lancez la commande dans un "
                          "terminal.",
                          f"النسخة الاحتياطية {backup} من حاسوب آخر: ضع العبارة السرية لذلك الحاسوب (أو مفتاح "
                          f"استعادته) في {BACKUP_PASSPHRASE_ENV} أو شغّل الأمر في طرفية.")
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


def say_recovery_key(lang: str, recovery: str) -> None:
    """Shown once, on standard error (what a command prints on standard
    output may be read by a program): the coach writes it down."""
    print(_pick(lang, f"Clé de secours (à garder en lieu sûr, elle ouvre la base si la phrase secrète "
                       f"est oubliée) : {recovery}",
                       f"مفتاح الاستعادة (احفظه في مكان آمن، فهو يفتح القاعدة إذا نُسيت العبارة السرية): "
                       f"{recovery}"), file=sys.stderr)
