"""The headless command line: ``murafaqa [--db FILE] [--lang ar|fr] COMMAND …``.

Thin: parse, call the services, turn errors into one line in the user's
language. One module per group of commands (``records``, ``maintenance``,
``printing``, ``sync``, ``export``), each with ``register(sub, common)`` and
``cmd_*(ctx: Context) -> int``; ``parser`` puts them together and ``run``
runs one.

The window's start passes through this package (``__main__`` asks
``wants_command``), so importing it costs nothing: ``main`` loads the
parser and the commands only to run one.
"""
from __future__ import annotations

from collections.abc import Sequence

from .argv import COMMANDS, wants_command

__all__ = ["COMMANDS", "main", "wants_command"]


def main(argv: Sequence[str] | None = None) -> int:
    from .run import run

    return run(argv)
