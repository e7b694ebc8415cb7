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
