"""A backup never carries the laptop's token: whoever holds a copy (a USB
key) cannot sync as this laptop. And it is the owner's only."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.store import sync_state
from murafaqa_desktop.store.backup import backup_to
from murafaqa_desktop.store.db import open_db

TOKEN = "laptop-token-7f3c9a1e5b2d4f60"
EARLIER = "revoked-token-0a1b2c3d4e5f6071"
DEVICE = "device-5e6f7a8b"


@pytest.fixture(autouse=True)
def usual_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def enrolled(db_path):
    db = open_db(db_path)
    make_cooperative(db)
    with db.atomic():  # an earlier enrolment, forgotten: its bytes may linger in free space
        sync_state.put(db, token=EARLIER, device_id="device-old")
    with db.atomic():
        sync_state.put(db, token=None, device_id=None)
    with db.atomic():
        sync_state.put(db, server="https://murafaqa.example.ma", user="ali", token=TOKEN, device_id=DEVICE,
                       password_salt="00", password_hash="ab")
    yield db
    db.close()


def test_a_backup_holds_no_token_in_its_bytes_nor_in_its_tables(enrolled, tmp_path):
    target = backup_to(enrolled, tmp_path / "usb" / "copy.db")
    raw = target.read_bytes()
    for secret in (TOKEN, EARLIER):
        assert secret.encode() not in raw
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    state = dict(conn.execute("SELECT key, value FROM sync_state").fetchall())
    conn.close()
    assert "token" not in state and "device_id" not in state
    # the enrolment's id, which lets nobody sync, is kept apart: the next
    # enrolment learns from it which waiting changes the server has already
    assert state["previous_device_id"] == DEVICE and int(state["previous_outbox_through"]) >= 1
    # what the restored laptop needs to enrol again and to log in offline is kept
    assert state["server"] == "https://murafaqa.example.ma" and state["user"] == "ali"
    assert state["password_hash"] == "ab"
    assert sync_state.get(enrolled, "token") == TOKEN, "the laptop itself keeps syncing"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.usefixtures("enrolled")
def test_the_backup_command_writes_an_owner_only_file_without_token(db_path, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    assert cli.main(["backup", str(folder), "--db", str(db_path)]) == 0
    [made] = list(folder.iterdir())
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert TOKEN.encode() not in made.read_bytes()
    restored = open_db(made)
    assert restored.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 1
    assert sync_state.get(restored, "token") is None
    restored.close()
