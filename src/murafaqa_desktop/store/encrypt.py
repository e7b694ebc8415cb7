"""Encrypting, in place, a database made in clear by an earlier version.

The encrypted copy is written beside the database, checked (integrity and
the rows of every table) and flushed to disk, and only then renamed over
the plain file: a crash at any moment leaves at the database's path either
the plain database, whole, or the encrypted one, whole. A copy left
half-written by a crash is thrown away by the next attempt.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from . import keys
from .db import Connection, Error, StoreError, connect, create_private, disk_full, is_plain

SUFFIX = ".encrypting"


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def _table_counts(conn: Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard_partial(path: Path) -> None:
    partial = partial_path(path)
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)


def encrypt_in_place(path: str | Path, key: bytes) -> None:
    """Encrypt the plain database at path with key. No connection to it may
    be open (it is done at start, before the window or a command opens it)."""
    path = Path(path)
    if not is_plain(path):
        raise StoreError("not_plain", f"{path} n'est pas une base en clair.", f"{path} ليست قاعدة غير مشفرة.")
    partial = partial_path(path)
    try:
        _discard_partial(path)
        plain = connect(path, None)
        try:
            # Everything into the database file itself, and no WAL left whose
            # pages would belong to the plain file once the encrypted one has
            # its name.
            plain.execute("PRAGMA journal_mode=DELETE").fetchone()
            expected = _table_counts(plain)
            create_private(partial)
            plain.execute(f"ATTACH DATABASE ? AS enc KEY {keys.pragma_key(key)}", [str(partial)])
            plain.execute("SELECT sqlcipher_export('enc')").fetchall()
            plain.execute("DETACH DATABASE enc")
        finally:
            plain.close()
        check = connect(partial, key)
        try:
            ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            copied = _table_counts(check)
        finally:
            check.close()
        if not ok or copied != expected:
            raise StoreError("encryption_check", f"La copie chiffrée de {path} diffère de l'original : "
                             "la base en clair est gardée telle quelle.",
                             f"النسخة المشفرة من {path} تختلف عن الأصل: احتُفظ بالقاعدة غير المشفرة كما هي.")
        _fsync(partial)
        os.replace(partial, path)
        with contextlib.suppress(OSError):  # the rename itself on disk (not possible on Windows)
            _fsync(path.parent)
    except (OSError, Error) as e:
        with contextlib.suppress(OSError):
            _discard_partial(path)
        raise disk_full(e, path) or StoreError("encryption_failed", f"Chiffrement de {path} impossible : {e}",
                                               f"تعذر تشفير {path}: {e}") from None
    except StoreError:
        _discard_partial(path)
        raise
