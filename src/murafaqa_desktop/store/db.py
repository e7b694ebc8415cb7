"""Opening the local database: the pragmas that keep a coach's work safe."""
from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import DomainError


class StoreError(DomainError):
    kind = "storage"


def is_disk_full(error: BaseException) -> bool:
    """SQLite's SQLITE_FULL (its write failed with ENOSPC, or max_page_count)
    or the system's own ENOSPC."""
    if isinstance(error, sqlite3.Error):
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


def open_db(path: str | Path, *, check_same_thread: bool = True, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at path and bring its schema up to date.

    WAL lets the interface read while the worker writes; synchronous=FULL
    makes a commit survive a power cut (a flat battery in the field);
    foreign keys keep children from outliving their cooperative.
    """
    path = Path(path)
    try:
        created = create_private(path)
        conn = sqlite3.connect(str(path), check_same_thread=check_same_thread, timeout=15,
                               isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=15000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not created:
            _tighten(path)
    except (OSError, sqlite3.DatabaseError) as e:
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
