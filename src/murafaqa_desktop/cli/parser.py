"""The parser: ``murafaqa [--db FILE] [--lang ar|fr] COMMAND … [--db FILE] [--lang ar|fr]``.

Each group of commands registers itself from its own module; the global
options are accepted before the command and after it (after wins)."""
from __future__ import annotations

import argparse
from types import ModuleType

from .. import __version__
from . import export as export_commands
from . import maintenance, printing, programme, records, security, selection, sync
from .usage import Parser

GROUPS: tuple[ModuleType, ...] = (records, maintenance, security, printing, sync, programme, export_commands,
                                  selection)


def _global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="database file (default: the app's data folder)")
    parser.add_argument("--lang", choices=("ar", "fr"), default=default, help="language of messages")


def build_parser() -> Parser:
    # After the command, an option not given must not hide the same option given before it.
    common = Parser(add_help=False)
    _global_options(common, default=argparse.SUPPRESS)
    parser = Parser(prog="murafaqa", description="Murafaqa Desktop — command line "
                                                 "(with no command: the window)")
    _global_options(parser, default=None)
    parser.add_argument("--version", action="version", version=f"murafaqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in GROUPS:
        group.register(sub, common)
    return parser


def command_names() -> list[str]:
    """The commands the parser knows, in the order of --help."""
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)
