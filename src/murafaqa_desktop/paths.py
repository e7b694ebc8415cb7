"""Where this laptop keeps its data.

Mirrors Qt's ``QStandardPaths.AppDataLocation`` for the organisation and
application names the interface sets (``ORGANIZATION``/``APPLICATION``), so
that the command line, which must not load Qt, opens the same database as
the window (a test in tests/ui checks the two agree).
``MURAFAQA_DATA_DIR`` overrides it (tests, a USB stick, a second profile).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = "ODCO"
APPLICATION = "Murafaqa"
DB_FILENAME = "murafaqa.db"
LOG_FILENAME = "murafaqa.log"


def data_dir() -> Path:
    override = os.environ.get("MURAFAQA_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APPLICATION


def make_private_dir(folder: Path) -> Path:
    """Create folder (and its parents) if missing; the folder itself is made
    owner-only (0700), as the database in it. An existing folder is left as
    it is: it may be the user's own choice (--db on a USB key)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def make_private_file(path: Path) -> Path:
    """Create the file owner-only (0600) if missing, and make an existing one
    owner-only: the log holds what the application was doing with the
    cooperatives' records, personal data like the database's."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600))
    os.chmod(path, 0o600)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def key_file(db_path: Path) -> Path:
    """Where the wrapped key of an encrypted database lives: beside it
    (read by the window before any of the store is loaded)."""
    return db_path.with_name(db_path.name + ".key")


# Set to 1 by the test suite (and implied by --unencrypted) so that a new
# database may be made in clear; the application never sets it.
UNENCRYPTED_ENV = "MURAFAQA_UNENCRYPTED"


def unencrypted_allowed() -> bool:
    return os.environ.get(UNENCRYPTED_ENV) == "1"


def log_path() -> Path:
    return data_dir() / LOG_FILENAME
