"""Preview a printed document inside the app, then print it or save it.

The document's language is chosen here, independently of the interface's
(an Arabic-speaking coordinator may print a French sheet for a partner).
The PDF is built off the main thread into a temporary folder and shown with
QtPdf; Print renders its pages onto the printer chosen in QPrintDialog; Save
copies the finished file, under a temporary name first, to where the user
chose. Self-contained: it needs only the database path, a document kind and
its keys.
"""
from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt, QTemporaryDir, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...reports.batch import atomic_file
from .jobs import PrintJob, start

if TYPE_CHECKING:
    from PySide6.QtCore import QThread

    from .jobs import PrintWorker

LANGUAGES = (("ar", "العربية"), ("fr", "Français"))


class PrintPreviewDialog(QDialog):
    """Preview of one or more documents of a kind, with Print and Save as PDF."""

    ready = Signal()  # the preview shows the current language's document
    failed = Signal(str)

    def __init__(self, db_path: str | Path, kind: str, keys: Sequence[str], lang: str = "ar",
                 parent: QWidget | None = None, ui_lang: str = "fr", **options: Any) -> None:
        super().__init__(parent)
        self.db_path, self.kind, self.keys, self.options = Path(db_path), kind, list(keys), options
        self.ui_lang = ui_lang
        self._tmp = QTemporaryDir()
        self._threads: list[QThread] = []  # every build's, an older one may still be finishing
        self._worker: PrintWorker | None = None
        self._job: PrintJob | None = None
        self._serial = 0
        self.pdf_path: Path | None = None
        self.setWindowTitle(self.tr("Print preview"))
        self.resize(900, 1000)

        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.status = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Document language:")))
        bar.addWidget(self.language)
        bar.addWidget(self.busy)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.language.currentIndexChanged.connect(self.rebuild)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        self.rebuild()

    @property
    def lang(self) -> str:
        code: str = self.language.currentData()  # each choice carries its language code
        return code

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.print_button.setEnabled(not busy and self.pdf_path is not None)
        self.save_button.setEnabled(not busy and self.pdf_path is not None)

    def rebuild(self) -> None:
        """Build the document in the chosen language (off the main thread)."""
        if self._worker is not None:
            self._worker.cancel()
        self._serial += 1
        out = Path(self._tmp.path()) / f"{self.kind}-{self._serial}-{self.lang}.pdf"
        self.pdf_path = None
        self._set_busy(True)
        self.status.setText(self.tr("Preparing the document…"))
        job = PrintJob(self.db_path, self.kind, self.keys, out, self.lang, options=self.options)
        self._job = job
        # Bound methods of this dialog, not lambdas: Qt then queues the call to
        # the main thread (a lambda would run on the worker's thread).
        thread, self._worker = start(job, finished=self._loaded, failed=self._failed)
        self._threads = [t for t in self._threads if t.isRunning()] + [thread]

    def _loaded(self, result: Any, job: PrintJob) -> None:
        if job is not self._job:
            return  # an older build (another language) finishing late
        path = result.files[0]
        self.document.load(str(path))
        self.pdf_path = path
        self._set_busy(False)
        self.status.setText(self.tr("%n page(s)", "", self.document.pageCount()))
        self.ready.emit()

    def _failed(self, fr: str, ar: str, job: PrintJob) -> None:
        if job is not self._job:
            return
        message = ar if self.ui_lang == "ar" else fr
        self._set_busy(False)
        self.status.setText(message)
        self.failed.emit(message)

    def save_to(self, target: Path) -> None:
        """Copy the previewed PDF to target; target appears only when whole."""
        assert self.pdf_path is not None
        with atomic_file(target) as f, open(self.pdf_path, "rb") as source:
            shutil.copyfileobj(source, f)

    def save_as(self) -> None:
        if self.pdf_path is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), f"{self.kind}-{self.lang}.pdf",
                                              self.tr("PDF documents (*.pdf)"))
        if not name:
            return
        try:
            self.save_to(Path(name))
        except Exception as e:  # noqa: BLE001 - the user is told, nothing half-written
            QMessageBox.warning(self, self.tr("Save as PDF"), getattr(e, "ar" if self.ui_lang == "ar" else "fr",
                                                                      str(e)))

    PRINT_DPI = 300  # enough for text on paper; 1200 dpi pages would take 500 MB each

    def print_to(self, printer: QPrinter) -> None:
        """Draw every page of the document on printer: rendered at up to
        300 dpi, scaled to the printable area, aspect ratio kept."""
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("the printer could not be opened")
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                target = QRectF(0, 0, points.width() * scale, points.height() * scale)
                dpi = min(printer.resolution(), self.PRINT_DPI)
                size = QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
                painter.drawImage(target, self.document.render(page, size))
        finally:
            painter.end()

    def print_document(self) -> None:
        if self.pdf_path is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf_path.stem)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.cancel()
        # Wait for every build, not only the latest: one started for the
        # previous language stops after its current sheet, and a thread
        # destroyed while running aborts the whole application.
        for thread in self._threads:
            if thread.isRunning():
                thread.quit()
                thread.wait(10_000)
        super().done(result)
