"""``murafaqa``: with a command it works headless; without one it opens the window.

``murafaqa [--db FILE] [--lang ar|fr]`` (no command) is the window on that
database; a word after those options is a command, known or not (a typo is
said in one line rather than a window opened in a terminal)."""
from __future__ import annotations

import sys
from collections.abc import Sequence

from . import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--smoke-test"]:
        from .ui.smoke import run as smoke_test

        return smoke_test()
    if cli.wants_command(args):
        return cli.main(args)
    from .ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
