"""The print dialogs, offscreen: preview in the chosen language, save, print
to a PDF printer, batch with progress and cancel."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest.importorskip("PySide6.QtPdfWidgets")

from pdftext import pdf_text  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from murafaqa_desktop.ui.printing.batch import BatchPrintDialog  # noqa: E402
from murafaqa_desktop.ui.printing.preview import PrintPreviewDialog  # noqa: E402


def test_preview_builds_in_the_chosen_language_and_switches(qtbot, db_path, edge) -> None:
    dialog = PrintPreviewDialog(db_path, "diagnostic", [edge.full_id], lang="ar", ui_lang="fr")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        dialog.show()
    assert dialog.document.pageCount() >= 3
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert "بطاقة التشخيص الاستراتيجي" in pdf_text(dialog.pdf_path.read_bytes(), "ar")
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    assert dialog.lang == "fr"
    assert "Fiche de diagnostic stratégique" in pdf_text(dialog.pdf_path.read_bytes(), "fr")
    image = dialog.document.render(0, QSize(300, 424))
    dark = sum(1 for x in range(0, 300, 3) for y in range(0, 424, 3) if image.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # QtPdf draws the page: text, rules, shaded cells
    qtbot.wait(500)  # the view renders pages asynchronously
    dialog.grab().save(str(db_path.parent / "preview.png"))


def test_save_and_print_to_a_pdf_printer(qtbot, db_path, edge, tmp_path) -> None:
    dialog = PrintPreviewDialog(db_path, "plan", [edge.full_id], lang="ar")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        dialog.show()
    saved = tmp_path / "saved.pdf"
    dialog.save_to(saved)
    assert saved.read_bytes() == dialog.pdf_path.read_bytes()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    dialog.print_to(printer)
    assert len(PdfReader(printed).pages) == dialog.document.pageCount()
    assert printed.stat().st_size > 50_000  # pages drawn, not blank


@pytest.mark.usefixtures("edge")
def test_preview_of_an_unknown_id_says_so(qtbot, db_path) -> None:
    dialog = PrintPreviewDialog(db_path, "session", ["NO-SUCH-SESSION"], lang="fr")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as blocker:
        dialog.show()
    assert "NO-SUCH-SESSION" in blocker.args[0]
    assert not dialog.save_button.isEnabled()


def test_batch_reports_progress_and_writes_one_pdf(qtbot, db_path, edge, tmp_path) -> None:
    out = tmp_path / "batch.pdf"
    dialog = BatchPrintDialog(db_path, "diagnostic", [edge.full_id, edge.empty_id, edge.full_id], out, "ar")
    qtbot.addWidget(dialog)
    seen = []
    dialog.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(dialog.completed, timeout=60_000):
        dialog.show()
    assert out.exists() and len(PdfReader(out).pages) == dialog.result_value.pages
    assert dialog.bar.value() == 3
    assert seen[-1] == (3, 3)


def test_batch_cancel_leaves_no_file_and_the_window_stays_responsive(qtbot, db_path, edge, tmp_path) -> None:
    out = tmp_path / "cancelled.pdf"
    dialog = BatchPrintDialog(db_path, "diagnostic", [edge.full_id] * 30, out, "ar")
    qtbot.addWidget(dialog)
    dialog.progressed.connect(lambda done, _total: dialog.cancel() if done == 1 else None)
    with qtbot.waitSignal(dialog.stopped, timeout=60_000) as blocker:
        dialog.show()
    assert blocker.args == ["cancelled"]
    assert dialog.bar.value() < 30
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_closing_right_after_switching_language_waits_for_every_build(qtbot, db_path, edge) -> None:
    """A build for the previous language is still finishing its sheet when the
    coordinator closes: none may be left running (Qt aborts the application
    when a running thread is destroyed)."""
    dialog = PrintPreviewDialog(db_path, "diagnostic", [edge.full_id] * 3, lang="ar", ui_lang="fr")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    builds = list(dialog._threads)  # every build's thread (no widget owns one: kit.background)
    assert sum(t.isRunning() for t in builds) >= 2  # the first ones had no time to finish
    dialog.reject()
    assert not any(t.isRunning() for t in builds)
