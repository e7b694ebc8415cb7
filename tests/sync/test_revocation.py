"""A laptop the administrator revoked erases its data at its next sync; a
laptop sends its password and token only over HTTPS (or to itself); an
expired token and throttled sign-ins are told in the user's language.
Against the in-process server, as the other sync tests."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from factories import make_cooperative  # noqa: E402
from murafaqa_desktop import cli  # noqa: E402
from murafaqa_desktop.store import sync_state as st  # noqa: E402
from murafaqa_desktop.store.backup import backup_to  # noqa: E402
from murafaqa_desktop.store.db import open_db  # noqa: E402
from murafaqa_desktop.sync import errors  # noqa: E402
from murafaqa_desktop.sync.transport import HttpTransport, check_server_address  # noqa: E402
from murafaqa_server import devices  # noqa: E402
from server.mfq_harness import BASE, PASSWORD, Laptop  # noqa: E402

NAME, PHONE = "Coopérative Tafoukt Revoquée", "0698765432"


@pytest.fixture
def wired(server, monkeypatch):
    """Every HTTP client the command line makes talks to the in-process server."""
    import murafaqa_desktop.sync.transport as transport

    class _Client:
        def __init__(self, *_a, **_k):
            self._c = server.client

        def __getattr__(self, name):
            return getattr(self._c, name)

        def close(self):
            pass

    monkeypatch.setattr(transport.httpx, "Client", _Client)
    return server


def laptop_with_unsent_work(server, tmp_path):
    """Ali's laptop: synced once, then a cooperative typed and not sent, and
    the copy a restore keeps beside the database."""
    server.user("ali")
    lap = Laptop(server, tmp_path / "ali.db", "ali")
    make_cooperative(lap.db)
    lap.sync()
    make_cooperative(lap.db, registration_number="RC-2022-0002", name_fr=NAME, phone=PHONE)
    assert st.outbox_count(lap.db) == 1
    backup_to(lap.db, tmp_path / "ali-before-restore-20260101-101010.db")
    device_id = st.get(lap.db, "device_id")
    assert device_id
    return lap, device_id


def revoke(server, device_id: str) -> None:
    with server.engine.begin() as conn:
        devices.revoke(conn, device_id)


def files_of(tmp_path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ali"))


def test_a_revoked_laptop_erases_its_data_at_the_next_sync(wired, tmp_path, capsys):
    lap, device_id = laptop_with_unsent_work(wired, tmp_path)
    lap.close()
    assert "ali.db" in files_of(tmp_path) and "ali-before-restore-20260101-101010.db" in files_of(tmp_path)
    revoke(wired, device_id)
    assert cli.main(["sync", "--db", str(tmp_path / "ali.db")]) == 2
    err = capsys.readouterr().err
    assert "révoqué ce poste" in err and "effacées" in err and len(err.strip().splitlines()) == 1
    assert files_of(tmp_path) == []  # the database, its WAL and the copy beside it
    for path in tmp_path.rglob("*"):  # what is left on the laptop (the server's files aside)
        if path.is_file() and not path.name.startswith("server"):
            assert NAME.encode() not in path.read_bytes() and PHONE.encode() not in path.read_bytes()


def test_the_revocation_is_said_in_arabic_too(wired, tmp_path, capsys):
    lap, device_id = laptop_with_unsent_work(wired, tmp_path)
    lap.close()
    revoke(wired, device_id)
    assert cli.main(["sync", "--db", str(tmp_path / "ali.db"), "--lang", "ar"]) == 2
    assert "ألغى المسؤول صلاحية هذا الحاسوب" in capsys.readouterr().err
    assert files_of(tmp_path) == []


def test_a_disabled_account_or_a_sign_out_erases_nothing(wired, tmp_path, capsys):
    lap, _ = laptop_with_unsent_work(wired, tmp_path)
    lap.close()
    wired.disable("ali")
    assert cli.main(["sync", "--db", str(tmp_path / "ali.db")]) == 2
    assert "disabled" in capsys.readouterr().err
    db = open_db(tmp_path / "ali.db")
    assert st.outbox_count(db) == 1  # the unsent work is still there
    db.close()


@pytest.mark.parametrize("url", ["https://murafaqa.example.ma", "https://10.0.0.5:8443/", "http://127.0.0.1:8000",
                                 "http://localhost:8000", "http://[::1]:8000"])
def test_https_or_this_laptop_itself_is_accepted(url):
    check_server_address(url)


@pytest.mark.parametrize("url", ["http://murafaqa.example.ma", "http://10.0.0.5:8000", "ftp://x.ma",
                                 "murafaqa.example.ma", "http://127.0.0.1.example.ma"])
def test_a_plain_address_elsewhere_is_refused(url):
    with pytest.raises(errors.SyncError) as e:
        HttpTransport(url)
    assert e.value.kind == errors.INSECURE and "https://" in e.value.fr and "https://" in e.value.ar


def test_the_command_line_refuses_a_plain_address_before_sending_anything(wired, tmp_path, monkeypatch, capsys):
    wired.user("ali")
    monkeypatch.setenv("MURAFAQA_PASSWORD", PASSWORD)
    db_path = tmp_path / "ali.db"
    for lang, needle in (("fr", "n'est pas chiffrée"), ("ar", "غير مشفر")):
        assert cli.main(["sync", "--db", str(db_path), "--server", "http://murafaqa.example.ma", "--user", "ali",
                         "--lang", lang]) == 2
        err = capsys.readouterr().err
        assert needle in err and len(err.strip().splitlines()) == 1
    db = open_db(db_path)
    assert st.get(db, "token") is None and st.get(db, "server") is None  # nothing sent, nothing bound
    db.close()
    with wired.engine.connect() as conn:
        from murafaqa_server import data

        assert data.list_devices(conn) == []


def test_the_enrol_dialog_says_so_under_the_address(qtbot, tmp_path, server):
    from murafaqa_desktop.ui.sync.enrol import EnrolDialog

    server.user("ali")
    path = tmp_path / "new.db"
    dialog = EnrolDialog(path, client_factory=lambda: server.client)
    qtbot.addWidget(dialog)
    dialog.server.setText("http://murafaqa.example.ma")
    dialog.user.setText("ali")
    dialog.password.setText(PASSWORD)
    dialog.enrol()
    assert dialog.account is None and "https://" in dialog.message.text()
    assert not path.exists()


def test_an_expired_token_asks_to_sign_in_again(server, tmp_path):
    from sqlalchemy import update

    from murafaqa_server.tables import devices as devices_table

    lap, device_id = laptop_with_unsent_work(server, tmp_path)
    with server.engine.begin() as conn:
        conn.execute(update(devices_table).where(devices_table.c.id == device_id)
                     .values(token_expires_at="2000-01-01T00:00:00+00:00"))
    with pytest.raises(errors.SyncError) as e:
        lap.sync()
    assert e.value.kind == errors.AUTH and "trop longtemps" in e.value.fr and "مدة طويلة" in e.value.ar
    assert st.outbox_count(lap.db) == 1
    lap.close()


def test_throttled_sign_ins_say_how_long_to_wait(server, tmp_path, monkeypatch):
    import datetime as dt

    from murafaqa_desktop.sync import account
    from murafaqa_server import throttle

    monkeypatch.setattr(throttle, "FIRST_DELAY", dt.timedelta(minutes=1))  # outlasts a slow machine
    server.user("ali")
    db = open_db(tmp_path / "ali.db")
    transport = HttpTransport(BASE, client=server.client)
    for _ in range(throttle.THRESHOLD):
        with pytest.raises(errors.SyncError) as e:
            account.enrol(db, transport, BASE, "ali", "wrong-pass")
        assert e.value.kind == errors.AUTH
    with pytest.raises(errors.SyncError) as e:
        account.enrol(db, transport, BASE, "ali", PASSWORD)
    assert e.value.kind == errors.THROTTLED and "réessayez dans" in e.value.fr and "أعد المحاولة" in e.value.ar
    db.close()
