"""``murafaqa sync`` and ``murafaqa conflicts`` against the in-process server."""
from __future__ import annotations

import json

import pytest

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.services import cooperatives
from murafaqa_desktop.store.db import open_db
from server.mfq_harness import BASE, PASSWORD, Laptop, coaches_sharing_a_cooperative


@pytest.fixture
def wired(server, monkeypatch):
    """Every HTTP client the CLI makes talks to the in-process server."""
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


def test_first_sync_enrols_then_reports(wired, tmp_path, monkeypatch, capsys):
    wired.user("ali")
    db_path = tmp_path / "ali.db"
    db = open_db(db_path)
    make_cooperative(db)
    db.close()
    monkeypatch.setenv("MURAFAQA_PASSWORD", PASSWORD)
    assert cli.main(["sync", "--db", str(db_path), "--server", BASE, "--user", "ali"]) == 0
    out = capsys.readouterr().out
    assert "Poste inscrit pour ali" in out and "Envoyé : 1 modification(s)" in out
    monkeypatch.delenv("MURAFAQA_PASSWORD")
    assert cli.main(["sync", "--db", str(db_path), "--lang", "ar"]) == 0  # the token is enough now
    assert "أرسل: 0" in capsys.readouterr().out


def test_sync_refusals_are_one_line(wired, tmp_path, capsys, demo_db_file):
    assert cli.main(["sync", "--db", str(tmp_path / "x.db")]) == 2
    assert "pas encore inscrit" in capsys.readouterr().err
    assert cli.main(["sync", "--db", str(demo_db_file), "--server", BASE, "--user", "ali"]) == 2
    err = capsys.readouterr().err
    assert "démonstration" in err and len(err.strip().splitlines()) == 1


def test_another_user_is_refused_on_this_database(wired, tmp_path, capsys):
    wired.user("ali")
    lap = Laptop(wired, tmp_path / "ali.db", "ali")
    lap.close()
    assert cli.main(["sync", "--db", str(lap.path), "--user", "sara"]) == 2
    assert "appartient à ali" in capsys.readouterr().err


def test_conflicts_listed(wired, tmp_path, capsys):
    a, b, coop = coaches_sharing_a_cooperative(wired, tmp_path)
    cooperatives.update(a.db, coop["id"], {"members": 30})
    cooperatives.update(b.db, coop["id"], {"members": 44})
    a.sync()
    b.close()
    assert cli.main(["sync", "--db", str(b.path)]) == 0
    assert "nouveaux conflits : 1" in capsys.readouterr().out
    assert cli.main(["conflicts", "--db", str(b.path), "--json"]) == 0
    [c] = json.loads(capsys.readouterr().out)
    assert (c["field"], c["server_value"], c["client_value"]) == ("members", 30, 44)
    assert cli.main(["conflicts", "--db", str(b.path)]) == 0
    assert "Modifié des deux côtés" in capsys.readouterr().out


def test_history_prints_the_server_s_changes_and_the_unsent_ones(wired, tmp_path, capsys):
    """``murafaqa history REG --json``: fetched at once (the laptop is
    enrolled and the server answers), this laptop's unsent edit on top."""
    wired.user("ali")
    lap = Laptop(wired, tmp_path / "ali.db", "ali")
    coop = make_cooperative(lap.db)
    lap.sync()
    with lap.db.atomic():
        cooperatives.update(lap.db, coop["id"], {"phone": "0655555555"})
    lap.close()
    db = str(tmp_path / "ali.db")
    assert cli.main(["history", "RC-2022-0001", "--db", db, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["fetch"] == "fetched" and out["fetched_at"] and out["unsent"] == 1
    assert out["cooperative"] == {"id": coop["id"], "registration_number": "RC-2022-0001"}
    first, rest = out["entries"][0], out["entries"][1:]
    assert (first["sent"], first["field"], first["label"], first["old"], first["new"]) == (
        False, "phone", "Téléphone", "0612345678", "0655555555")
    assert rest and all(e["sent"] and e["user"] == "ali" and e["op"] == "insert" for e in rest)
    assert {"registration_number", "phone", "name_fr"} <= {e["field"] for e in rest}
    # Offline: what is kept, with the time of its fetch.
    assert cli.main(["history", "RC-2022-0001", "--db", db, "--offline", "--lang", "ar"]) == 0
    text = capsys.readouterr().out
    assert "سجل الخادم مجلوب في" in text and "* " in text and "الهاتف" in text


def test_history_of_an_unknown_number_is_one_line_and_exit_2(wired, tmp_path, capsys):
    wired.user("ali")
    Laptop(wired, tmp_path / "ali.db", "ali").close()
    assert cli.main(["history", "NO-SUCH", "--db", str(tmp_path / "ali.db")]) == 2
    err = capsys.readouterr().err
    assert "NO-SUCH" in err and len(err.strip().splitlines()) == 1
