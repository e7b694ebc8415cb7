"""What the main window reaches beyond its pages: printing, backup, About,
the Sync page, and the smoke test of an installation."""
from __future__ import annotations

import os
import subprocess
import sys

from murafaqa_desktop.store.db import open_db


def test_menus_carry_print_backup_and_about_in_both_languages(demo_window):
    w = demo_window
    texts = [a.text() for a in w.file_menu.actions()]
    assert "طباعة بطاقة التشخيص…" in texts or any("التشخيص" in t for t in texts)
    w.set_language("fr")
    texts = [a.text() for a in w.file_menu.actions()]
    assert "Imprimer la fiche de diagnostic…" in texts
    assert "Sauvegarder la base…" in texts
    assert w.help_menu.title().replace("&", "") == "Aide"


def test_about_shows_version_and_where_the_data_and_log_are(window):
    from murafaqa_desktop import __version__, paths
    from murafaqa_desktop.ui.about import AboutDialog

    dialog = AboutDialog(str(window.tasks.db_path), window)
    assert dialog.fields["version"].text() == __version__
    assert dialog.fields["data"].text() == str(paths.data_dir())
    assert dialog.fields["log"].text() == str(paths.log_path())
    assert dialog.fields["database"].text() == str(window.tasks.db_path)


def test_the_sync_page_shows_status_conflicts_and_the_outbox(demo_window, qtbot):
    from murafaqa_desktop.ui.main_window import PAGES

    w = demo_window
    w.show_page([p.key for p in PAGES].index("sync"))
    w.tasks.wait_idle()
    page = w.sync_page
    assert page is not None and page.isVisible()
    assert page.outbox is w.outbox
    assert page.status.text()  # "not connected to a server · N change(s) waiting"
    assert not w.scheduler.busy()  # a laptop never connected does not try to sync


def test_backup_from_the_window_writes_a_whole_copy(demo_window, tmp_path):
    from murafaqa_desktop.store.backup import backup_to

    target = tmp_path / "copy.db"
    demo_window.tasks.run(lambda db: backup_to(db, target))
    demo_window.tasks.wait_idle()
    copy = open_db(target)
    assert copy.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 200


def test_smoke_test_of_an_installation_passes():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "murafaqa_desktop", "--smoke-test"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "smoke test passed" in proc.stdout


def test_smoke_test_fails_when_qt_charts_is_missing():
    # The dashboard imports Qt Charts only when its page opens: the smoke test
    # is what proves a bundle carries it.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = ("import sys; sys.modules['PySide6.QtCharts'] = None; "
            "from murafaqa_desktop.ui import smoke; sys.exit(smoke.run())")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stdout
    assert "smoke test FAILED" in proc.stderr
    assert "QtCharts" in proc.stderr


def test_batch_printing_from_the_window_prints_what_the_list_shows(demo_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from murafaqa_desktop.ui.printing import batch as print_batch

    w = demo_window
    target = tmp_path / "fiches.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_, **__: (str(target), "PDF (*.pdf)")))
    printed: list[list[str]] = []

    def run_to_the_end(dialog) -> int:  # instead of the modal loop: wait for the worker
        with qtbot.waitSignal(dialog.completed, timeout=60_000):
            pass
        printed.append(dialog.job.keys)
        return 1

    monkeypatch.setattr(print_batch.BatchPrintDialog, "exec", run_to_the_end)
    qtbot.waitUntil(lambda: len(w.coops.model.rows) > 0)
    wanted = w.coops.model.rows[3]
    w.coops.search.setText(wanted["registration_number"])
    qtbot.waitUntil(lambda: [r["id"] for r in w.coops.model.rows] == [wanted["id"]])
    w.extra_actions.batch.trigger()  # File → Print the list's sheets
    w.tasks.wait_idle()
    assert printed == [[wanted["id"]]]
    assert target.read_bytes().startswith(b"%PDF")
    assert w.reporter.last is None  # nothing went wrong on the way


def test_the_actions_are_given_what_they_act_on_not_the_window(demo_window, qtbot, tmp_path, monkeypatch):
    """The File menu's printing works from any owner widget, the store's worker,
    the cooperative open now and the list's filter: no window, no pages."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

    from murafaqa_desktop.store.cooperatives import CooperativeFilter
    from murafaqa_desktop.ui.actions import WindowActions
    from murafaqa_desktop.ui.printing import batch as print_batch

    qtbot.waitUntil(lambda: len(demo_window.coops.model.rows) > 2)
    wanted = demo_window.coops.model.rows[2]
    owner = QWidget()
    qtbot.addWidget(owner)
    actions = WindowActions(owner, demo_window.tasks, current_cooperative=lambda: None,
                            list_filter=lambda: CooperativeFilter(text=wanted["registration_number"]))
    actions.retranslate()

    told: list[tuple[object, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, _title, text: told.append((parent, text))))
    actions.preview_sheet.trigger()  # nothing open: said so, over the owner
    assert len(told) == 1 and told[0][0] is owner

    target = tmp_path / "fiches.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_, **__: (str(target), "PDF (*.pdf)")))
    printed: list[tuple[list[str], object]] = []

    def run_to_the_end(dialog) -> int:
        with qtbot.waitSignal(dialog.completed, timeout=60_000):
            pass
        printed.append((dialog.job.keys, dialog.parent()))
        return 1

    monkeypatch.setattr(print_batch.BatchPrintDialog, "exec", run_to_the_end)
    actions.batch.trigger()
    demo_window.tasks.wait_idle()
    assert printed == [([wanted["id"]], owner)]
