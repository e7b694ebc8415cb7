"""Running one command: parse, call it with its Context, and turn what went
wrong into one line in the user's language (exit code 2), never a traceback
for bad input."""
from __future__ import annotations

import sys
from collections.abc import Sequence

from .argv import COMMANDS, command_word, option_value
from .context import Command, Context, cli_lang
from .failures import report
from .output import GuardedOutput
from .parser import build_parser
from .usage import UsageError, unknown_command


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = cli_lang(option_value(argv, "--lang"))
    ctx: Context | None = None
    stdout = sys.stdout
    sys.stdout = GuardedOutput(stdout)
    try:
        word = command_word(argv)
        if word is not None and word not in COMMANDS:
            raise unknown_command(word, lang)
        args = build_parser().parse_args(argv)
        command: Command | None = getattr(args, "run", None)
        if command is None:
            raise UsageError("murafaqa: a command is needed (see --help)")
        ctx = Context.of(args)
        lang = ctx.lang
        code = command(ctx)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not after the exit code
        return code
    except BaseException as e:
        if ctx is not None:
            ctx.after_failure()
        code_or_none = report(e, lang, stdout)
        if code_or_none is None:
            raise
        return code_or_none
    finally:
        sys.stdout = stdout
