"""A sync that meets a full disk says so in the user's language and loses
nothing: the laptop's own work stays queued, what was received is dropped
whole (the cursor does not move), and once there is room the next sync
converges. SQLite's ``max_page_count`` stands for the full disk."""
from __future__ import annotations

import pytest

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.services import cooperatives
from murafaqa_desktop.store import db as store_db
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.sync import errors
from murafaqa_server import data
from server.mfq_harness import BASE, PASSWORD, Laptop
from sync.test_cli_sync import wired  # noqa: F401 - the fixture

ROOM = 40  # pages of 4 kB the laptop's database may still grow by


def fill_the_server(server, tmp_path, n: int = 400) -> None:
    coach = Laptop(server, tmp_path / "coach.db", server.user("ali", "coach", "07"))
    for i in range(n):
        make_cooperative(coach.db, registration_number=f"FULL/{i}", president="ن" * 110, name_ar="تعاونية " + "ن" * 150)
    coach.sync()
    coach.close()


def squeeze(db) -> None:
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + ROOM}")


def test_a_pull_on_a_full_disk_says_so_and_loses_nothing(server, tmp_path):
    fill_the_server(server, tmp_path)
    lap = Laptop(server, tmp_path / "karim.db", server.user("karim", "coordinator", "07"))
    mine = make_cooperative(lap.db, registration_number="MINE/1")
    cooperatives.update(lap.db, mine["id"], {"members": 77})
    queued = st.outbox_count(lap.db)
    squeeze(lap.db)

    with pytest.raises(errors.SyncError) as caught:
        lap.sync(page_rows=100)
    assert caught.value.kind == errors.DISK_FULL
    assert "Le disque est plein" in caught.value.fr and "القرص ممتلئ" in caught.value.ar
    assert "disk is full" not in caught.value.fr
    assert st.get_int(lap.db, "cursor") == 0, "nothing half-received shows"
    assert st.outbox_count(lap.db) in (0, queued)  # pushed and acknowledged, or still waiting
    assert lap.db.execute("SELECT members FROM cooperatives WHERE id = ?", [mine["id"]]).fetchone()[0] == 77

    lap.db.execute("PRAGMA max_page_count = 1073741823")  # room again
    lap.sync()
    assert st.outbox_count(lap.db) == 0
    assert lap.db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 401
    with server.engine.connect() as conn:
        held = {r.id: r.data for r in data.all_live(conn)}
    assert held[mine["id"]]["members"] == 77 and len(held) == 401
    lap.close()


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_murafaqa_sync_on_a_full_disk_says_so_in_arabic(wired, tmp_path, monkeypatch, capsys):  # noqa: F811
    fill_the_server(wired, tmp_path)
    wired.user("karim", "coordinator", "07")
    path = tmp_path / "karim.db"
    monkeypatch.setenv("MURAFAQA_PASSWORD", PASSWORD)
    real = store_db.open_db

    def small(p, **kwargs):
        db = real(p, **kwargs)
        squeeze(db)
        return db

    monkeypatch.setattr(store_db, "open_db", small)
    assert cli.main(["sync", "--db", str(path), "--server", BASE, "--user", "karim", "--lang", "ar"]) == 2
    err = capsys.readouterr().err
    assert "القرص ممتلئ" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    monkeypatch.setattr(store_db, "open_db", real)
    assert cli.main(["sync", "--db", str(path)]) == 0
    db = open_db(path)
    assert db.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 400
    db.close()
