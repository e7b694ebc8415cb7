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


CLOSED_AS_THE_WORK_ENDS = r'''
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.ui.printing import jobs
from murafaqa_desktop.ui.printing.preview import PrintPreviewDialog

app = QApplication([])
real_open = jobs.open_db

def slow_to_close(*args, **kwargs):
    db = real_open(*args, **kwargs)
    close = db.close
    def close_slowly():
        time.sleep(0.5)  # the outcome is out, the worker still closing its database
        close()
    db.close = close_slowly
    return db

jobs.open_db = slow_to_close
open_db(Path(sys.argv[1])).close()
dialog = PrintPreviewDialog(Path(sys.argv[1]), "session", ["NO-SUCH-SESSION"], lang="fr", ui_lang="fr")
failed = []
dialog.failed.connect(failed.append)
dialog.show()
deadline = time.monotonic() + 20
while not failed and time.monotonic() < deadline:
    app.processEvents()
assert failed, "the failure never came"
import shiboken6
shiboken6.delete(dialog)  # the window goes (as a garbage-collected one does) while its work still ends
del dialog
for _ in range(100):
    app.processEvents()
    time.sleep(0.01)
print("survived", flush=True)
'''


def test_a_dialog_deleted_while_its_work_ends_does_not_abort_the_application(db_path):
    """Qt aborts the whole application when a running thread is destroyed: a
    print dialog closed as its job ends must not take its thread with it."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", CLOSED_AS_THE_WORK_ENDS, str(db_path)], capture_output=True,
                         text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0 and "survived" in out.stdout, out.stderr[-2000:]
