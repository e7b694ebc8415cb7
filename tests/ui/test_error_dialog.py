"""An unexpected error reaches one dialog that offers its details to copy."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from murafaqa_desktop import paths
from murafaqa_desktop.ui.kit.errors import ErrorReporter, tr


def test_an_unexpected_error_offers_its_details_to_copy(qapp):
    reporter = ErrorReporter(None, interactive=True)
    seen: dict = {}

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    def inspect() -> None:
        if not boxes():
            QTimer.singleShot(50, inspect)
            return
        box = boxes()[0]
        seen["text"], seen["details"] = box.text(), box.detailedText()
        copy = [b for b in box.buttons() if b.text() == tr("Copy the details")]
        seen["copy"] = len(copy)
        copy[0].click()
        QTimer.singleShot(50, lambda: box.isVisible() and box.close())

    QTimer.singleShot(100, inspect)
    QTimer.singleShot(5000, lambda: [b.done(0) for b in boxes()])  # never hang the suite
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError as e:
        reporter.report(e)
    assert seen["copy"] == 1
    assert str(paths.log_path()) in seen["text"] and "Traceback" in seen["details"]
    assert "disk on fire" in QGuiApplication.clipboard().text()
    assert "disk on fire" in paths.log_path().read_text(encoding="utf-8")
