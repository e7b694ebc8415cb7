"""An exception that ends a command becomes one line on standard error, in
the user's language, and an exit code; a bug keeps its traceback."""
from __future__ import annotations

import sys
from typing import TextIO

from ..domain.errors import DomainError
from .output import OutputError, silence
from .usage import EXIT_USAGE, UsageError


def report(error: BaseException, lang: str, stdout: TextIO | None) -> int | None:
    """The exit code once the line is written; None for what is not the
    user's to fix (a bug: its traceback is kept)."""
    from ..store.db import DatabaseError, disk_full

    def say(fr: str, ar: str) -> None:
        print(ar if lang == "ar" else fr, file=sys.stderr)

    if isinstance(error, KeyboardInterrupt):
        return 130
    if isinstance(error, OutputError):
        print(error.message(lang), file=sys.stderr)
        silence(stdout)
        return EXIT_USAGE
    if isinstance(error, UsageError):
        print(str(error), file=sys.stderr)
    elif isinstance(error, DomainError):  # ValidationError included
        print(error.message(lang), file=sys.stderr)
    elif (full := disk_full(error)) is not None:
        print(full.message(lang), file=sys.stderr)
    elif isinstance(error, DatabaseError):
        say(f"murafaqa : erreur de la base de données : {error}", f"murafaqa: خطأ في قاعدة البيانات: {error}")
    elif isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        say(f"murafaqa : erreur d'entrée-sortie{where} : {error.strerror or error}",
            f"murafaqa: خطأ في القراءة أو الكتابة{where}: {error.strerror or error}")
    else:
        return None
    return EXIT_USAGE
