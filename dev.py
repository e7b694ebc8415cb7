#!/usr/bin/env python3
"""Set everything up in ./.venv, then open the app or run the tests.

    python3 dev.py app     # install if needed (the desktop extra), open Murafaqa Desktop
    python3 dev.py test    # install if needed (the dev extra: desktop, server, test tools), run the whole suite

Only the Python standard library is used here, so a fresh machine with
Python 3.11+ needs nothing else. Extra arguments go to the app or to pytest.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_env(extras: str) -> None:
    """Create the virtual environment and install the project once per
    change of pyproject.toml (a stamp file remembers what was installed)."""
    # dev.py runs under whatever Python the user has, before any environment exists
    if sys.version_info < (3, 11):  # noqa: UP036
        sys.exit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{extras}-{digest}"
    if not stamp.exists():
        print(f"Installing Murafaqa Desktop [{extras}] …", flush=True)
        target = f".[{extras}]"
        for step in (["install", "--quiet", "--upgrade", "pip"], ["install", "--quiet", "-e", target]):
            if subprocess.call([str(PYTHON), "-m", "pip", *step], cwd=ROOT) != 0:
                sys.exit("Installation failed (pip's message is above); nothing else was changed.")
        stamp.touch()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "app":
        ensure_env("desktop")
        return subprocess.call([str(PYTHON), "-m", "murafaqa_desktop", *rest], cwd=ROOT)
    ensure_env("dev")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
