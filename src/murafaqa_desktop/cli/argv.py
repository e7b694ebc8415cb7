"""Reading the command line before any parser exists: which command, if any.

``murafaqa`` opens the window when no command is given, and that start is
measured (``startup_ratio``): deciding must cost nothing, so this module
imports nothing and knows the command names itself (a test keeps them equal
to the parser's). Global options may come before the command, as ``git -C``
users type them: ``murafaqa --db FILE demo`` is the demo, headless.
"""
from __future__ import annotations

from collections.abc import Sequence

# Every command of the parser (cli/parser.py), in the order of --help.
COMMANDS = ("demo", "import", "search", "show", "check", "backup", "restore", "passphrase", "encrypt", "print",
            "sync", "conflicts", "history", "list", "dashboard", "export", "call", "apply", "ranking", "decide",
            "withdraw", "grid")
# The options every command takes, and the window too.
GLOBAL_OPTIONS = ("--db", "--lang")
# Answered by the parser itself, with no command.
PARSER_OPTIONS = ("-h", "--help", "--version")


def _split(argv: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """The global options given first (``--db X``, ``--db=X``, ``--lang X``)
    and what follows them."""
    given: dict[str, str] = {}
    i = 0
    while i < len(argv):
        word = argv[i]
        name, equals, value = word.partition("=")
        if name not in GLOBAL_OPTIONS:
            break
        if not equals:
            if i + 1 >= len(argv):  # a missing value: the parser of whoever runs says so
                break
            i, value = i + 1, argv[i + 1]
        given[name.removeprefix("--")] = value
        i += 1
    return given, list(argv[i:])


def command_word(argv: Sequence[str]) -> str | None:
    """The first word after the global options, or None when there is none
    or it is an option (Qt's own, such as ``-style fusion``, go to the window)."""
    rest = _split(argv)[1]
    if not rest or rest[0].startswith("-"):
        return None
    return rest[0]


def wants_command(argv: Sequence[str]) -> bool:
    """True when argv asks for the command line: a word after the global
    options (an unknown one included, so that a typo is said, not a window
    opened in a terminal), --help/--version, or a command named after an
    option the window does not know (``murafaqa --verbose demo``: the parser
    says which option is wrong). A bare ``murafaqa --db FILE`` is the window
    on that database."""
    rest = _split(argv)[1]
    if command_word(argv) is not None:
        return True
    return bool(rest) and (rest[0] in PARSER_OPTIONS or any(word in COMMANDS for word in rest))


def option_value(argv: Sequence[str], option: str) -> str | None:
    """The last value given to option anywhere in argv (``--lang ar`` or
    ``--lang=ar``), for messages written before the parser has run."""
    found: str | None = None
    for i, word in enumerate(argv):
        name, equals, value = word.partition("=")
        if name != option:
            continue
        if equals:
            found = value
        elif i + 1 < len(argv):
            found = argv[i + 1]
    return found
