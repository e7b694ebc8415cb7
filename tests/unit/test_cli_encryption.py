"""The command line on an encrypted database: the passphrase from the
environment or a terminal, one line and exit 2 without it, a wrong one
changes nothing; ``passphrase change`` and ``encrypt``."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from murafaqa_desktop import cli
from murafaqa_desktop.store import keys
from murafaqa_desktop.store.db import is_plain, open_db

PASSPHRASE = "dix caractères au moins"


pytestmark = pytest.mark.usefixtures("encryption_on")


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    keys.forget()  # each command is a new process: nothing unlocked before it
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def encrypted(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "murafaqa.db"
    monkeypatch.setenv("MURAFAQA_PASSPHRASE", PASSPHRASE)
    code, _, err = run(capsys, "demo", "--cooperatives", "5", "--db", path)
    assert code == 0 and "Clé de secours" in err
    return path


def test_demo_makes_an_encrypted_database_and_says_its_recovery_key_once(encrypted: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert not is_plain(encrypted) and keys.key_path(encrypted).exists()
    code, out, err = run(capsys, "search", "تعاونية", "--json", "--db", encrypted)
    assert code == 0 and len(json.loads(out)) == 5 and "Clé de secours" not in err


def test_without_a_passphrase_one_line_and_exit_2(encrypted: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MURAFAQA_PASSPHRASE")
    code, out, err = run(capsys, "search", "x", "--db", encrypted, "--lang", "ar")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "MURAFAQA_PASSPHRASE" in err
    assert "مشفرة" in err


def test_a_wrong_passphrase_says_so_and_changes_nothing(encrypted: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    before = (_digest(encrypted), _digest(keys.key_path(encrypted)))
    monkeypatch.setenv("MURAFAQA_PASSPHRASE", "pas la bonne phrase")
    for argv in (("demo", "--cooperatives", "3"), ("search", "x"), ("passphrase", "change"), ("backup", "b.db")):
        code, out, err = run(capsys, *argv, "--db", encrypted)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "incorrecte" in err, argv
    assert (_digest(encrypted), _digest(keys.key_path(encrypted))) == before


def test_passphrase_change_rewraps_without_rewriting_the_data(encrypted: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    data = _digest(encrypted)
    monkeypatch.setenv("MURAFAQA_NEW_PASSPHRASE", "court")
    code, _, err = run(capsys, "passphrase", "change", "--db", encrypted)
    assert code == 2 and "10" in err
    monkeypatch.setenv("MURAFAQA_NEW_PASSPHRASE", "une toute nouvelle phrase")
    code, out, _ = run(capsys, "passphrase", "change", "--db", encrypted)
    assert code == 0 and "changée" in out
    assert _digest(encrypted) == data
    code, _, _ = run(capsys, "search", "x", "--db", encrypted)
    assert code == 2
    monkeypatch.setenv("MURAFAQA_PASSPHRASE", "une toute nouvelle phrase")
    code, out, _ = run(capsys, "search", "تعاونية", "--json", "--db", encrypted)
    assert code == 0 and len(json.loads(out)) == 5


def test_encrypt_turns_a_plain_database_into_an_encrypted_one(capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    code, _, err = run(capsys, "demo", "--cooperatives", "4", "--unencrypted", "--db", path)
    assert code == 0 and is_plain(path) and "Clé de secours" not in err
    code, plain_out, _ = run(capsys, "search", "تعاونية", "--json", "--db", path)
    monkeypatch.setenv("MURAFAQA_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "encrypt", "--db", path)
    assert code == 0 and "Clé de secours" in err and not is_plain(path)
    code, out, _ = run(capsys, "search", "تعاونية", "--json", "--db", path)
    assert code == 0 and out == plain_out
    code, _, err = run(capsys, "encrypt", "--db", path)
    assert code == 2 and "déjà chiffrée" in err


def test_a_backup_from_the_command_line_is_encrypted_and_restores(encrypted: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    backup = encrypted.with_name("copy.db")
    code, _, _ = run(capsys, "backup", backup, "--db", encrypted)
    assert code == 0 and not is_plain(backup)
    code, _, _ = run(capsys, "restore", backup, "--db", encrypted)
    assert code == 0
    keys.remember(encrypted, keys.unlock(keys.key_path(encrypted), PASSPHRASE))
    db = open_db(encrypted)
    assert db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 5
    db.close()
