"""``murafaqa``: with a command it works headless; without one it opens the window."""
from __future__ import annotations

import sys
from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--smoke-test"]:
        from .ui.smoke import run as smoke_test

        return smoke_test()
    from . import cli

    if args and (args[0] in cli.command_names() or args[0] in ("-h", "--help", "--version")):
        return cli.main(args)
    from .ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
