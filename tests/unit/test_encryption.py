"""The database on the laptop is encrypted: what SQLCipher must do for us,
the key file, and that no name or phone number lies in clear on the disk."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlite_utils import Database

from murafaqa_desktop.services import demo
from murafaqa_desktop.store import cooperatives as coops
from murafaqa_desktop.store import keys
from murafaqa_desktop.store.backup import backup_to, restore_from
from murafaqa_desktop.store.db import StoreError, is_plain, open_db

KEY = bytes(range(32))
OTHER = bytes(range(1, 33))


pytestmark = pytest.mark.usefixtures("encryption_on")


def _keyed(path: Path, key: bytes = KEY) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {keys.pragma_key(key)}")
    return conn


# What the store relies on in sqlcipher3-wheels, checked on its own.

def test_the_library_gives_fts5_sqlite_utils_wal_and_encrypted_copies(tmp_path: Path) -> None:
    conn = _keyed(tmp_path / "a.db")
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    db = Database(conn)
    db["t"].insert_all([{"id": 1, "name": "Coopérative Zitouna"}], pk="id")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(name)")
    db.execute("INSERT INTO f SELECT name FROM t")
    assert db.execute("SELECT name FROM f WHERE f MATCH 'zitouna'").fetchall() == [("Coopérative Zitouna",)]
    # temporary tables stay in memory: nothing in clear in a temporary file
    assert conn.execute("PRAGMA temp_store=MEMORY").fetchall() == []
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
    # VACUUM INTO and the backup API write with the key: the copies are encrypted
    conn.execute("VACUUM INTO ?", [str(tmp_path / "vacuum.db")])
    target = _keyed(tmp_path / "backup.db")
    conn.backup(target)
    target.close()
    for copy in ("vacuum.db", "backup.db"):
        assert b"Zitouna" not in (tmp_path / copy).read_bytes()
        assert _keyed(tmp_path / copy).execute("SELECT name FROM t").fetchall() == [("Coopérative Zitouna",)]
    # a wrong key reads nothing
    with pytest.raises(sqlcipher.DatabaseError, match="not a database"):
        _keyed(tmp_path / "vacuum.db", OTHER).execute("SELECT * FROM t").fetchall()


# The key file.

def test_the_key_file_unlocks_with_the_passphrase_or_the_recovery_key(tmp_path: Path) -> None:
    path = tmp_path / "murafaqa.db.key"
    db_key, recovery = keys.create(path, "une phrase assez longue")
    assert len(db_key) == 32 and len(recovery.replace("-", "")) == 32
    assert keys.unlock(path, "une phrase assez longue") == db_key
    assert keys.unlock_with_recovery_key(path, recovery.lower().replace("-", " ")) == db_key
    with pytest.raises(keys.KeyFileError) as wrong:
        keys.unlock(path, "une phrase assez longuE")
    assert wrong.value.code == "wrong_passphrase" and "incorrecte" in wrong.value.fr and wrong.value.ar
    with pytest.raises(keys.KeyFileError):
        keys.unlock_with_recovery_key(path, keys.new_recovery_key())
    assert db_key.hex() not in path.read_text() and path.stat().st_mode & 0o077 == 0


def test_changing_the_passphrase_rewraps_the_same_key(tmp_path: Path) -> None:
    path = tmp_path / "murafaqa.db.key"
    db_key, recovery = keys.create(path, "première phrase secrète")
    keys.change_passphrase(path, db_key, "seconde phrase secrète")
    assert keys.unlock(path, "seconde phrase secrète") == db_key
    assert keys.unlock_with_recovery_key(path, recovery) == db_key
    with pytest.raises(keys.KeyFileError):
        keys.unlock(path, "première phrase secrète")


def test_a_short_passphrase_is_refused_in_both_languages(tmp_path: Path) -> None:
    with pytest.raises(keys.KeyFileError) as short:
        keys.create(tmp_path / "k", "court")
    assert "10" in short.value.fr and "10" in short.value.ar
    assert not (tmp_path / "k").exists()


def test_the_product_kdf_is_argon2id_at_rfc_9106_cost() -> None:
    assert keys.Kdf() == keys.Kdf(time_cost=3, memory_kib=65536, parallelism=4)


# The database.

def test_a_new_database_needs_a_key_and_is_not_made_plain(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as locked:
        open_db(tmp_path / "new.db")
    assert locked.value.code == "locked"
    db = open_db(tmp_path / "new.db", key=KEY)
    db.close()
    assert not is_plain(tmp_path / "new.db")


def test_no_name_or_phone_in_clear_in_the_database_its_wal_or_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "murafaqa.db"
    keys.remember(path, KEY)
    db = open_db(path)
    demo.generate(db, 30, seed=5)
    secrets = [v.encode("utf-8") for r in db.execute("SELECT name_ar, president, phone FROM cooperatives")
               for v in r if v]
    assert len(secrets) >= 60
    db.execute("PRAGMA wal_autocheckpoint=0")
    coops_before = coops.count_all(db)
    row = db.execute("SELECT id FROM cooperatives LIMIT 1").fetchone()[0]
    with db.atomic():  # this write stays in the WAL while the connection is open
        db.execute("UPDATE cooperatives SET president = 'Zineb Ouazzani-Tahiri' WHERE id = ?", [row])
    backup = backup_to(db, tmp_path / "backups" / "copy.db")
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    files = {"database": path.read_bytes(), "wal": wal.read_bytes(), "backup": backup.read_bytes()}
    db.close()
    for what, content in files.items():
        leaked = [s.decode() for s in [*secrets, b"Zineb Ouazzani-Tahiri"] if s in content]
        assert not leaked, f"{what} holds in clear: {leaked[:3]}"
    # and the backup restores, with the same key
    restored = tmp_path / "other.db"
    keys.remember(restored, KEY)
    restore_from(backup, restored)
    again = open_db(restored)
    assert coops.count_all(again) == coops_before
    assert again.execute("SELECT president FROM cooperatives WHERE id = ?", [row]).fetchone()[0] == \
        "Zineb Ouazzani-Tahiri"
    again.close()


def test_a_wrong_key_says_so_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "murafaqa.db"
    db = open_db(path, key=KEY)
    demo.generate(db, 3, seed=1)
    db.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError) as wrong:
        open_db(path, key=OTHER)
    assert wrong.value.code == "wrong_key" and wrong.value.ar
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert not path.with_name(path.name + "-wal").exists() or \
        path.with_name(path.name + "-wal").stat().st_size == 0


def test_a_plain_backup_of_an_earlier_version_restores_into_the_encrypted_database(tmp_path: Path) -> None:
    plain = tmp_path / "old.db"
    old = open_db(plain, unencrypted=True)
    demo.generate(old, 4, seed=2)
    names = sorted(r[0] for r in old.execute("SELECT name_ar FROM cooperatives"))
    old.close()
    path = tmp_path / "murafaqa.db"
    keys.remember(path, KEY)
    open_db(path).close()
    restore_from(plain, path)
    assert not is_plain(path)
    db = open_db(path)
    assert sorted(r[0] for r in db.execute("SELECT name_ar FROM cooperatives")) == names
    db.close()
    assert sqlite3.connect(plain).execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 4
