"""The database, its WAL and the data folder are the owner's only, from the
moment they are created."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factories import make_cooperative
from murafaqa_desktop import cli, paths
from murafaqa_desktop.store.db import open_db


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    """The umask most systems ship (022): files SQLite makes would be 0644."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_database_and_its_wal_are_created_owner_only(tmp_path, monkeypatch):
    def no_chmod(*args, **kwargs):
        raise AssertionError("made readable first, then chmod'ed")

    monkeypatch.setattr(os, "chmod", no_chmod)
    path = tmp_path / "new.db"
    db = open_db(path)
    with db.atomic():
        make_cooperative(db)  # a transaction: the -wal and -shm files exist now
    wal, shm = path.with_name("new.db-wal"), path.with_name("new.db-shm")
    assert wal.exists() and shm.exists()
    assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    db.close()


def test_a_database_of_an_earlier_version_becomes_owner_only(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    make_cooperative(db)
    db.close()
    os.chmod(path, 0o644)
    db = open_db(path)
    make_cooperative(db, registration_number="AFTER")
    assert mode(path) == 0o600 and mode(path.with_name("old.db-wal")) == 0o600
    db.close()


def test_a_file_that_is_not_a_database_keeps_its_mode(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database " * 100)
    os.chmod(junk, 0o644)
    assert cli.main(["check", "--db", str(junk)]) == 2
    assert mode(junk) == 0o644


def test_the_data_folder_the_app_creates_is_owner_only(tmp_path, monkeypatch):
    data = tmp_path / "home" / "share" / "Murafaqa"
    monkeypatch.setenv("MURAFAQA_DATA_DIR", str(data))
    assert cli.main(["demo", "--cooperatives", "3"]) == 0
    assert mode(data) == 0o700
    assert mode(paths.default_db_path()) == 0o600
    assert [p.name for p in data.iterdir() if mode(p) & 0o077] == []
