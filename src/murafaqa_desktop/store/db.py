"""Opening the local database: the pragmas that keep a coach's work safe."""
from __future__ import annotations

import contextlib
import errno
import os
import sqlite3 as _stdlib_sqlite3  # its error codes: a copy made by other code may raise them
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import cast

# SQLCipher 4 (a build of SQLite with encryption), for every database the
# application opens, plain ones included: one driver, one family of errors.
import sqlcipher3.dbapi2 as sqlite3
from sqlite_utils import Database

from .. import paths
from ..domain.errors import DomainError
from . import keys

# The driver's errors, for the layers that must tell them apart (sync, cli).
Error = sqlite3.Error
DatabaseError = sqlite3.DatabaseError
IntegrityError = sqlite3.IntegrityError
OperationalError = sqlite3.OperationalError
# SQLCipher's connection has the standard module's interface (sqlite-utils
# and the backup API take it as one); typed as that.
Connection = _stdlib_sqlite3.Connection

PLAIN_HEADER = b"SQLite format 3\x00"


class StoreError(DomainError):
    kind = "storage"


def is_disk_full(error: BaseException) -> bool:
    """SQLite's SQLITE_FULL (its write failed with ENOSPC, or max_page_count)
    or the system's own ENOSPC."""
    if isinstance(error, (sqlite3.Error, _stdlib_sqlite3.Error)):
        return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF == sqlite3.SQLITE_FULL
    return isinstance(error, OSError) and error.errno == errno.ENOSPC


def disk_full(error: BaseException, where: str | Path | None = None) -> StoreError | None:
    """The user's message for a full disk, or None when error is something else."""
    if not is_disk_full(error):
        return None
    place = f" ({where})" if where else ""
    return StoreError("disk_full",
                      f"Le disque est plein{place} : rien n'a été enregistré. Libérez de la place "
                      "(fichiers inutiles, corbeille) puis recommencez.",
                      f"القرص ممتلئ{place}: لم يُحفظ أي شيء. وفّر مساحة (ملفات غير ضرورية، سلة "
                      "المحذوفات) ثم أعد المحاولة.")


# The database holds cooperatives' members, finances and the laptop's
# credentials: readable by its owner only.
PRIVATE_FILE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def create_private(path: Path) -> bool:
    """Create path as an empty file only its owner can read, unless it exists.

    Made so from the first byte (never chmod'ed after being readable);
    SQLite takes an empty file for an empty database and gives the
    -wal, -shm and -journal files it makes the database file's mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def _tighten(path: Path) -> None:
    """A database made by an earlier version (0644): owner-only from now on,
    with the side files SQLite made for it. Called once SQLite has read the
    file (a file that is not a database never gets here), and without opening
    the file: closing any descriptor of it would drop the locks SQLite's other
    connections in this process hold on it (POSIX locks belong to the
    process), and a connection that then believes itself alone resets the
    shared WAL index under the others (a crash: SIGBUS)."""
    for file in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        try:
            info = file.stat()
        except FileNotFoundError:
            continue
        mode = stat.S_IMODE(info.st_mode)
        if stat.S_ISREG(info.st_mode) and mode & 0o077:
            os.chmod(file, mode & ~0o077)


def is_plain(path: str | Path) -> bool:
    """A database in clear (made before encryption, or with --unencrypted)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def is_encrypted(path: str | Path) -> bool:
    """A database file that exists, is not empty and is not in clear."""
    path = Path(path)
    return path.is_file() and path.stat().st_size > 0 and not is_plain(path)


def unencrypted_allowed() -> bool:
    return paths.unencrypted_allowed()


def locked(path: Path) -> StoreError:
    return StoreError("locked", f"La base {path} est chiffrée : donnez sa phrase secrète "
                      "(MURAFAQA_PASSPHRASE ou au terminal).",
                      f"قاعدة البيانات {path} مشفرة: أدخل عبارتها السرية "
                      "(MURAFAQA_PASSPHRASE أو في الطرفية).")


def key_of(db: Database) -> bytes | None:
    """The key the database behind db was unlocked with in this process
    (None for a plain database)."""
    name = db.execute("PRAGMA database_list").fetchone()[2]
    if not name or is_plain(name):
        return None
    return keys.key_for(name)


def connect(path: str | Path, key: bytes | None, *, check_same_thread: bool = True) -> Connection:
    """A connection keyed first (SQLCipher reads nothing before PRAGMA key),
    with temporary tables and indexes kept in memory: no temporary file
    in clear, ever."""
    conn = sqlite3.connect(str(path), check_same_thread=check_same_thread, timeout=15, isolation_level=None)
    if key is not None:
        # A wrong key is said once, in the user's language (StoreError
        # "wrong_key"), not as SQLCipher's "hmac check failed" lines on stderr
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {keys.pragma_key(key)}")
    conn.execute("PRAGMA temp_store=MEMORY")
    return cast(Connection, conn)


def open_db(path: str | Path, *, key: bytes | None = None, unencrypted: bool = False,
            check_same_thread: bool = True, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at path and bring its schema up to date.

    An encrypted database opens with key, or the key this process unlocked
    for it (keys.remember); a new one is encrypted with that key, and made
    plain only when unencrypted (or the test suite's UNENCRYPTED_ENV) says so.
    A plain database made before encryption still opens, to be encrypted
    (store/encrypt.py).

    WAL lets the interface read while the worker writes; synchronous=FULL
    makes a commit survive a power cut (a flat battery in the field);
    foreign keys keep children from outliving their cooperative.
    """
    path = Path(path)
    key = key or keys.key_for(path)
    if is_plain(path):
        key = None
    elif key is None and (keys.key_path(path).exists()
                          or (not is_encrypted(path) and not (unencrypted or unencrypted_allowed()))):
        # encrypted, or to be made: its key first. (Bytes that are neither
        # plain nor keyed are tried as they are and said unreadable.)
        raise locked(path)
    try:
        created = create_private(path)
        conn = connect(path, key, check_same_thread=check_same_thread)
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=15000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not created:
            _tighten(path)
    except (OSError, sqlite3.DatabaseError) as e:
        if key is not None and not created and "not a database" in str(e):
            raise StoreError("wrong_key", f"La clé ne correspond pas à la base {path} : rien n'a été modifié.",
                             f"المفتاح لا يطابق قاعدة البيانات {path}: لم يُغيَّر أي شيء.") from None
        raise disk_full(e, path) or StoreError("unreadable_database",
                         f"Impossible d'ouvrir la base {path} : {e}",
                         f"تعذر فتح قاعدة البيانات {path}: {e}") from None
    db = Database(conn, execute_plugins=False)
    if migrate:
        from .migrations import MIGRATIONS

        MIGRATIONS.apply(db)
        if created:
            truncate_wal(db)  # the new schema in the file itself: see long_write
    return db


def truncate_wal(db: Database) -> None:
    """Empty the WAL file once a write has failed or was stopped.

    A rolled-back transaction leaves in the WAL every page it spilled (the
    demo: megabytes); on a full disk that file keeps the disk full until
    the last connection closes. TRUNCATE gives the space back now; a reader
    still open may keep it from completing, which is harmless."""
    if db.conn.in_transaction:
        return
    with contextlib.suppress(sqlite3.Error):
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


@contextlib.contextmanager
def long_write(db: Database) -> Iterator[Database]:
    """db.atomic() for a write of many rows: on failure, rolled back and the
    WAL it grew emptied.

    The WAL is emptied first too: once the disk is full, committed pages
    still in the WAL could not be copied into a database file that must
    grow for them, and the WAL could not be emptied at all."""
    truncate_wal(db)
    try:
        with db.atomic():
            yield db
    except BaseException:
        truncate_wal(db)
        raise


def require_transaction(db: Database) -> None:
    """Edits and their outbox entries must share one transaction."""
    if not db.conn.in_transaction:
        raise RuntimeError("write outside db.atomic(): the edit and its outbox entry must commit together")
