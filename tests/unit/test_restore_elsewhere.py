"""A laptop lost or replaced: its backup, encrypted with its own key, still
opens on another laptop. The key, wrapped as on the laptop, is written
beside every backup; ``murafaqa restore`` asks for the passphrase the lost
laptop had (or its recovery key). Without the key file or with a wrong
secret: one line, exit 2, nothing changed."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from test_cli_encryption import run

from murafaqa_desktop.store import keys
from murafaqa_desktop.store.db import is_plain

OLD = "phrase du portable perdu"
NEW = "phrase du nouveau portable"


pytestmark = pytest.mark.usefixtures("encryption_on")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _names(capsys: pytest.CaptureFixture[str], db: Path) -> set[str]:
    code, out, err = run(capsys, "search", "تعاونية", "--json", "--db", db)
    assert code == 0, err
    return {r["registration_number"] for r in json.loads(out)}


@pytest.fixture
def usb(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, str]:
    """The lost laptop's backup on a USB key, and that laptop's recovery key."""
    lost = tmp_path / "lost" / "murafaqa.db"
    lost.parent.mkdir()
    monkeypatch.setenv("MURAFAQA_PASSPHRASE", OLD)
    code, _, err = run(capsys, "demo", "--cooperatives", "4", "--db", lost)
    assert code == 0
    recovery = err.split(": ")[-1].strip()
    backup = tmp_path / "usb" / "copy.db"
    backup.parent.mkdir()
    assert run(capsys, "backup", backup, "--db", lost)[0] == 0
    assert keys.key_path(backup).exists() and not is_plain(backup)
    assert keys.key_path(backup).read_bytes() == keys.key_path(lost).read_bytes()
    return backup, recovery


def test_a_new_laptop_restores_the_backup_with_the_lost_laptop_s_passphrase(
        usb: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    backup, _ = usb
    target = tmp_path / "new" / "murafaqa.db"
    target.parent.mkdir()
    monkeypatch.delenv("MURAFAQA_PASSPHRASE")
    monkeypatch.setenv("MURAFAQA_BACKUP_PASSPHRASE", OLD)
    code, out, err = run(capsys, "restore", backup, "--db", target)
    assert code == 0, err
    assert not is_plain(target), "restored encrypted, under the backup's own key"
    monkeypatch.setenv("MURAFAQA_PASSPHRASE", OLD)
    assert len(_names(capsys, target)) == 4


@pytest.fixture
def other(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Another laptop's database, with its own key and passphrase (NEW)."""
    target = tmp_path / "other" / "murafaqa.db"
    target.parent.mkdir()
    monkeypatch.setenv("MURAFAQA_PASSPHRASE", NEW)
    assert run(capsys, "demo", "--cooperatives", "2", "--db", target)[0] == 0
    return target


def test_a_laptop_with_its_own_database_restores_it_with_the_recovery_key_under_its_own_key(
        usb: tuple[Path, str], other: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    backup, recovery = usb
    target = other
    key_file_before = _digest(keys.key_path(target))
    monkeypatch.setenv("MURAFAQA_BACKUP_PASSPHRASE", recovery)
    code, out, err = run(capsys, "restore", backup, "--db", target)
    assert code == 0, err
    assert "ancienne base gardée" in out
    assert _digest(keys.key_path(target)) == key_file_before, "this laptop keeps its key and its passphrase"
    assert len(_names(capsys, target)) == 4
    assert not list(target.parent.glob("*.rekeying")), "the re-keyed copy is gone"


def test_without_the_key_file_or_with_a_wrong_secret_nothing_changes(
        usb: tuple[Path, str], other: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    backup, _ = usb
    target = other
    before = sorted((p.name, _digest(p)) for p in target.parent.iterdir())

    monkeypatch.setenv("MURAFAQA_BACKUP_PASSPHRASE", "pas la bonne phrase")
    code, out, err = run(capsys, "restore", backup, "--db", target)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "clé de secours" in err

    monkeypatch.delenv("MURAFAQA_BACKUP_PASSPHRASE")
    code, out, err = run(capsys, "restore", backup, "--db", target, "--lang", "ar")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "MURAFAQA_BACKUP_PASSPHRASE" in err

    keys.key_path(backup).unlink()
    monkeypatch.setenv("MURAFAQA_BACKUP_PASSPHRASE", OLD)
    code, out, err = run(capsys, "restore", backup, "--db", target)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "copy.db.key" in err
    assert sorted((p.name, _digest(p)) for p in target.parent.iterdir()) == before
