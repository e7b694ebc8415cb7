"""Backing up and restoring a laptop's database with SQLite's online backup
API: the copy is consistent even while the application is writing."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from ..paths import make_private_dir
from . import keys, sync_state
from .db import Connection, Error, StoreError, connect, create_private, disk_full, is_plain, key_of, open_db

# What a backup never carries: the laptop's credentials with the server.
# A copy kept on a USB key would otherwise let whoever holds it sync as this
# laptop; a restored copy enrols again anyway (see restore_from). The
# enrolment's id is kept apart, as ``previous_device_id``: it lets nobody
# sync (a password is needed to enrol), and tells the next enrolment which
# of the backup's waiting changes the server already took.
LAPTOP_CREDENTIALS = ("token", "device_id")


def backup_to(db: Database, target: str | Path) -> Path:
    """Write a consistent copy of db to target (replaced only once complete),
    owner-only (0600) and without the laptop's credentials.

    The snapshot is taken in memory and the credentials removed there, so
    they never reach the target's disk; VACUUM INTO then writes only live
    rows, never the free space where an earlier token may still lie.

    The copy is encrypted with the database's own key (it never changes):
    the snapshot in memory is keyed as the database is, and VACUUM INTO
    writes with the key of the connection it runs on. That key, wrapped as on
    the laptop (under its passphrase and its recovery key, never in clear),
    is written beside the copy (``<copy>.key``): a laptop lost or replaced,
    its backup still opens elsewhere with the passphrase of the day it was
    made, or the recovery key (``restore_from``)."""
    target = Path(target)
    key = _key_of(db)
    partial = target.with_name(target.name + ".part")
    try:
        make_private_dir(target.parent)
        partial.unlink(missing_ok=True)
        snapshot = connect(":memory:", key)
        try:
            db.conn.backup(snapshot)
            _forget_credentials(snapshot)
            create_private(partial)  # VACUUM INTO fills an empty file and keeps its mode
            snapshot.execute("VACUUM INTO ?", [str(partial)])
        finally:
            snapshot.close()
        dest = connect(partial, key)
        try:
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dest.close()
        _fsync(partial)  # VACUUM INTO does not: the copy must be on the key before it counts
        if key is not None:
            _copy_key_file(db, target)
        os.replace(partial, target)
    except (OSError, Error) as e:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        error = disk_full(e, target)
        if error is not None:
            raise error from None
        raise StoreError("backup_failed", f"Sauvegarde impossible vers {target} : {e}",
                         f"تعذر حفظ النسخة الاحتياطية في {target}: {e}") from None
    return target


def _copy_key_file(db: Database, target: Path) -> None:
    """The database's key file, copied beside target (a database keyed with
    no key file, as some tests open one, has none to copy)."""
    source = keys.key_path(db.execute("PRAGMA database_list").fetchone()[2])
    if source.exists():
        _copy_file(source, keys.key_path(target))


def _copy_file(source: Path, dest: Path) -> None:
    """source's bytes at dest, owner-only, whole or not at all."""
    partial = dest.with_name(dest.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        create_private(partial)
        partial.write_bytes(source.read_bytes())
        _fsync(partial)
        os.replace(partial, dest)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def unlock_backup(source: str | Path, secret: str) -> bytes:
    """A backup's own key, from the key file beside it, with the passphrase
    its laptop had when it was made, or that laptop's recovery key."""
    path = backup_key_file(source)
    if not path.exists():
        raise StoreError("no_backup_key",
                         f"Cette sauvegarde a été faite sur un autre poste : son fichier de clé {path.name} "
                         "doit être à côté d'elle (il est écrit avec chaque sauvegarde).",
                         f"أُنجزت هذه النسخة الاحتياطية على حاسوب آخر: يجب أن يكون ملف مفتاحها {path.name} "
                         "بجانبها (يُكتب مع كل نسخة احتياطية).")
    try:
        return keys.unlock(path, secret)
    except keys.KeyFileError:
        try:
            return keys.unlock_with_recovery_key(path, secret)
        except keys.KeyFileError:
            raise StoreError("wrong_backup_secret",
                             "Ni la phrase secrète du poste de cette sauvegarde, ni sa clé de secours : "
                             "rien n'a été restauré.",
                             "ليست العبارة السرية لحاسوب هذه النسخة ولا مفتاح استعادته: لم يُستعد أي شيء.") from None


def backup_key_file(source: str | Path) -> Path:
    """Where a backup's key file is (beside it)."""
    return keys.key_path(source)


def opens_with(source: str | Path, key: bytes | None) -> bool:
    """Does the backup at source read with key (a plain one with any)?"""
    if is_plain(source):
        return True
    if key is None:
        return False
    try:
        conn = connect(source, key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except Error:
        return False
    return True


def _key_of(db: Database) -> bytes | None:
    """The key db was opened with (None for a plain database)."""
    name = db.execute("PRAGMA database_list").fetchone()[2]
    if not name or is_plain(name):
        return None
    key = key_of(db)
    if key is None:
        raise StoreError("locked", "La base est verrouillée : déverrouillez-la avant de la sauvegarder.",
                         "قاعدة البيانات مقفلة: افتحها قبل حفظ نسخة منها.")
    return key


def _forget_credentials(snapshot: Connection) -> None:
    if snapshot.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_state'").fetchone():
        with snapshot:
            db = Database(snapshot, execute_plugins=False)
            _keep_enrolment(db)
            sync_state.put(db, **dict.fromkeys(LAPTOP_CREDENTIALS))


def _keep_enrolment(db: Database) -> None:
    """Set apart the enrolment the copy's waiting changes were numbered
    under, and the last number given then: the next enrolment drops the
    changes up to it that the server took already, and only those (what is
    typed in the copy later is numbered from there on again, and is new)."""
    previous = sync_state.get(db, "device_id") or sync_state.get(db, "previous_device_id")
    through = sync_state.get(db, "previous_outbox_through") if sync_state.get(db, "device_id") is None else None
    sync_state.put(db, previous_device_id=previous,
                   previous_outbox_through=None if previous is None else through or sync_state.outbox_sequence(db))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def default_backup_name(now: dt.datetime | None = None) -> str:
    return f"murafaqa-{(now or dt.datetime.now()).strftime('%Y-%m-%d-%H%M')}.db"


def check_backup(source: str | Path, key: bytes | None = None) -> None:
    """Refuse anything that is not a whole Murafaqa database (an encrypted
    one opens with key, the laptop's database key)."""
    source = Path(source)
    if not source.is_file():
        raise StoreError("no_backup", f"Fichier introuvable : {source}", f"الملف غير موجود: {source}")
    try:
        conn = connect(source, None if is_plain(source) else key)
        try:
            conn.execute("PRAGMA query_only = ON")
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except Error as e:
        raise StoreError("bad_backup", f"{source} n'est pas une sauvegarde lisible : {e}",
                         f"{source} ليس نسخة احتياطية مقروءة: {e}") from None
    if not ok or not {"cooperatives", "outbox", "_sqlite_migrations"} <= tables:
        raise StoreError("bad_backup", f"{source} n'est pas une sauvegarde Murafaqa intacte",
                         f"{source} ليس نسخة احتياطية سليمة لمرافقة")


@contextlib.contextmanager
def _keyed_like(source: Path, source_key: bytes | None, key: bytes | None, beside: Path) -> Iterator[Path]:
    """source, when its pages can be copied as they are into a database keyed
    with key (the same key, or both plain); else a copy of it under key, made
    beside the restored database: SQLite's backup copies pages and cannot
    change their key (a plain backup made before encryption, or one made on
    another laptop, whose database had a key of its own)."""
    if (key is None and is_plain(source)) or (key is not None and not is_plain(source) and source_key == key):
        yield source
        return
    copy = beside.with_name(beside.name + ".rekeying")
    copy.unlink(missing_ok=True)
    create_private(copy)
    try:
        src = connect(source, None if is_plain(source) else source_key)
        try:
            to = keys.pragma_key(key) if key is not None else "''"
            src.execute(f"ATTACH DATABASE ? AS enc KEY {to}", [str(copy)])
            src.execute("SELECT sqlcipher_export('enc')").fetchall()
            src.execute("DETACH DATABASE enc")
        finally:
            src.close()
        yield copy
    finally:
        copy.unlink(missing_ok=True)


def restore_from(source: str | Path, target: str | Path, source_key: bytes | None = None) -> Path | None:
    """Replace the database at target with the backup at source.

    ``source_key``: the backup's own key, when it is not the target's (a
    backup of another laptop, unlocked from its key file by
    ``unlock_backup``); its content is then written under the target's key,
    or, on a laptop with no database yet, kept under its own.

    What target held is first saved beside it (returned), so a restore can
    itself be undone; the backup API writes into target as one transaction.

    The restored database must enrol again before it syncs: the server has
    applied this laptop's changes up to a number the backup is behind, and
    would take what is typed after the restore, numbered from the backup
    on, for replays of changes it already has. The new enrolment is told
    the last number the server took under the backup's (``previous_device_id``,
    ``sync.account.enrol``): the backup's waiting changes up to it are
    dropped, not sent again; the others are sent. A new enrolment numbers them
    afresh; the server, the user and the offline password are kept."""
    source, target = Path(source), Path(target)
    key = keys.key_for(target)
    if key is None and source_key is not None and not target.exists() and not keys.key_path(target).exists():
        # A laptop with no database yet (a new one): the restored database
        # keeps the backup's key, and its key file (the same passphrase).
        check_backup(source, source_key)
        _copy_file(backup_key_file(source), keys.key_path(target))
        keys.remember(target, source_key)
        key = source_key
    check_backup(source, key if source_key is None else source_key)
    previous = None
    if target.exists():
        current = open_db(target)
        try:
            previous = backup_to(current, target.with_name(f"{target.stem}-before-restore-"
                                                           f"{dt.datetime.now():%Y%m%d-%H%M%S}.db"))
        finally:
            current.close()
    with _keyed_like(source, key if source_key is None else source_key, key, target) as copy:
        src = connect(copy, None if is_plain(copy) else key)
        try:
            src.execute("PRAGMA query_only = ON")
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
            _keep_enrolment(restored)
            sync_state.put(restored, **dict.fromkeys(LAPTOP_CREDENTIALS))
    finally:
        restored.close()
    return previous
