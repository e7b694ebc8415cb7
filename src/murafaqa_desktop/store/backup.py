"""Backing up and restoring a laptop's database with SQLite's online backup
API: the copy is consistent even while the application is writing."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ..paths import make_private_dir
from . import sync_state
from .db import StoreError, create_private, disk_full, open_db

# What a backup never carries: the laptop's credentials with the server.
# A copy kept on a USB key would otherwise let whoever holds it sync as this
# laptop; a restored copy enrols again anyway (see restore_from).
LAPTOP_CREDENTIALS = ("token", "device_id")


def backup_to(db: Database, target: str | Path) -> Path:
    """Write a consistent copy of db to target (replaced only once complete),
    owner-only (0600) and without the laptop's credentials.

    The snapshot is taken in memory and the credentials removed there, so
    they never reach the target's disk; VACUUM INTO then writes only live
    rows, never the free space where an earlier token may still lie."""
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    try:
        make_private_dir(target.parent)
        partial.unlink(missing_ok=True)
        snapshot = sqlite3.connect(":memory:")
        try:
            db.conn.backup(snapshot)
            _forget_credentials(snapshot)
            create_private(partial)  # VACUUM INTO fills an empty file and keeps its mode
            snapshot.execute("VACUUM INTO ?", [str(partial)])
        finally:
            snapshot.close()
        dest = sqlite3.connect(str(partial))
        try:
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dest.close()
        _fsync(partial)  # VACUUM INTO does not: the copy must be on the key before it counts
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as e:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        error = disk_full(e, target)
        if error is not None:
            raise error from None
        raise StoreError("backup_failed", f"Sauvegarde impossible vers {target} : {e}",
                         f"تعذر حفظ النسخة الاحتياطية في {target}: {e}") from None
    return target


def _forget_credentials(snapshot: sqlite3.Connection) -> None:
    if snapshot.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_state'").fetchone():
        with snapshot:
            sync_state.put(Database(snapshot, execute_plugins=False),
                           **dict.fromkeys(LAPTOP_CREDENTIALS))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def default_backup_name(now: dt.datetime | None = None) -> str:
    return f"murafaqa-{(now or dt.datetime.now()).strftime('%Y-%m-%d-%H%M')}.db"


def check_backup(source: str | Path) -> None:
    """Refuse anything that is not a whole Murafaqa database."""
    source = Path(source)
    if not source.is_file():
        raise StoreError("no_backup", f"Fichier introuvable : {source}", f"الملف غير موجود: {source}")
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise StoreError("bad_backup", f"{source} n'est pas une sauvegarde lisible : {e}",
                         f"{source} ليس نسخة احتياطية مقروءة: {e}") from None
    if not ok or not {"cooperatives", "outbox", "_sqlite_migrations"} <= tables:
        raise StoreError("bad_backup", f"{source} n'est pas une sauvegarde Murafaqa intacte",
                         f"{source} ليس نسخة احتياطية سليمة لمرافقة")


def restore_from(source: str | Path, target: str | Path) -> Path | None:
    """Replace the database at target with the backup at source.

    What target held is first saved beside it (returned), so a restore can
    itself be undone; the backup API writes into target as one transaction.

    The restored database must enrol again before it syncs: the server has
    applied this laptop's changes up to a number the backup is behind, and
    would take what is typed after the restore, numbered from the backup
    on, for replays of changes it already has. A new enrolment numbers them
    afresh; the server, the user and the offline password are kept."""
    source, target = Path(source), Path(target)
    check_backup(source)
    previous = None
    if target.exists():
        current = open_db(target)
        try:
            previous = backup_to(current, target.with_name(f"{target.stem}-before-restore-"
                                                           f"{dt.datetime.now():%Y%m%d-%H%M%S}.db"))
        finally:
            current.close()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dest = open_db(target, migrate=False)
        try:
            src.backup(dest.conn)
        finally:
            dest.close()
    finally:
        src.close()
    restored = open_db(target)  # brings an older backup's schema up to date
    try:
        with restored.atomic():
            sync_state.put(restored, token=None, device_id=None)
    finally:
        restored.close()
    return previous
