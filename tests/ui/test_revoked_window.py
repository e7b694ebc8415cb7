"""The window of a laptop the administrator revoked: at the sync that
hears it, the data is erased, the user told why, the window closed."""
from __future__ import annotations

import pytest

from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.sync.transport import HttpTransport
from server.mfq_harness import BASE
from sync.test_revocation import NAME, PHONE, files_of, laptop_with_unsent_work, revoke


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_the_window_erases_a_revoked_laptop_and_says_why(qtbot, make_window, server, tmp_path):
    from murafaqa_desktop.ui.sync.scheduler import SyncScheduler

    lap, device_id = laptop_with_unsent_work(server, tmp_path)
    lap.close()
    revoke(server, device_id)
    window = make_window(tmp_path / "ali.db", "fr")
    scheduler = SyncScheduler(window.tasks.db_path, window,
                              transport_factory=lambda db: HttpTransport(BASE, st.get(db, "token"),
                                                                         client=server.client))
    window._scheduler = scheduler
    window.watch_revocation(scheduler)
    scheduler.sync_now()
    qtbot.waitUntil(lambda: window.erased and not window.isVisible(), timeout=20_000)
    assert "révoqué ce poste" in window.revoked_message
    assert files_of(tmp_path) == []
    for path in tmp_path.rglob("*"):  # what is left on the laptop (the server's files aside)
        if path.is_file() and not path.name.startswith("server"):
            assert NAME.encode() not in path.read_bytes() and PHONE.encode() not in path.read_bytes()
