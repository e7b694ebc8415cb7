"""The History tab: the server's changes fetched off the main thread and
kept, this laptop's unsent ones first and marked, field names as the forms
label them in the user's language; offline, what is kept and since when."""
from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt, QThread

from factories import make_cooperative
from murafaqa_desktop.services import cooperatives
from murafaqa_desktop.services.history import Line
from murafaqa_desktop.ui.record.history_table_model import UNSENT_TINT, HistoryTableModel
from server.mfq_harness import Laptop


@pytest.fixture
def speak(qapp):
    """speak("fr") switches the interface language; Arabic again afterwards
    (the application's default, which the other Qt tests start from; a
    window opened in French leaves it French too)."""
    from murafaqa_desktop.ui.kit.i18n import Language

    language = Language.of(qapp)
    yield language.set
    language.set("ar")


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_the_model_marks_the_unsent_lines_and_names_fields_as_the_forms(speak, code):
    speak(code)
    model = HistoryTableModel()
    model.set_lines([
        Line("2026-03-02T10:00:00+00:00", "ali", "", "cooperatives", "c1", "update", "phone", "0612", "0699",
             False),
        Line("2026-03-01T09:30:00+00:00", "coord", "d2", "plan_actions", "a1", "delete", None,
             {"objective": "Vendre"}, None, True),
        Line("2026-03-01T09:00:00+00:00", "ali", "d1", "cooperatives", "c1", "insert", "status", None, "applied",
             True),
    ])
    assert model.rowCount() == 3 and model.columnCount() == 5
    texts = [[model.index(r, c).data() for c in range(5)] for r in range(3)]
    assert texts[0][1:] == {"fr": ["ali (pas encore envoyé)", "Téléphone", "0612", "0699"],
                            "ar": ["ali (لم يرسل بعد)", "الهاتف", "0612", "0699"]}[code]
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == UNSENT_TINT
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) != texts[0][2]  # says why it is marked
    assert texts[1][1] == "coord" and texts[1][4] == ""
    assert texts[1][2] == {"fr": "Action du plan de développement supprimé(e)",
                          "ar": "حذف: إجراء من مخطط التنمية"}[code]
    assert texts[2][3] == "" and texts[2][4] == {"fr": "Candidate", "ar": "مترشحة"}[code]  # a choice by its label
    assert model.headerData(0, Qt.Orientation.Horizontal) == {"fr": "Quand", "ar": "متى"}[code]
    assert texts[2][0].startswith("2026-03-01 ")


@pytest.fixture
def wired(server, monkeypatch):
    """Every HTTP client the laptop makes talks to the in-process server
    (``down``: as if the network were gone)."""
    import murafaqa_desktop.sync.transport as transport

    state = {"down": False}

    class _Client:
        def __init__(self, *_a, **_k):
            self._c = server.client

        def send(self, request, **kw):
            if state["down"]:
                raise httpx.ConnectError("no route to host")
            return self._c.send(request, **kw)

        def __getattr__(self, name):
            return getattr(self._c, name)

        def close(self):
            pass

    monkeypatch.setattr(transport.httpx, "Client", _Client)
    server.down = state
    return server


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_the_tab_fetches_then_shows_what_is_kept_when_offline(wired, tmp_path, make_window, qtbot, speak, code):
    wired.user("ali")
    wired.user("coord", "coordinator", "07")
    path = tmp_path / "ali.db"
    ali = Laptop(wired, path, "ali")
    coop = make_cooperative(ali.db)
    ali.sync()
    coord = Laptop(wired, tmp_path / "coord.db", "coord")
    coord.sync()
    with coord.db.atomic():
        cooperatives.update(coord.db, coop["id"], {"phone": "0699999999"})
    coord.sync()
    coord.close()
    with ali.db.atomic():
        cooperatives.update(ali.db, coop["id"], {"members": 25})
    ali.close()

    window = make_window(path, code)
    window.open_cooperative(coop["id"])
    window.tasks.wait_idle()
    tab = window.record.history
    ended_on = []
    tab.fetched.connect(lambda _outcome: ended_on.append(QThread.currentThread()))
    with qtbot.waitSignal(tab.fetched, timeout=20_000) as fetched:
        window.record.tabs.setCurrentWidget(tab)
    assert fetched.args == ["fetched"]
    assert ended_on == [window.thread()]  # the fetch ran on its own thread; its outcome is shown on the window's
    window.tasks.wait_idle()
    model = tab.model
    unsent = model.lines[0]
    assert (unsent.sent, unsent.field, unsent.old, unsent.new) == (False, "members", 20, 25)
    phone = next(line for line in model.lines if line.sent and line.who == "coord")
    assert (phone.field, phone.old, phone.new) == ("phone", "0612345678", "0699999999")
    fields = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert ("الهاتف" if code == "ar" else "Téléphone") in fields
    assert tab.unsent_note.isVisibleTo(tab) and "1" in tab.unsent_note.text()
    assert tab.layoutDirection() == (Qt.LayoutDirection.RightToLeft if code == "ar" else
                                     Qt.LayoutDirection.LeftToRight)
    fetched_line = tab.status.text()
    # Offline: the same lines, and since when they are known.
    wired.down["down"] = True
    kept = list(model.lines)
    with qtbot.waitSignal(tab.fetched, timeout=20_000) as failed:
        tab.fetch()
    assert failed.args == ["offline"]
    window.tasks.wait_idle()
    assert model.lines == kept
    assert tab.status.text() != fetched_line and tab.status.toolTip()
    assert tab.shown is not None and tab.shown.fetched_at is not None
    assert tab.refresh_button.isEnabled()


def test_a_laptop_not_enrolled_shows_its_own_changes(make_window, db_path, qtbot, speak):
    window = make_window(db_path, "fr")
    from murafaqa_desktop.store.db import open_db

    db = open_db(db_path)
    coop = make_cooperative(db)
    db.close()
    window.open_cooperative(coop["id"])
    window.tasks.wait_idle()
    tab = window.record.history
    with qtbot.waitSignal(tab.fetched, timeout=20_000) as fetched:
        window.record.tabs.setCurrentWidget(tab)
    assert fetched.args == ["not_enrolled"]
    window.tasks.wait_idle()
    assert tab.model.rowCount() > 0 and not any(line.sent for line in tab.model.lines)
    assert "n'est inscrit auprès d'aucun serveur" in tab.status.text()
