"""What the window opens on, decided before its first frame without loading
the store: reading the key file's presence and the database's first bytes."""
from __future__ import annotations

from pathlib import Path

from ... import paths

UNLOCK, CREATE, ENCRYPT = "unlock", "create", "encrypt"
PLAIN_HEADER = b"SQLite format 3\x00"


def _first_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(len(PLAIN_HEADER))
    except OSError:
        return b""


def start_mode(db_path: Path) -> str | None:
    """UNLOCK: an encrypted database; CREATE: none yet, its passphrase to
    choose; ENCRYPT: a plain one from an earlier version, to encrypt; None:
    open as it is (a plain database where the test suite allows it)."""
    first = _first_bytes(db_path)
    if paths.key_file(db_path).exists():
        # A key file beside a plain database: an encryption stopped half-way
        # (store/encrypt.py); unlocking finishes it.
        return UNLOCK
    if paths.unencrypted_allowed():
        return None
    if first == PLAIN_HEADER:
        return ENCRYPT
    return CREATE if not first else UNLOCK
