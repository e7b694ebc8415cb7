"""File → Export to Excel: the whole database off the main thread, with
progress and cancel; a cancel or a failure leaves no file behind."""
from __future__ import annotations

import threading

from openpyxl import load_workbook

from murafaqa_desktop.services import export as export_service
from murafaqa_desktop.ui.export_dialog import ExportDialog


def test_export_from_the_file_menu_writes_the_workbook_in_the_window_language(demo_window, qtbot, tmp_path,
                                                                              monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    w = demo_window
    assert "تصدير إلى إكسيل…" in [a.text() for a in w.file_menu.actions()]
    w.set_language("fr")
    assert "Exporter vers Excel…" in [a.text() for a in w.file_menu.actions()]
    w.set_language("ar")

    target = tmp_path / "programme.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_, **__: (str(target), "مصنف إكسيل (*.xlsx)")))
    progress: list[int] = []

    def run_to_the_end(dialog) -> int:  # instead of the modal loop: wait for the worker
        dialog.worker.progress.connect(lambda p: progress.append(p.sheet))
        with qtbot.waitSignal(dialog.completed, timeout=60_000):
            pass
        return 1

    told: list[str] = []
    monkeypatch.setattr(ExportDialog, "exec", run_to_the_end)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _parent, _title, text: told.append(text)))
    w.extra_actions.export.trigger()
    wb = load_workbook(target)
    assert wb.sheetnames[0] == "التعاونيات" and wb["التعاونيات"].max_row == 201
    assert all(ws.sheet_view.rightToLeft for ws in wb.worksheets)
    assert told and str(target) in told[0]
    assert progress and progress[-1] == len(export_service.SHEETS)
    assert w.reporter.last is None


def test_the_csv_choice_makes_a_folder(demo_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    w = demo_window
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *_, **__: (str(tmp_path / "envoi.xlsx"), "ملفات CSV في مجلد جديد (*)")))

    def run_to_the_end(dialog) -> int:
        with qtbot.waitSignal(dialog.completed, timeout=60_000):
            pass
        return 1

    monkeypatch.setattr(ExportDialog, "exec", run_to_the_end)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *_: None))
    w.extra_actions.export.trigger()
    assert (tmp_path / "envoi" / "01 التعاونيات.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_cancel_stops_the_export_and_leaves_no_file(demo_db_file, qtbot, tmp_path, monkeypatch):
    gate = threading.Event()
    rows = export_service.export_rows.rows

    def held_until_cancelled(*args, **kwargs):  # the first sheet waits for the test's cancel
        names, found = rows(*args, **kwargs)

        def after_the_gate():
            gate.wait(20)
            yield from found
        return names, after_the_gate()

    monkeypatch.setattr(export_service.export_rows, "rows", held_until_cancelled)
    monkeypatch.setattr(export_service, "BATCH", 1)
    out = tmp_path / "programme.xlsx"
    dialog = ExportDialog(demo_db_file, out, lang="fr", ui_lang="fr")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.stopped, timeout=20_000) as stopped:
        dialog.reject()  # Escape while it runs: a cancel, not a close
        assert not dialog.buttons.isEnabled()
        gate.set()
    assert stopped.args == ["cancelled"]
    assert list(tmp_path.iterdir()) == []  # no workbook, no temporary file


def test_a_failure_is_said_in_the_dialog(demo_db_file, qtbot, tmp_path):
    dialog = ExportDialog(demo_db_file, tmp_path / "missing" / "x.xlsx", lang="ar", ui_lang="ar")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "غير موجود" in dialog.label.text(), timeout=20_000)
    assert dialog.buttons.isEnabled()


def test_once_cancel_is_pressed_the_dialog_keeps_saying_so(qtbot, demo_db_file, tmp_path) -> None:
    from murafaqa_desktop.services.export import Progress

    dialog = ExportDialog(demo_db_file, tmp_path / "out.xlsx", lang="fr", ui_lang="fr")
    qtbot.addWidget(dialog)
    dialog.cancel()
    cancelling = dialog.label.text()
    dialog._progress(Progress(sheet=2, sheets=11, title="Diagnostics", rows=100))  # the step under way reports
    assert dialog.label.text() == cancelling and dialog.bar.value() == 1
    qtbot.waitUntil(lambda: dialog.worker_thread is not None and not dialog.worker_thread.isRunning(),
                    timeout=30_000)
