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


def factory_for(server):
    return lambda db: HttpTransport(BASE, st.get(db, "token"), client=server.client)


def test_scheduler_syncs_off_the_main_thread_and_the_status_follows(qtbot, server, tmp_path):
    from murafaqa_desktop.ui.sync_scheduler import SyncScheduler
    from murafaqa_desktop.ui.sync_status import SyncStatusWidget

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    make_cooperative(lap.db)
    lap.close()
    scheduler = SyncScheduler(lap.path, transport_factory=factory_for(server))
    status = SyncStatusWidget(lap.path, scheduler)
    qtbot.addWidget(status)
    assert "1 change(s) waiting" in status.label.text()
    with qtbot.waitSignal(scheduler.finished, timeout=20_000) as done:
        scheduler.sync_now()
        assert "Syncing" in status.label.text() and scheduler.busy()
    assert done.args[0]["pushed"] == 1
    assert status.label.text().startswith("Up to date at")
    scheduler.stop()


def test_a_network_failure_shows_offline_and_retries_with_backoff(qtbot, tmp_path, server):
    from murafaqa_desktop.ui.sync_scheduler import BACKOFF_MS, SyncScheduler
    from murafaqa_desktop.ui.sync_status import SyncStatusWidget

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    lap.close()

    class Down:
        def post(self, *a):
            raise errors.network("no route")

    probes = []
    scheduler = SyncScheduler(lap.path, transport_factory=lambda db: Down(), prober=lambda url: probes.append(url))
    status = SyncStatusWidget(lap.path, scheduler)
    qtbot.addWidget(status)
    with qtbot.waitSignal(scheduler.failed, timeout=20_000):
        scheduler.sync_now()
    assert status.label.text().startswith("Offline · 0 change(s) waiting")
    assert scheduler.retry.isActive() and scheduler.retry.interval() == BACKOFF_MS[0]
    scheduler._probe()  # the server still does not answer: wait longer
    assert probes == [BASE] and scheduler.retry.interval() == BACKOFF_MS[1]
    scheduler.stop()


def test_an_error_says_what_to_do(qtbot, tmp_path, server):
    from murafaqa_desktop.ui.sync_scheduler import SyncScheduler
    from murafaqa_desktop.ui.sync_status import SyncStatusWidget

    server.user("ali")
    lap = Laptop(server, tmp_path / "a.db", "ali")
    lap.close()
    server.disable("ali")
    scheduler = SyncScheduler(lap.path, transport_factory=factory_for(server))
    status = SyncStatusWidget(lap.path, scheduler)
    qtbot.addWidget(status)
    with qtbot.waitSignal(scheduler.failed, timeout=20_000):
        scheduler.sync_now()
    text = status.label.text()  # the interface speaks Arabic by default
    assert "Sync error" in text and "اتصل بالمسؤول" in text and "revoked" in text


def test_enrol_dialog(qtbot, tmp_path, server):
    from murafaqa_desktop.ui.sync_enrol import EnrolDialog

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


def test_conflicts_view_picks_a_value_as_an_ordinary_edit(qtbot, tmp_path, server):
    from murafaqa_desktop.ui.sync_conflicts import ConflictsView

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
    view.table.selectRow(0)
    view.other.setText("abc")
    view._resolve("other")
    assert view.message.text() and view.table.rowCount() == 1  # refused like any form entry
    view._resolve("mine")
    assert view.table.rowCount() == 0
    db = open_db(b.path)
    assert outbox_store.pending_count(db) == 1
    assert db.execute("SELECT members FROM cooperatives").fetchone() == (44,)
    db.close()
    view.grab().save(str(tmp_path / "conflicts.png"))
