"""A full disk: told in the user's language, and no large WAL left behind.

SQLite's ``max_page_count`` makes it raise SQLITE_FULL exactly as a full
disk does, and an OSError with ENOSPC stands for the system's own; both
work as root and as any user, with no filesystem to mount."""
from __future__ import annotations

import errno
import os

import pytest

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.store import backup as backup_module
from murafaqa_desktop.store import db as store_db
from murafaqa_desktop.store.db import open_db

WORDS = {"fr": "Le disque est plein", "ar": "القرص ممتلئ"}


def wal_size(path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


ROOM = 200  # pages (of 4 kB) a database may still grow by


@pytest.fixture
def small_disk(monkeypatch):
    """Every database the command opens can grow by ROOM pages only."""
    real = store_db.open_db

    def open_small(path, **kwargs):
        db = real(path, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + ROOM}")
        return db

    monkeypatch.setattr(store_db, "open_db", open_small)


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.usefixtures("small_disk")
def test_a_demo_on_a_full_disk_says_so_and_leaves_no_wal(tmp_path, capsys, lang):
    path = tmp_path / "full.db"
    assert cli.main(["demo", "--cooperatives", "300", "--db", str(path), "--lang", lang]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert WORDS[lang] in err and "database or disk is full" not in err
    assert wal_size(path) == 0, "the rolled-back load's pages keep the disk full"
    db = open_db(path)
    assert db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 0
    db.close()


@pytest.mark.usefixtures("small_disk")
def test_an_import_on_a_full_disk_says_so_and_leaves_no_wal(db_path, tmp_path, capsys):
    db = open_db(db_path)
    make_cooperative(db)
    db.close()
    rows = [f"RC/{i};تعاونية رقم {i} {'ن' * 180};2022-01-01;07" for i in range(2, 2000)]
    source = tmp_path / "big.csv"
    source.write_text("registration_number;name_ar;legal_date;region\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert cli.main(["import", str(source), "--db", str(db_path), "--lang", "ar"]) == 2
    err = capsys.readouterr().err
    assert WORDS["ar"] in err and len(err.strip().splitlines()) == 1
    assert wal_size(db_path) == 0
    assert open_db(db_path).execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 1


def test_a_long_write_that_fails_empties_the_wal_it_grew(db_path):
    db = open_db(db_path)
    db.execute("PRAGMA max_page_count = 300")
    with pytest.raises(Exception) as caught, store_db.long_write(db):
        db.execute("CREATE TABLE filler (x)")
        for _ in range(400):
            db.execute("INSERT INTO filler VALUES (?)", ["x" * 3000])
    assert store_db.is_disk_full(caught.value)
    assert wal_size(db_path) == 0
    db.close()


def test_a_long_write_starts_from_an_empty_wal(db_path):
    """On a real full disk, pages committed before the write and still in the
    WAL could not be copied into a database file that must grow for them:
    the WAL could then never be emptied. They are copied first."""
    db = open_db(db_path)
    assert wal_size(db_path) == 0, "a new database's schema is in the file itself"
    make_cooperative(db)
    assert wal_size(db_path) > 0
    with store_db.long_write(db):
        assert wal_size(db_path) == 0
    db.close()


def test_a_backup_to_a_full_disk_says_so_and_leaves_no_partial_file(db_path, tmp_path, capsys, monkeypatch):
    db = open_db(db_path)
    make_cooperative(db)
    db.close()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup_module, "_fsync", full)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert cli.main(["backup", str(usb / "copy.db"), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert WORDS["fr"] in err and "No space left" not in err
    assert list(usb.iterdir()) == []


def test_a_form_save_on_a_full_disk_writes_nothing_and_says_so(db_path):
    """The service a form's save calls: the row and its outbox entry are one
    transaction, so a full disk leaves both as they were; the form then
    shows the message (tests/ui/test_disk_full_message.py) and keeps what
    was typed."""
    from murafaqa_desktop.services import plans
    from murafaqa_desktop.store import outbox

    db = open_db(db_path)
    coop = make_cooperative(db)
    queued = outbox.pending_count(db)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(Exception) as caught:
        for i in range(200):
            plans.add_action(db, coop["id"], {"axis": "marketing", "objective": f"Objectif {i} " + "x" * 400})
    assert store_db.is_disk_full(caught.value)
    assert store_db.disk_full(caught.value).message("ar").startswith(WORDS["ar"])
    saved = db.execute("SELECT count(*) FROM plan_actions").fetchone()[0]
    assert outbox.pending_count(db) == queued + saved, "every saved action has its entry, no entry lacks its row"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
