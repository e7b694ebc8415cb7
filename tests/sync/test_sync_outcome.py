"""What a sync leaves in the sync state, whoever ran it (the window's
scheduler, ``murafaqa sync``, a script): when the last one finished, and why
the last one did not. Kept once, by the engine."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from murafaqa_desktop import cli  # noqa: E402
from murafaqa_desktop.store import sync_state as st  # noqa: E402
from murafaqa_desktop.store.db import open_db  # noqa: E402
from murafaqa_desktop.sync import errors  # noqa: E402
from murafaqa_desktop.sync.engine import Cancelled, SyncEngine  # noqa: E402
from murafaqa_desktop.sync.transport import HttpTransport  # noqa: E402
from server.mfq_harness import Laptop  # noqa: E402

pytestmark = pytest.mark.parametrize("server", ["sqlite"], indirect=True)
NO_ROUTE = errors.network("no route").fr


class Down:
    def post(self, *_a: object, **_kw: object) -> None:
        raise errors.network("no route")

    def close(self) -> None:
        pass


@pytest.fixture
def ali(server, tmp_path):
    server.user("ali")
    lap = Laptop(server, tmp_path / "ali.db", "ali")
    yield lap
    lap.close()


def test_the_engine_keeps_why_a_sync_failed_and_clears_it_when_one_finishes(ali):
    with pytest.raises(errors.SyncError):
        SyncEngine(ali.db, Down()).run()
    assert st.get(ali.db, "last_error") == NO_ROUTE and st.get(ali.db, "last_sync") is None
    report = ali.sync()
    assert st.get(ali.db, "last_error") is None and st.get(ali.db, "last_sync") == report.finished_at


def test_a_refusal_is_kept_too_and_a_stopped_sync_is_no_failure(server, ali):
    server.disable("ali")
    with pytest.raises(errors.SyncError) as refused:
        ali.sync()
    assert refused.value.kind == errors.AUTH and st.get(ali.db, "last_error") == refused.value.fr
    with pytest.raises(Cancelled):
        ali.sync(cancelled=lambda: True)
    assert st.get(ali.db, "last_error") == refused.value.fr


def test_the_command_line_keeps_it(ali, monkeypatch, capsys):
    ali.close()
    monkeypatch.setattr(HttpTransport, "post", Down.post)
    assert cli.main(["sync", "--db", str(ali.path)]) == 2
    assert capsys.readouterr().err == NO_ROUTE + "\n"
    db = open_db(ali.path)
    assert st.get(db, "last_error") == NO_ROUTE
    db.close()


def test_the_window_keeps_it(qtbot, ali):
    from murafaqa_desktop.ui.sync.scheduler import SyncScheduler

    ali.close()
    scheduler = SyncScheduler(ali.path, transport_factory=lambda _db: Down(), prober=lambda _url: False)
    with qtbot.waitSignal(scheduler.failed, timeout=20_000) as failed:
        scheduler.sync_now()
    assert failed.args == [errors.NETWORK, NO_ROUTE, errors.network("").ar]
    scheduler.stop()
    db = open_db(ali.path)
    assert st.get(db, "last_error") == NO_ROUTE
    db.close()
