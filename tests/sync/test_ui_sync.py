"""The sync widgets (pytest-qt, offscreen): scheduler off the main thread,
status texts, enrolment dialog, conflicts view."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from factories import make_cooperative  # noqa: E402
from murafaqa_desktop.services import cooperatives  # noqa: E402
from murafaqa_desktop.store import outbox as outbox_store  # noqa: E402
from murafaqa_desktop.store import sync_state as st  # noqa: E402
from murafaqa_desktop.store.db import open_db  # noqa: E402
from murafaqa_desktop.sync import errors  # noqa: E402
from murafaqa_desktop.sync.transport import HttpTransport  # noqa: E402
from server.mfq_harness import BASE, PASSWORD, Laptop, coaches_sharing_a_cooperative  # noqa: E402

pytestmark = pytest.mark.parametrize("server", ["sqlite"], indirect=True)


@pytest.fixture
def speak(qapp):
    """speak("fr") switches the interface language; Arabic again afterwards
    (the application's default, which the other Qt tests start from)."""
    from murafaqa_desktop.ui.kit.i18n import Language

    language = Language.of(qapp)
    yield language.set
    language.set("ar")


def factory_for(server):
    return lambda db: HttpTransport(BASE, st.get(db, "token"), client=server.client)


def test_scheduler_syncs_off_the_main_thread_and_the_status_follows(qtbot, server, tmp_path, speak):
    from murafaqa_desktop.ui.sync.scheduler import SyncScheduler
    from murafaqa_desktop.ui.sync.status import SyncStatusWidget

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    make_cooperative(lap.db)
    lap.close()
    scheduler = SyncScheduler(lap.path, transport_factory=factory_for(server))
    speak("fr")
    status = SyncStatusWidget(lap.path, scheduler)
    qtbot.addWidget(status)
    assert status.label.text() == "1 modification en attente"
    speak("ar")
    assert status.label.text() == "تعديل واحد في الانتظار"
    speak("fr")
    with qtbot.waitSignal(scheduler.finished, timeout=20_000) as done:
        scheduler.sync_now()
        assert status.label.text() == "Synchronisation…" and scheduler.busy()
    assert done.args[0]["pushed"] == 1
    assert status.label.text().startswith("À jour à ")
    scheduler.stop()


def test_a_network_failure_shows_offline_and_retries_with_backoff(qtbot, tmp_path, server, speak):
    from murafaqa_desktop.ui.sync.scheduler import BACKOFF_MS, SyncScheduler
    from murafaqa_desktop.ui.sync.status import SyncStatusWidget

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    lap.close()

    class Down:
        def post(self, *_, **__):
            raise errors.network("no route")

    probes = []
    scheduler = SyncScheduler(lap.path, transport_factory=lambda _db: Down(), prober=lambda url: probes.append(url))
    speak("fr")
    status = SyncStatusWidget(lap.path, scheduler)
    qtbot.addWidget(status)
    with qtbot.waitSignal(scheduler.failed, timeout=20_000):
        scheduler.sync_now()
    assert status.label.text() == "Hors ligne · 0 modification en attente"
    assert scheduler.retry.isActive() and scheduler.retry.interval() == BACKOFF_MS[0]
    scheduler._probe()  # the server still does not answer: wait longer
    assert probes == [BASE] and scheduler.retry.interval() == BACKOFF_MS[1]
    scheduler.stop()


def test_an_error_says_what_to_do(qtbot, tmp_path, server, speak):
    from murafaqa_desktop.ui.sync.scheduler import SyncScheduler
    from murafaqa_desktop.ui.sync.status import SyncStatusWidget

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    lap.close()
    server.disable("ali")
    scheduler = SyncScheduler(lap.path, transport_factory=factory_for(server))
    status = SyncStatusWidget(lap.path, scheduler)
    qtbot.addWidget(status)
    with qtbot.waitSignal(scheduler.failed, timeout=20_000):
        scheduler.sync_now()
    speak("ar")
    text = status.label.text()
    assert text.startswith("خطأ في المزامنة") and "اتصل بالمسؤول" in text and "disabled" in text
    speak("fr")
    text = status.label.text()
    assert text.startswith("Erreur de synchronisation") and "demandez à l'administrateur" in text


def test_enrol_dialog(qtbot, tmp_path, server):
    from murafaqa_desktop.ui.sync.enrol import EnrolDialog

    server.user("ali")
    path = tmp_path / "new.db"
    open_db(path).close()
    dialog = EnrolDialog(path, client_factory=lambda: server.client)
    qtbot.addWidget(dialog)
    dialog.server.setText(BASE)
    dialog.user.setText("ali")
    dialog.password.setText("wrong")
    dialog.enrol()
    assert "refusé" in dialog.message.text().lower() or "رفض" in dialog.message.text()
    assert dialog.account is None
    dialog.password.setText(PASSWORD)
    dialog.enrol()
    assert dialog.account is not None and dialog.account.name == "ali"
    db = open_db(path)
    assert st.get(db, "user") == "ali"
    db.close()


@pytest.mark.parametrize("code", ["ar", "fr"])
def test_conflicts_view_picks_a_value_as_an_ordinary_edit(qtbot, tmp_path, server, speak, code):
    from murafaqa_desktop.ui.kit.widgets import select_row
    from murafaqa_desktop.ui.sync.conflicts import ConflictsView

    speak(code)

    a, b, coop = coaches_sharing_a_cooperative(server, tmp_path)
    cooperatives.update(a.db, coop["id"], {"members": 30})
    cooperatives.update(b.db, coop["id"], {"members": 44})
    a.sync(), b.sync()
    b.close()
    view = ConflictsView(b.path)
    qtbot.addWidget(view)
    view.show()
    assert view.table.rowCount() == 1
    assert [view.table.item(0, j).text() for j in (2, 3)] == ["30", "44"]
    select_row(view.table, 0)  # (QTableView.selectRow selects nothing in right-to-left layouts)
    view.other.setText("abc")
    view._resolve("other")
    assert view.table.rowCount() == 1  # refused like any form entry, in the interface's language
    assert view.message.text() == ("عدد المتعاونين: «abc» ليس عددًا صحيحًا" if code == "ar"
                                   else "Adhérents : « abc » n'est pas un nombre entier")
    view._resolve("mine")
    assert view.table.rowCount() == 0
    db = open_db(b.path)
    assert outbox_store.pending_count(db) == 1
    assert db.execute("SELECT members FROM cooperatives").fetchone() == (44,)
    db.close()
    view.grab().save(str(tmp_path / "conflicts.png"))


def test_each_sync_closes_the_transport_it_opened(qtbot, tmp_path, server):
    """One HTTP client per sync, closed with it: a day of syncs leaves no
    connection open behind."""
    from murafaqa_desktop.ui.sync.scheduler import SyncScheduler

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    lap.close()
    made: list[HttpTransport] = []
    closed: list[HttpTransport] = []

    class Counted(HttpTransport):
        def close(self) -> None:
            closed.append(self)
            super().close()

    def factory(db):
        made.append(Counted(BASE, st.get(db, "token"), client=server.client))
        return made[-1]

    scheduler = SyncScheduler(lap.path, transport_factory=factory)
    for _ in range(2):
        with qtbot.waitSignal(scheduler.finished, timeout=20_000):
            scheduler.sync_now()
    scheduler.stop()
    assert len(made) == 2 and closed == made
    assert not server.client.is_closed  # a client given to the transport stays its owner's



def test_the_status_tells_the_bytes_received_and_the_time_left(qtbot, tmp_path, server, speak):
    from murafaqa_desktop.ui.sync.scheduler import SyncScheduler
    from murafaqa_desktop.ui.sync.status import SyncStatusWidget

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    lap.close()
    scheduler = SyncScheduler(lap.path, transport_factory=factory_for(server))
    status = SyncStatusWidget(lap.path, scheduler)
    qtbot.addWidget(status)
    speak("fr")
    assert status.bytes_text(120_000, 480_000, 20.0) == "Synchronisation… 120 Ko sur 480 Ko, environ 60 s restantes"
    assert status.bytes_text(30_000, 0, 5.0) == "Synchronisation… 30 Ko reçus"
    speak("ar")
    assert status.bytes_text(120_000, 480_000, 20.0) == "جار المزامنة… 120 ك.ب من 480 ك.ب، يتبقى حوالي 60 ث"
    scheduler.stop()
