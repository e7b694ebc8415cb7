"""Backup while the app runs, and restore that keeps what it replaces."""
import pytest

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.store import outbox
from murafaqa_desktop.store.backup import backup_to, restore_from
from murafaqa_desktop.store.db import StoreError, open_db


def test_backup_is_consistent_while_a_transaction_is_open(db, tmp_path):
    make_cooperative(db, registration_number="KEPT")
    with db.atomic():  # the app is in the middle of writing
        make_cooperative(db, registration_number="IN-FLIGHT")
        other = open_db(db.conn.execute("PRAGMA database_list").fetchone()[2])
        backup_to(other, tmp_path / "copy.db")
        other.close()
    copy = open_db(tmp_path / "copy.db")
    assert [r[0] for r in copy.execute("SELECT registration_number FROM cooperatives")] == ["KEPT"]
    assert outbox.pending_count(copy) == 1  # unsent work travels with the backup
    assert not (tmp_path / "copy.db.part").exists()


def test_restore_replaces_the_database_and_keeps_the_old_one(db_path, tmp_path):
    db = open_db(db_path)
    make_cooperative(db, registration_number="OLD-LAPTOP")
    backup_to(db, tmp_path / "b.db")
    make_cooperative(db, registration_number="AFTER-BACKUP")
    db.close()
    previous = restore_from(tmp_path / "b.db", db_path)
    restored = open_db(db_path)
    assert [r[0] for r in restored.execute("SELECT registration_number FROM cooperatives")] == ["OLD-LAPTOP"]
    kept = open_db(previous)
    assert kept.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 2


def test_restore_refuses_what_is_not_a_whole_backup(db_path, tmp_path):
    db = open_db(db_path)
    make_cooperative(db)
    db.close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"x" * 4096)
    with pytest.raises(StoreError):
        restore_from(junk, db_path)
    with pytest.raises(StoreError):
        restore_from(tmp_path / "missing.db", db_path)
    assert open_db(db_path).execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 1


def test_backup_and_restore_commands(capsys, db_path, tmp_path):
    db = open_db(db_path)
    make_cooperative(db)
    db.close()
    folder = tmp_path / "usb"
    folder.mkdir()
    assert cli.main(["backup", str(folder), "--db", str(db_path)]) == 0
    [made] = list(folder.glob("murafaqa-*.db"))
    fresh = tmp_path / "new-laptop.db"
    assert cli.main(["restore", str(made), "--db", str(fresh)]) == 0
    assert open_db(fresh).execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 1
    assert cli.main(["backup", str(db_path / "under-a-file.db"), "--db", str(db_path)]) == 2
    assert "Traceback" not in capsys.readouterr().err
