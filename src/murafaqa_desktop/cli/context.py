"""What every command gets: the parsed arguments, the language of its
messages and the database it works on."""
from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from ..domain.errors import DomainError

if TYPE_CHECKING:
    from sqlite_utils import Database


def cli_lang(explicit: str | None = None) -> str:
    value = explicit or os.environ.get("MURAFAQA_LANG") or os.environ.get("LANG", "")
    return "ar" if value.lower().startswith("ar") else "fr"


@dataclass
class Context:
    args: argparse.Namespace
    lang: str
    db_path: Path
    opened: list[Database] = field(default_factory=list)

    @classmethod
    def of(cls, args: argparse.Namespace) -> Context:
        db = getattr(args, "db", None)
        return cls(args, cli_lang(getattr(args, "lang", None)), Path(db) if db else paths.default_db_path())

    def open(self, *, create: bool = False) -> Database:
        from ..store.db import open_db

        if not create and not self.db_path.exists():
            raise DomainError(
                "no_database",
                f"Pas de base à {self.db_path} (créez-la avec « murafaqa demo » ou « murafaqa import »)",
                f"لا توجد قاعدة بيانات في {self.db_path} (أنشئها بـ «murafaqa demo» أو «murafaqa import»)")
        if create:
            paths.make_private_dir(self.db_path.parent)
        db = open_db(self.db_path, key=self.unlock(create), unencrypted=bool(getattr(self.args, "unencrypted", False)))
        self.opened.append(db)
        return db

    def unlock(self, create: bool = False) -> bytes | None:
        """The database key, remembered for the connections this command
        opens: unlocked with the passphrase when the database is encrypted,
        made (with its recovery key, said once) when a new database is
        created encrypted; None for a plain one."""
        from ..store import keys
        from ..store.db import is_encrypted, is_plain, unencrypted_allowed
        from .passphrases import PASSPHRASE_ENV, new_passphrase, passphrase, say_recovery_key

        key_file = keys.key_path(self.db_path)
        if is_plain(self.db_path):
            return None
        if key_file.exists():
            db_key = keys.unlock(key_file, passphrase(self.lang, self.db_path))
            keys.remember(self.db_path, db_key)
            return db_key
        if is_encrypted(self.db_path) or not create:
            return None  # bytes open_db will say it cannot read
        if getattr(self.args, "unencrypted", False) or unencrypted_allowed():
            return None
        db_key, recovery = keys.create(key_file, new_passphrase(self.lang, PASSPHRASE_ENV))
        say_recovery_key(self.lang, recovery)
        keys.remember(self.db_path, db_key)
        return db_key

    def after_failure(self) -> None:
        """A command that failed leaves no large WAL behind (a failed demo or
        import on a full disk would otherwise keep it full)."""
        from ..store.db import truncate_wal

        for db in self.opened:
            truncate_wal(db)

    def say(self, fr: str, ar: str) -> None:
        print(ar if self.lang == "ar" else fr)


# A command: what it prints goes to standard output, its exit code back.
Command = Callable[[Context], int]
