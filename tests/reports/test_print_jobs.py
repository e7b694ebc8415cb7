"""A print job that fails at once (an unknown id) is still reported: the
dialogs listen to the worker before its thread starts."""
from __future__ import annotations

import os
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest.importorskip("PySide6.QtPdfWidgets")

from PySide6.QtCore import QThread  # noqa: E402

from murafaqa_desktop.ui.kit import background  # noqa: E402
from murafaqa_desktop.ui.printing import jobs as print_jobs  # noqa: E402
from murafaqa_desktop.ui.printing.batch import BatchPrintDialog  # noqa: E402
from murafaqa_desktop.ui.printing.preview import PrintPreviewDialog  # noqa: E402


@pytest.fixture
def jobs_done_before_start_returns(monkeypatch):
    """The worst timing, made certain: the job has run (and emitted) by the
    time QThread.start() returns to the dialog."""
    ran = threading.Event()
    open_db = print_jobs.open_db

    def open_db_telling_when_closed(*args, **kwargs):
        # The worker closes its database last, after emitting its outcome.
        db = open_db(*args, **kwargs)
        close = db.close

        def close_and_tell() -> None:
            close()
            ran.set()

        db.close = close_and_tell  # type: ignore[method-assign]
        return db

    class SlowToReturn(QThread):
        def start(self, *args) -> None:  # type: ignore[override]
            ran.clear()
            super().start(*args)
            assert ran.wait(20)

    monkeypatch.setattr(print_jobs, "open_db", open_db_telling_when_closed)
    monkeypatch.setattr(background, "QThread", SlowToReturn)  # where the job's thread is made


@pytest.mark.usefixtures("jobs_done_before_start_returns")
def test_the_preview_hears_a_job_that_failed_before_start_returned(qtbot, db_path):
    dialog = PrintPreviewDialog(db_path, "session", ["NO-SUCH-SESSION"], lang="fr", ui_lang="fr")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=5_000) as blocker:
        dialog.show()
    assert "NO-SUCH-SESSION" in blocker.args[0]


@pytest.mark.usefixtures("jobs_done_before_start_returns")
def test_the_batch_hears_a_job_that_failed_before_start_returned(qtbot, db_path, tmp_path):
    dialog = BatchPrintDialog(db_path, "session", ["NO-SUCH-SESSION"], tmp_path / "out.pdf", "fr")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.stopped, timeout=5_000) as blocker:
        pass  # the queued failure arrives once the event loop runs
    assert "NO-SUCH-SESSION" in blocker.args[0]
