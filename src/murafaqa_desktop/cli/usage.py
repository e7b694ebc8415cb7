"""What bad input on the command line becomes: one line and exit code 2.

The parser class, the argument types and the exit codes every command
module shares."""
from __future__ import annotations

import argparse
import datetime as dt
from typing import NoReturn, TypeAlias

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input on the command line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, no usage dump
        raise UsageError(f"{self.prog}: {message} (see --help)")


# What each command module's ``register`` adds its commands to.
Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def positive_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def unknown_command(word: str, lang: str) -> UsageError:
    if lang == "ar":
        return UsageError(f"murafaqa: أمر غير معروف «{word}» (murafaqa --help يعرض الأوامر)")
    return UsageError(f"murafaqa : commande inconnue « {word} » (murafaqa --help donne la liste)")
