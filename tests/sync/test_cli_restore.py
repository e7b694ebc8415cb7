"""After ``murafaqa restore``, ``murafaqa sync`` asks for the password to
enrol the laptop again, and what was typed after the restore reaches the
server. A backup on its own (someone else's USB key) cannot sync."""
from __future__ import annotations

import getpass
import shutil

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.services import cooperatives
from murafaqa_desktop.store.db import open_db
from murafaqa_server import data
from server.mfq_harness import BASE, PASSWORD
from sync.test_cli_sync import wired  # noqa: F401 - the fixture


def test_sync_after_a_restore_asks_to_enrol_and_loses_nothing(wired, tmp_path, monkeypatch, capsys):  # noqa: F811
    wired.user("ali")
    db_path = tmp_path / "ali.db"
    db = open_db(db_path)
    coop = make_cooperative(db)
    db.close()
    monkeypatch.setenv("MURAFAQA_PASSWORD", PASSWORD)
    assert cli.main(["sync", "--db", str(db_path), "--server", BASE, "--user", "ali"]) == 0
    monkeypatch.delenv("MURAFAQA_PASSWORD")
    usb = tmp_path / "usb"
    usb.mkdir()
    assert cli.main(["backup", str(usb / "copy.db"), "--db", str(db_path)]) == 0
    db = open_db(db_path)
    cooperatives.update(db, coop["id"], {"members": 31})  # numbered after the backup, applied by the server
    db.close()
    assert cli.main(["sync", "--db", str(db_path)]) == 0
    capsys.readouterr()

    assert cli.main(["restore", str(usb / "copy.db"), "--db", str(db_path)]) == 0
    assert "enrôlez de nouveau ce portable" in capsys.readouterr().out
    db = open_db(db_path)
    cooperatives.update(db, coop["id"], {"president": "Khadija"})  # typed after the restore
    db.close()
    prompts: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": prompts.append(prompt) or PASSWORD)
    assert cli.main(["sync", "--db", str(db_path)]) == 0
    assert prompts == ["Mot de passe : "], "the restored laptop enrols again, with its owner's password"
    assert "Poste inscrit pour ali" in capsys.readouterr().out
    with wired.engine.connect() as conn:
        held = {r.id: r.data for r in data.all_live(conn)}
    assert held[coop["id"]]["president"] == "Khadija"


def test_a_backup_alone_cannot_sync_without_the_password(wired, tmp_path, monkeypatch, capsys):  # noqa: F811
    wired.user("ali")
    db_path = tmp_path / "ali.db"
    db = open_db(db_path)
    make_cooperative(db)
    db.close()
    monkeypatch.setenv("MURAFAQA_PASSWORD", PASSWORD)
    assert cli.main(["sync", "--db", str(db_path), "--server", BASE, "--user", "ali"]) == 0
    monkeypatch.delenv("MURAFAQA_PASSWORD")
    assert cli.main(["backup", str(tmp_path / "copy.db"), "--db", str(db_path)]) == 0
    found = tmp_path / "found-on-a-usb-key.db"
    shutil.copy(tmp_path / "copy.db", found)
    monkeypatch.setattr(getpass, "getpass", lambda *_, **__: "a guess")
    capsys.readouterr()
    assert cli.main(["sync", "--db", str(found)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
