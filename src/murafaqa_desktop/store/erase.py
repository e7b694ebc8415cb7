"""Erasing a laptop's database and the copies the application keeps beside
it, when the server says the laptop was revoked (lost or stolen).

Every connection to the database must be closed first (the caller's
business): the files are overwritten with zeros, then removed. Overwriting
does not reach what an SSD keeps in its spare blocks; the encryption of the
database covers that. The changes not yet sent are lost on purpose: they
may be a thief's.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .db import StoreError

# SQLite's own files beside a database, and the application's unfinished copy.
SIDE_FILES = ("-wal", "-shm", "-journal", ".part")
_CHUNK = 1 << 20


def copies_of(db_path: Path) -> list[Path]:
    """The database, its side files and the copies the application keeps
    beside it (a restore keeps the database it replaced, ``store/backup.py``),
    those that exist."""
    found = [db_path, *(db_path.with_name(db_path.name + suffix) for suffix in SIDE_FILES)]
    found += sorted(db_path.parent.glob(f"{db_path.stem}-before-restore-*"))
    return [p for p in found if p.is_file()]


def _overwrite(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b", buffering=0) as f:
        zeros = bytes(_CHUNK)
        done = 0
        while done < size:
            done += f.write(zeros[:min(_CHUNK, size - done)])
        f.flush()
        os.fsync(f.fileno())


def erase_database(db_path: str | Path) -> list[Path]:
    """Overwrite and remove the database and its copies; the files removed.
    One that cannot be removed is said (the others are removed anyway)."""
    db_path = Path(db_path)
    removed, stuck = [], []
    for path in copies_of(db_path):
        try:
            with contextlib.suppress(OSError):  # removing it is what counts
                _overwrite(path)
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            continue
        except OSError:
            stuck.append(path)
    if stuck:
        names = ", ".join(str(p) for p in stuck)
        raise StoreError("erase_failed", f"Effacement incomplet : supprimez vous-même {names}",
                         f"مسح غير مكتمل: احذف بنفسك {names}")
    return removed
